// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // the dev server also answers on 127.0.0.1 (tests, phones on the LAN use the address)
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  // native or wasm packages: loaded by Node at run time, never bundled
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "pg-copy-streams"],
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default withNextIntl(nextConfig);
