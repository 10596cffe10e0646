// Build (into a separate directory) and start the app under `next start` for the benchmarks.
//
//  - ensureBuild(): `next build` (as --experimental-build-mode compile + generate: the same
//    output without the whole-project type check) with NEXT_DIST_DIR (default .next-bench), only when that build is
//    missing or older than the sources (app/, components/, lib/, i18n/, messages/, public/,
//    prisma/schema.prisma, proxy.ts, instrumentation.ts, next.config.js, package.json …).
//    `next build` rewrites tsconfig.json (adds <distDir>/types to "include") and next-env.d.ts;
//    both are put back exactly as they were, so a benchmark leaves the working tree unchanged.
//  - startApp(): `next start` on 127.0.0.1:<port>, this process's own child (its pid is the
//    Next.js server itself: bench:kill sends it SIGKILL), ready when /api/auth/csrf answers.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./db";

export const DEFAULT_DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
export const OUT_DIR = path.join(ROOT, "bench", "out");

const SOURCES = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file shows as a newer directory
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

/** Why a build is needed, or null when the build in distDir is newer than every source. */
export function buildStaleness(distDir = DEFAULT_DIST_DIR): string | null {
  const id = path.join(ROOT, distDir, "BUILD_ID");
  if (!fs.existsSync(id)) return `no build in ${distDir}`;
  const built = fs.statSync(id).mtimeMs;
  for (const s of SOURCES) {
    const m = newestMtime(path.join(ROOT, s));
    if (m > built) return `${s} changed since the build`;
  }
  return null;
}

/** Snapshot files `next build` rewrites, and put them back afterwards (removing ones it created). */
function preserveFiles(files: string[]): () => void {
  const saved = files.map((f) => {
    const p = path.join(ROOT, f);
    return { p, content: fs.existsSync(p) ? fs.readFileSync(p) : null };
  });
  return () => {
    for (const { p, content } of saved) {
      const now = fs.existsSync(p) ? fs.readFileSync(p) : null;
      if (content === null) {
        if (now !== null) fs.rmSync(p);
      } else if (now === null || !now.equals(content)) fs.writeFileSync(p, content);
    }
  };
}

export async function ensureBuild(opts: { distDir?: string; noBuild?: boolean; log: (m: string) => void }): Promise<void> {
  const distDir = opts.distDir ?? DEFAULT_DIST_DIR;
  // the benchmarks never build into .next (the dev server's and the e2e tier's); --no-build may
  // use the e2e tier's build there (npm test -- ha)
  if ((distDir === ".next" || distDir === "") && !opts.noBuild)
    throw new Error("the benchmarks never build into .next: set a separate NEXT_DIST_DIR");
  const why = buildStaleness(distDir);
  if (!why) return opts.log(`build ${distDir} is current`);
  if (opts.noBuild) {
    if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) throw new Error(`--no-build, but there is no build in ${distDir}`);
    return opts.log(`--no-build: using ${distDir} as it is (${why})`);
  }
  opts.log(`next build → ${distDir} (${why}) …`);
  const t0 = Date.now();
  const restore = preserveFiles(["tsconfig.json", "next-env.d.ts"]);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, "build.log");
  const fd = fs.openSync(logFile, "w");
  try {
    // compile, then generate: the two halves of `next build` without its whole-project type
    // check, which fails on any colleague's half-written test file (types: `npm run typecheck`)
    for (const mode of ["compile", "generate"]) {
      const code = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [NEXT_BIN, "build", "--experimental-build-mode", mode], {
          cwd: ROOT,
          env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
          stdio: ["ignore", fd, fd],
        });
        child.on("exit", (c) => resolve(c ?? 1));
      });
      if (code !== 0) throw new Error(`next build (${mode}) failed (exit ${code}); see ${path.relative(ROOT, logFile)}`);
    }
  } finally {
    fs.closeSync(fd);
    restore();
  }
  opts.log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

export async function freePort(preferred: number): Promise<number> {
  for (let p = preferred; p < preferred + 50; p++) if (await portIsFree(p)) return p;
  throw new Error(`no free port from ${preferred}`);
}

export interface AppHandle {
  baseUrl: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** resolves with the exit code / signal when the server ends */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 5 s */
  stop(): Promise<void>;
  /** SIGKILL now (bench:kill) */
  kill(): Promise<void>;
}

export interface StartOptions {
  port: number;
  databaseUrl: string;
  distDir?: string;
  /** the app's Prisma pool size (JINGZHUN_DB_POOL); default: the app's own default */
  dbPool?: number;
  logName?: string;
  env?: NodeJS.ProcessEnv;
  /** flags for the server's node, e.g. ["--cpu-prof", "--cpu-prof-dir=bench/out/prof"] */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

/** `next start` on 127.0.0.1:port with the benchmark database; resolves once it answers. */
export async function startApp(opts: StartOptions): Promise<AppHandle> {
  if (!(await portIsFree(opts.port))) throw new Error(`port ${opts.port} is taken`);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  fs.mkdirSync(path.join(OUT_DIR, "uploads"), { recursive: true });
  const logFile = path.join(OUT_DIR, opts.logName ?? `app-${opts.port}.log`);
  const fd = fs.openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: opts.distDir ?? DEFAULT_DIST_DIR,
    DATABASE_URL: opts.databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "bench-only-secret",
    UPLOAD_DIR: path.join(OUT_DIR, "uploads"),
  };
  if (opts.dbPool) env.JINGZHUN_DB_POOL = String(opts.dbPool);
  // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/out/prof" profiles the server of any bench
  const extra = (process.env.BENCH_APP_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), ...extra, NEXT_BIN, "start", "-p", String(opts.port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", fd, fd],
    },
  );
  fs.closeSync(fd);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const handle: AppHandle = {
    baseUrl,
    port: opts.port,
    pid: child.pid!,
    child,
    exited,
    alive: () => !done,
    async stop() {
      if (done) return;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    },
    async kill() {
      if (done) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (done) throw new Error(`next start exited early; see ${path.relative(ROOT, logFile)}`);
    try {
      const r = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.ok) return handle;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(`next start did not answer within ${opts.readyTimeoutMs ?? 60_000} ms; see ${path.relative(ROOT, logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
