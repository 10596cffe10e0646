// Prisma CLI configuration. The CLI never downloads an engine: Prisma 6.19's WebAssembly
// schema engine talks to the database through the same driver adapters the app uses.
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapterFactory, PLACEHOLDER_URL } from "./lib/db/cli-adapter";
import { unrefLongTimers } from "./lib/db/adapter-fixes";

unrefLongTimers(); // P5

// Prisma reads `url = env("DATABASE_URL")` even with an adapter, and a missing or
// non-postgres value makes it try to download an engine (decision 0002): keep a placeholder.
const usePglite = !process.env.DATABASE_URL;
if (usePglite) process.env.DATABASE_URL = PLACEHOLDER_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  adapter: async () => cliAdapterFactory(usePglite),
});
