import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Playwright's fixture callback is named `use`, and the integration helpers' `useAddress`
    // sets the caller's address: neither is a React hook.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // An unused name that starts with "_" is deliberate (a destructured field left out).
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // Each layer holds its own kind of code (docs/decisions/0039-scopes-and-layers.md).
    // lib/domain is pure: plain TypeScript that any test can call, no framework, no database, no I/O.
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "next-intl",
                "next-intl/*",
                "react",
                "react-dom",
                "server-only",
                "@prisma/*",
                "pg",
                "@electric-sql/*",
              ],
              message: "lib/domain is pure: no framework, no database (decision 0039).",
            },
            {
              group: [
                "@/lib/db/*",
                "@/lib/data/*",
                "@/lib/actions/*",
                "@/lib/storage/*",
                "@/lib/auth/session",
                "@/lib/auth/options",
                "@/lib/auth/scope",
                "@/lib/auth/scope/*",
              ],
              message: "lib/domain is pure: no I/O (decision 0039).",
            },
            {
              group: ["node:fs", "node:fs/*", "fs", "node:child_process", "node:net", "node:http"],
              message: "lib/domain is pure: no I/O (decision 0039).",
            },
          ],
        },
      ],
    },
  },
  {
    // Pages and route handlers read and write through lib/data and lib/actions, never the client.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/client", "@/lib/db/*"], message: "Pages call lib/data, never the database (decision 0039)." }] },
      ],
    },
  },
  globalIgnores([
    ".next*/**",
    "lib/generated/**",
    "node_modules/**",
    "playwright-report/**",
    "test-results/**",
    "data/**",
    "coverage/**",
    "next-env.d.ts",
  ]),
]);
