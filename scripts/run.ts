// `npm run dev` / `npm start` / `npm run db:serve`: prepare the database, then run Next.
//
// Without DATABASE_URL this process owns the embedded PGlite folder (./data/pglite), serves it
// on 127.0.0.1 over the PostgreSQL protocol and hands its URL to every child: next dev/start,
// their workers and the Prisma CLI all connect instead of opening the folder (see
// docs/decisions/0001-pglite-served-over-the-wire.md). With DATABASE_URL it uses that server.
// Either way: migrations are applied (`prisma migrate deploy`) and the demo data is seeded on
// first start, its department feeds after it (a child process: scripts/seed-feeds.ts). On
// PostgreSQL, DATABASE_OWNER_URL (the owner role) runs the migrations and grants DATABASE_URL's
// role what the app needs; the app then connects as a role that owns nothing
// (docs/decisions/0024-database-roles.md). The audit key is made once beside the data
// (lib/audit-key.ts), and NEXTAUTH_URL follows JINGZHUN_PUBLIC_URL.
import { splitHosts } from "../lib/db/multi-host";
import "dotenv/config";
import { spawn } from "node:child_process";
import fs from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { databaseChoice, redactUrl } from "../lib/db/config";
import { servePglite, DataDirBusyError, type PgliteServer } from "../lib/db/pglite-owner";
import { createPrisma } from "../lib/db/client";
import { poolConfigFromUrl } from "../lib/db/adapter-fixes";
import { checkRole, grantAppRole } from "../lib/db/roles";
import { ensureAuditKeyFile } from "../lib/audit-key";
import { nextAuthUrl } from "../lib/auth/public-url";

type Mode = "dev" | "start" | "db";
const mode = (process.argv[2] ?? "dev") as Mode;
const root = path.resolve(import.meta.dirname, "..");
const log = (msg: string) => console.log(`[jingzhun] ${msg}`);

