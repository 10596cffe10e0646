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
    // Pages and route handlers read and write through lib/data and lib/actions, never the client
    // (docs/decisions/0039-scopes-and-layers.md; lib/domain's purity is tests/unit/i18n.test.ts's).
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
