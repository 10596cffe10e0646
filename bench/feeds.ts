/**
 * `npm run bench:feeds -- --rows N [--seed S]` (PostgreSQL): load and match a department feed of N
 * rows against a generated province, ours (lib/feeds/load: read, check, stage by COPY, match and
 * apply in one transaction) against a bare COPY of the same file plus one join to member by
 * national ID, measured in the same run. The province comes from the scale generator (lib/gen,
 * `npm run gen`) loaded by the bulk import, about 0.9 N members; a tenth of the rows are IDs of
 * nobody (unmatched). Prints one JSON line. Database: BENCH_FEEDS_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432/jingzhun_bench_feeds (dropped and recreated; its name must
 * contain "bench"). `--reuse`: keep the province an earlier run of the same size left there (its
 * feeds, findings and department leads deleted, the members' insurance put back as generated),
 * so a second figure does not wait for the generator and the import again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createPrisma, setDb } from "../lib/db/client";
import { importDirectory, fileSource } from "../lib/import";
import { loadFeed } from "../lib/feeds/load";
import { makeNationalId } from "../lib/national-id";
import { freshDatabase } from "./lib/db";
import { runChild } from "./scale/child";
import { backendPid, loadAverage, procCpuMs } from "./scale/cpu";

const log = (m: string) => console.error(`[bench:feeds] ${m}`);

async function main() {
  const { values } = parseArgs({
    options: { rows: { type: "string" }, seed: { type: "string", default: "1" }, reuse: { type: "boolean", default: false } },
  });
  const N = Number(values.rows);
  if (!Number.isInteger(N) || N < 10) throw new Error("usage: npm run bench:feeds -- --rows N");
  const url = process.env.BENCH_FEEDS_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/jingzhun_bench_feeds";
  const dir = path.join(os.tmpdir(), `jz-feeds-${N}-${values.seed}`);
  const households = Math.ceil((N * 0.9) / 3.3);
  let t0 = performance.now();
  const province = `${households}:${values.seed}`;
  const reused = values.reuse ? await reuseProvince(url, province) : null;
  const prisma = reused ? createPrisma(url, { max: 4 }) : await newProvince(url, dir, households, values.seed!);
  setDb(prisma);
  const admin = await prisma.user.findFirstOrThrow({ where: { username: "admin" } });
  const members = reused ?? (await prisma.member.count({ where: { countyId: { startsWith: "53" } } }));
  log(
    `province of ${households} households (${members} members) ${reused ? "reused" : "made"} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  // the feed: medical insurance, 90% of rows on members, a tenth unmatched
  let ids = (
    await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "nationalId" AS id FROM member WHERE active AND "countyId" LIKE '53%' AND "nationalId" IS NOT NULL ORDER BY "nationalId" LIMIT ${Math.floor(N * 0.9)}`,
    )
  ).map((r) => r.id);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "medical_insurance.csv");
  const out = fs.createWriteStream(file);
  // written as the stream drains: a million lines queued at once were hundreds of MB of this process's peak
  const line = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
  };
  await line("national_id,fact,date,value,name\n");
  let written = 0;
  for (let i = 0; i < ids.length; i++, written++) {
    const fact =
      i % 50 === 0
        ? `large_bill,2026-05-${String(1 + (i % 28)).padStart(2, "0")},${5000 + ((i * 37) % 40000)}`
        : i % 20 === 0
          ? "not_insured,,"
          : "insured,,";
    await line(`${ids[i]},${fact},\n`);
  }
  const base = Date.UTC(1950, 0, 1);
  for (let seq = 0; written < N; seq++, written++) {
    // a county code no province has: valid IDs of nobody
    const birth = new Date(base + Math.floor(seq / 999) * 86_400_000).toISOString().slice(0, 10);
    await line(`${makeNationalId("539999", birth, 1 + (seq % 999))},insured,,,\n`);
  }
  await new Promise((r) => out.end(r));
  ids = [];
  const bytes = fs.statSync(file).size;

  // ours
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  log(`ours: load average ${loadAverage()}`);
  const oursCpu = await cpuMeter(url);
  t0 = performance.now();
  const r = await loadFeed(prisma, fileSource(file), {
    actor: { id: admin.id, role: "admin" },
    scopeId: "53",
    department: "medical_insurance",
    asOf: "2026-06-30",
    copyUrl: url,
  });
  const oursMs = performance.now() - t0;
  const oursCpuMs = await oursCpu.stop();
  clearInterval(sampler);
  if (!r.ok) throw new Error(`feed refused: ${JSON.stringify(r.issues.slice(0, 5))}`);

  // bare: COPY the same file and one join to member by national ID
  log(`bare: load average ${loadAverage()}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const barePid = await backendPid(c);
  const bareNode0 = process.cpuUsage();
  const bareDb0 = procCpuMs(barePid) ?? 0;
  t0 = performance.now();
  await c.query(`CREATE UNLOGGED TABLE bare_feed (national_id text, fact text, fact_date date, value numeric, name text)`);
  await pipeline(fs.createReadStream(file), c.query(copyFrom(`COPY bare_feed FROM STDIN (FORMAT csv, HEADER true)`)));
  await c.query(
    `CREATE UNLOGGED TABLE bare_match AS SELECT b.*, m.id AS member_id FROM bare_feed b LEFT JOIN member m ON m."nationalId" = b.national_id AND m.active`,
  );
  const bareMs = performance.now() - t0;
  const bareCpuMs = ms(process.cpuUsage(bareNode0)) + ((procCpuMs(barePid) ?? bareDb0) - bareDb0);
  await c.query(`DROP TABLE bare_feed; DROP TABLE bare_match`);
  await c.end();
  await prisma.$disconnect();

  console.log(
    JSON.stringify({
      bench: "feeds",
      rows: N,
      bytes,
      members,
      matched: r.counts.matched,
      unmatched: r.counts.unmatched,
      leads: r.counts.leads,
      facts: r.counts.facts,
      loader: r.loader,
      oursMs: Math.round(oursMs),
      bareMs: Math.round(bareMs),
      ratio: Number((oursMs / bareMs).toFixed(2)),
      timings: r.timings,
      // CPU of this process and of the database's backends, the figure the neighbours' load does not stretch
      cpu: { oursMs: Math.round(oursCpuMs), bareMs: Math.round(bareCpuMs), ratio: Number((oursCpuMs / bareCpuMs).toFixed(2)) },
      peakRssMb: Math.round(peak / 1048576),
      // this process's RSS when the load began (the province's import or the feed's IDs may be behind it)
      baseRssMb: Math.round(baseRss / 1048576),
      load: loadAverage(),
    }),
  );
  process.exit(0);
}

const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * CPU milliseconds from now to stop(): this process's, and every client backend's of the database
 * (read from /proc four times a second, so a connection that ends — the COPY's — keeps what it used
 * until its last reading; one that began meanwhile counts from zero).
 */