function fail(message: string): never {
  console.error(`\n[jingzhun] ✖ ${message}\n`);
  process.exit(1);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A per-installation sign-in secret, made once and kept beside the data (git-ignored). */
function localSecret(): string {
  const dir = path.resolve(process.env.JINGZHUN_DATA_DIR?.trim() || "data");
  const file = path.join(dir, "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function checkConnection(url: string) {
  const client = new pg.Client({ ...poolConfigFromUrl(url), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    fail(
      `无法连接数据库 ${redactUrl(url)}：${err.code ?? err.message}。请检查 DATABASE_URL 与数据库是否运行。\n` +
        `  (Cannot connect to ${redactUrl(url)}: ${err.code ?? err.message}. Check DATABASE_URL and that the server is running.)`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * With DATABASE_OWNER_URL: grant DATABASE_URL's role what the app needs (as the owner). Either
 * way: say loudly when the app's role could rewrite the audit history (superuser or owner).
 */
async function checkRoles(appUrl: string, ownerUrl: string | undefined) {
  const appRole = decodeURIComponent(new URL(splitHosts(appUrl).url).username || "");
  if (ownerUrl) {
    const owner = new pg.Client(poolConfigFromUrl(ownerUrl));
    await owner.connect();
    try {
      await grantAppRole(owner, appRole);
    } finally {
      await owner.end().catch(() => {});
    }
    log(`app role ${appRole}: rows only; the owner role keeps the schema and the audit trigger`);
  }
  const app = new pg.Client(poolConfigFromUrl(appUrl));
  await app.connect();
  try {
    const r = await checkRole(app);
    if (r.superuser || r.ownsAudit) {
      console.warn(
        `\n[jingzhun] ⚠ 应用以 ${r.role} 连接数据库，它${r.superuser ? "是超级用户" : "拥有审计表"}，可关闭审计触发器。请用 DATABASE_OWNER_URL 运行迁移，DATABASE_URL 用只写数据的角色（见 README）。` +
          `\n[jingzhun] ⚠ The app connects as ${r.role}, which ${r.superuser ? "is a superuser" : "owns the audit table"} and could switch the audit trigger off. Run migrations with DATABASE_OWNER_URL and give DATABASE_URL a role that owns nothing (README).\n`,
      );
    }
  } finally {
    await app.end().catch(() => {});
  }
}

async function main() {
  let choice;
  try {
    choice = databaseChoice();
  } catch (e) {
    fail((e as Error).message);
  }
  let server: PgliteServer | undefined;
  let url: string;
  if (choice.kind === "pglite") {
    try {
      server = await servePglite(choice.dataDir, Number(process.env.JINGZHUN_PGLITE_PORT ?? 0));
    } catch (e) {
      if (e instanceof DataDirBusyError) fail(e.message);
      throw e;
    }
    url = server.url;
    log(`PGlite ${path.relative(root, choice.dataDir)} → ${url}`);
  } else {
    url = choice.url;
    await checkConnection(url);
    log(`PostgreSQL ${redactUrl(url)}`);
  }

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));

  const port = process.env.PORT ?? "3000";
  const publicUrl = process.env.JINGZHUN_PUBLIC_URL?.trim().replace(/\/+$/, "") || "";
  const keyFile = ensureAuditKeyFile();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || localSecret(),
    // sign-in redirects and the session cookie's Secure flag (https) follow the public address
    NEXTAUTH_URL: nextAuthUrl(process.env, port),
    ...(keyFile ? { JINGZHUN_AUDIT_KEY_FILE: keyFile } : {}),
  };
  if (mode !== "db" && !publicUrl) {
    console.warn(
      `\n[jingzhun] ⚠ ⚠ ⚠  JINGZHUN_PUBLIC_URL 未设置：打印的明白卡二维码将指向 ${env.NEXTAUTH_URL}，群众扫码打不开。` +
        `\n[jingzhun] ⚠ ⚠ ⚠  JINGZHUN_PUBLIC_URL is not set: QR codes on printed cards will point at ${env.NEXTAUTH_URL}, which households cannot open.` +
        `\n[jingzhun]          Set it to the address people reach this server at, e.g. JINGZHUN_PUBLIC_URL=https://jz.example.gov.cn\n`,
    );
  }

  const ownerUrl = choice.kind === "postgres" ? process.env.DATABASE_OWNER_URL?.trim() : undefined;
  const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
  log(ownerUrl ? "migrate deploy (as the owner role, DATABASE_OWNER_URL) …" : "migrate deploy …");
  if ((await run(process.execPath, [prismaCli, "migrate", "deploy"], ownerUrl ? { ...env, DATABASE_URL: ownerUrl } : env)) !== 0) {
    await server?.stop();
    fail("数据库迁移失败 (prisma migrate deploy failed)");
  }
  if (choice.kind === "postgres") await checkRoles(url, ownerUrl);
  else log("PGlite: one database role (the app owns the audit table); the audit seals and anchors still show a rewrite");

  let seeded = false;
  if (process.env.JINGZHUN_SEED !== "0") {
    const prisma = createPrisma(url, { max: 4 });
    try {
      const { seed } = await import("../lib/seed/index");
      const t0 = Date.now();
      const result = await seed(prisma, { log });
      log(
        result.created
          ? `演示数据已生成 (demo data seeded): ${result.households} households, ${result.members} members, ${Date.now() - t0} ms`
          : "演示数据已存在 (demo data already present)",
      );
      seeded = result.created;
    } finally {
      await prisma.$disconnect();
    }
  }
  // the demo's department feeds (docs/department-feeds.md), on the first seed only: the loader is
  // server-only, so a child process runs it with the react-server condition, connected like
  // every other child (to the PGlite this process serves, or to DATABASE_URL). Loading the same
  // files again creates nothing; a failure leaves the demo without feeds, not without a server.
  if (seeded && process.env.JINGZHUN_SEED_FEEDS !== "0") {
    log("演示部门数据 (demo department feeds) …");
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    if ((await run(process.execPath, [tsx, "--conditions=react-server", path.join(root, "scripts", "seed-feeds.ts")], env)) !== 0) {
      console.warn("[jingzhun] ⚠ 演示部门数据未载入 (the demo feeds did not load): run `npm run seed:feeds` against this database");
    }
  }

  if (mode === "db") {
    log(`serving the database; connect with DATABASE_URL=${url}  (Ctrl-C to stop)`);
    return; // keep serving until a signal
  }

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (mode === "start" && !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no build yet: next build …");
    if ((await run(process.execPath, [nextBin, "build"], env)) !== 0) {
      await server?.stop();
      fail("next build failed");
    }
  }
  // `start` serves through scripts/next-server.mjs, which gives the app the socket's address
  // (lib/http/request-address.ts); `dev` stays on `next dev` (hot reload).
  const args = mode === "start" ? [path.join(root, "scripts", "next-server.mjs"), port] : [nextBin, mode, "-p", port];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, NODE_ENV: mode === "start" ? "production" : env.NODE_ENV },
    stdio: "inherit",
  });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (e) => {
  console.error(`[jingzhun] ✖ ${(e as Error).message}`);
  process.exit(1);
});
