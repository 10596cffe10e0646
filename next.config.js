// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// The Content-Security-Policy is set per request by proxy.ts, with a nonce (lib/http/guards.ts):
// pages run without 'unsafe-inline' scripts.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "geolocation=(self), camera=(self), microphone=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    const publicPage = [
      // the household card's token is in its URL: never send it on as a referrer; keep it out of search engines
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "X-Robots-Tag", value: "noindex, nofollow" },
    ];
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/card/:path*", headers: publicPage },
      { source: "/help/:path*", headers: publicPage },
    ];
  },
  reactStrictMode: true,
  // a second build beside the first (benchmarks, screenshots while e2e runs): NEXT_DIST_DIR=.next-bench
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // the dev server also answers on 127.0.0.1 (tests, phones on the LAN use the address)
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  // native or wasm packages: loaded by Node at run time, never bundled
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "pg-copy-streams",
  ],
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
  },
  turbopack: {
    resolveAlias: {
      // client trees are sent compiled messages (i18n/compiled-messages.ts): the browser formats them
      // with use-intl's format-only formatter, without IntlMessageFormat and its ICU parser (~12 KB
      // gzip of every page's first load); the server formats both forms (i18n/format-message.ts)
      "use-intl/format-message": {
        browser: "./node_modules/use-intl/dist/esm/production/format-message/format-only.js",
        default: "./i18n/format-message.ts",
      },
    },
  },
};

export default withNextIntl(nextConfig);