async function cpuMeter(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const self = await backendPid(c);
  const pids = async () =>
    (
      await c.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> $1`,
        [self],
      )
    ).rows.map((r) => r.pid);
  const base = new Map<number, number>();
  for (const pid of await pids()) base.set(pid, procCpuMs(pid) ?? 0);
  const last = new Map(base);
  const node0 = process.cpuUsage();
  let busy = false;
  const read = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const pid of await pids()) {
        const v = procCpuMs(pid);
        if (v !== null) last.set(pid, v);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void read().catch(() => {}), 250);
  return {
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 10));
      await read();
      await c.end();
      let db = 0;
      for (const [pid, v] of last) db += v - (base.get(pid) ?? 0);
      return ms(process.cpuUsage(node0)) + db;
    },
  };
}

/** A fresh database with the generated province imported, and what --reuse puts back later. */
async function newProvince(url: string, dir: string, households: number, seed: string) {
  await freshDatabase(url, log);
  const g = await runChild("scripts/gen.ts", ["--households", String(households), "--seed", seed, "--out", dir], {
    timeoutMs: 3600_000,
  });
  if (!g.ok) throw new Error(`gen failed: ${g.reason}`);
  const prisma = createPrisma(url, { max: 4 });
  const admin = await prisma.user.findFirstOrThrow({ where: { username: "admin" } });
  const imported = await importDirectory(prisma, dir, { actor: { id: admin.id, role: "admin" }, copyUrl: url });
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.issues.slice(0, 3))}`);
  await prisma.$executeRawUnsafe(
    `CREATE TABLE bench_feeds_province AS SELECT $1::text AS province, id, "medicalInsurance" FROM member`,
    `${households}:${seed}`,
  );
  return prisma;
}

/** --reuse: the province left by an earlier run of the same size, back as it was before its feed; null when there is none. */
async function reuseProvince(url: string, province: string): Promise<number | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch {
    return null;
  }
  try {
    const mark = await c.query<{ province: string }>(`SELECT province FROM bench_feeds_province LIMIT 1`).catch(() => null);
    if (mark?.rows[0]?.province !== province) return null;
    await c.query(`DELETE FROM help_request WHERE id IN (SELECT id FROM department_finding)`);
    await c.query(`DELETE FROM department_finding`);
    await c.query(`DELETE FROM department_feed_row`);
    await c.query(`DELETE FROM department_feed`);
    await c.query(
      `UPDATE member m SET "medicalInsurance" = b."medicalInsurance" FROM bench_feeds_province b WHERE b.id = m.id AND m."medicalInsurance" <> b."medicalInsurance"`,
    );
    await c.query(`VACUUM ANALYZE member`);
    await c.query(`VACUUM ANALYZE department_feed_row`);
    await c.query(`VACUUM ANALYZE department_finding`);
    await c.query(`VACUUM ANALYZE help_request`);
    const n = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM member WHERE "countyId" LIKE '53%'`);
    return n.rows[0]!.n;
  } finally {
    await c.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
