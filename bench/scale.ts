/**
 * Scale benchmark: a generated province of N households, loaded and used as the app does,
 * each measure against a baseline measured in the same run.
 *
 *   npm run bench -- --households N [--db postgres|pglite] [--seed S] [--keep] [--runs 30]
 *                    [--max-step-seconds 2400] [--data DIR] [--visits 10000] [--connections 200] [--build]
 *                    [--phones 200] [--backlog 20] [--open-rate 30] [--open-seconds 120] [--step-seconds 15]
 *                    [--only import|recompute|reads|visits[,…]]
 *
 * 1. `npm run gen` writes the five CSV files (docs/import-format.md) under /tmp (or --data).
 * 2. The database: PostgreSQL `jingzhun_scale` on 127.0.0.1 (SCALE_DATABASE_URL to change;
 *    dropped and recreated), or with --db pglite a fresh PGlite folder in a tmp dir served over
 *    the wire by its own process (as `npm run dev` serves ./data/pglite). Migrated with the
 *    project's migrations; the national policy rows inserted.
 * 3. import — baseline: COPY of the same files into staging tables + INSERT … SELECT into
 *    region/household/member (bench/scale/baseline-import.ts says what it leaves out); the
 *    tables are then emptied and ours runs: lib/import importDirectory (validation, one
 *    transaction, assessment, audit) in a child process whose peak RSS is the import's.
 * 4. recompute — ours: createRecomputeJob + runRecomputeJob over every household (child process);
 *    baseline: one UPDATE … FROM (SELECT … GROUP BY) computing per-capita income and its two
 *    comparisons into scratch columns (bench/scale/recompute-baseline.ts).
 * 5. villageList — lib/data/county villageList over the county with the most households vs the
 *    bare GROUP BY; villagePage — its largest village's first page, filtered and sorted.
 *    p50/p95 over --runs runs after 3 warm-ups.
 * 6. visits — bench/lib runVisitLoad against `next start` (the .next-bench build; --build makes
 *    it when missing or stale) on this database, PostgreSQL only: 200 cadres are created for the
 *    largest county, 5 households each, since the import files carry no cadres. The closed loop
 *    (--connections workers each waiting for its answer) is followed by the backlog sync
 *    (--phones 200 × --backlog 20 queued visits through syncVisits: `sync` in the JSON) and the
 *    open loop (--open-rate 30/s for --open-seconds 120, then a ladder of --step-seconds 15 a
 *    step for the highest rate with p99 < 1 s: `openLoop`). --phones 0 / --open-seconds 0 skip them.
 *
 * --only runs the listed measures and prints null for the others (the data and the import are
 * needed by every measure, so the import runs anyway, untimed when it is not listed: to iterate
 * on one part, e.g. --only import or --only recompute).
 *
 * Prints each measure (ours, baseline, ratio) and ends with one JSON line. A measure that
 * cannot run is null, with the reason on a line before the JSON. --keep keeps the database (or
 * the PGlite folder) and the generated files. On a shared machine wall times carry the
 * neighbours' load: the recompute also prints CPU time (node + database backends, from /proc),
 * each step the load average, and a warning when PostgreSQL was restarted meanwhile.
 * Query plans of the reads on a kept database: bench/scale/explain.ts; the recompute step by
 * step: bench/scale/recompute-profile.ts (docs/decisions/0008, 0010).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrisma, setDb } from "../lib/db/client";
import { resolvePolicy } from "../lib/domain/policy";
import { loadPolicyRows } from "../lib/data/assessment";
import { currentYear } from "../lib/clock";
import { runChild } from "./scale/child";
import { emptyImportedTables, type BaselineImportResult } from "./scale/baseline-import";
import { addScratchColumns, dropScratchColumns, recomputeBaseline } from "./scale/recompute-baseline";
import { measureReads, pickSubjects, type ReadResults } from "./scale/reads";
import {
  DEFAULT_SCALE_URL,
  openPglite,
  openPostgres,
  peakRssMb,
  serverStartedAt,
  withClient,
  type DbKind,
  type Target,
} from "./scale/target";
import { measureVisits } from "./scale/visits";
import { loadImporter } from "./scale/importer";
import { loadAverage, procCpuMs } from "./scale/cpu";

const log = (m: string) => console.log(`[scale] ${m}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const r0 = (n: number) => Math.round(n);
const r1 = (n: number) => Math.round(n * 10) / 10;
const ratio = (ours: number, base: number) => Math.round((ours / base) * 100) / 100;

interface ImportOurs {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  summary: unknown;
}
interface RecomputeOurs {
  ms: number;
  cpuMs: number;
  dbCpuMs: number | null;
  chunks: number;
  maxRssMb: number;
  job: { state: string; done: number; total: number; changed: number };
}

async function counts(url: string) {
  return withClient(
    url,
    async (c) =>
      (
        await c.query<{ regions: number; households: number; members: number; assessed: number; assessments: number }>(`SELECT
      (SELECT count(*) FROM region)::int AS regions, (SELECT count(*) FROM household)::int AS households,
      (SELECT count(*) FROM member)::int AS members, (SELECT count(*) FROM household WHERE "assessedStatus" IS NOT NULL)::int AS assessed,
      (SELECT count(*) FROM assessment)::int AS assessments`)
      ).rows[0]!,
  );
}

async function vacuum(url: string, what = "") {
  const t0 = performance.now();
  await withClient(url, (c) => c.query(`VACUUM ANALYZE ${what}`));
  return performance.now() - t0;
}

async function main() {
  const { values } = parseArgs({
    options: {
      households: { type: "string" },
      db: { type: "string", default: "postgres" },
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      runs: { type: "string", default: "30" },
      "max-step-seconds": { type: "string", default: "2400" },
      data: { type: "string" },
      visits: { type: "string", default: "10000" },
      connections: { type: "string", default: "200" },
      build: { type: "boolean", default: false },
      phones: { type: "string", default: "200" },
      backlog: { type: "string", default: "20" },
      "open-rate": { type: "string", default: "30" },
      "open-seconds": { type: "string", default: "120" },
      "step-seconds": { type: "string", default: "15" },
      only: { type: "string", default: "import,recompute,reads,visits" },
    },
  });
  const N = Number(values.households);
  if (!Number.isInteger(N) || N < 1) throw new Error("usage: npm run bench -- --households N [--db pglite] [--seed S] [--keep]");
  const kind = values.db as DbKind;
  if (kind !== "postgres" && kind !== "pglite") throw new Error(`--db must be postgres or pglite, got ${values.db}`);
  const only = new Set(values.only!.split(",").map((x) => x.trim()));
  for (const p of only) if (!["import", "recompute", "reads", "visits"].includes(p)) throw new Error(`--only: unknown measure ${p}`);
  const runs = Number(values.runs);
  const stepMs = Number(values["max-step-seconds"]) * 1000;
  const started = performance.now();
  const nulls: string[] = [];
  const durations: Record<string, number> = {};

  // 1. data
  const dataDir = path.resolve(values.data ?? path.join(os.tmpdir(), `jz-scale-${N}-${values.seed}`));
  let genPeakRssMb: number | null = null;
  {
    const t0 = performance.now();
    let peak: number | null = null;
    const g = await runChild<never>("scripts/gen.ts", ["--households", String(N), "--seed", values.seed!, "--out", dataDir], {
      timeoutMs: stepMs,
      onLine: (l) => {
        const m = /peak RSS (\d+) MB/.exec(l);
        if (m) peak = Number(m[1]);
        if (/\[gen\] (done|\d+,?\d* \/)/.test(l) && (l.includes("done") || /\((25|50|75)%\)/.test(l))) log(l);
      },
    });
    if (!g.ok) throw new Error(`gen failed: ${g.reason}`);
    genPeakRssMb = peak;
    durations.gen = performance.now() - t0;
    log(`generated ${N.toLocaleString("en")} households into ${dataDir} in ${secs(durations.gen)} (gen peak RSS ${genPeakRssMb} MB)`);
  }

  // 2. database
  let target: Target | undefined;
  const out: Record<string, unknown> = { households: N, db: kind };
  let importPeakRssMb: number | null = null;
  try {
    target = kind === "postgres" ? await openPostgres(process.env.SCALE_DATABASE_URL?.trim() || DEFAULT_SCALE_URL) : await openPglite();
    const url = target.url;
    log(`database: ${target.where} (migrated)`);
    // another benchmark on this machine may restart PostgreSQL (bench:fault does): say so
    let serverStart = await serverStartedAt(url);
    const restarted = async (step: string) => {
      const now = await serverStartedAt(url);
      if (now && serverStart && now !== serverStart) {
        nulls.push(`WARNING: PostgreSQL was restarted (at ${now}, by another process) during ${step}: that step's figures are not valid`);
        serverStart = now;
        return true;
      }
      return false;
    };

    // 3. import
    let base: BaselineImportResult;
    {
      log(`import baseline: load average ${loadAverage()}`);
      const t0 = performance.now();
      base = await target.baselineImport(dataDir);
      durations.baselineImport = performance.now() - t0;
      log(
        `import baseline (COPY + INSERT … SELECT): ${secs(base.ms)} — copy ${secs(base.copyMs)}, ` +
          Object.entries(base.insertMs)
            .map(([k, v]) => `${k} ${secs(v)}`)
            .join(", ") +
          `; rows ${JSON.stringify(base.rows)}`,
      );
    }
    const importer = await loadImporter();
    let ours: ImportOurs | undefined;
    if (typeof importer === "string") {
      nulls.push(`import: null — our import cannot run: ${importer}; the baseline's rows stay loaded for the other measures`);
    } else {
      await emptyImportedTables(url);
      log(`import ours: load average ${loadAverage()}`);
      // DATABASE_URL as the CLI import has it: on PostgreSQL the import may stage with COPY
      const r = await runChild<ImportOurs>("bench/scale/import-child.ts", [url, dataDir], {
        timeoutMs: stepMs,
        env: { DATABASE_URL: url },
        onLine: (l) => log(l),
      });
      durations.import = r.wallMs;
      if (r.ok && r.result) {
        ours = r.result;
        importPeakRssMb = ours.maxRssMb;
        const c = await counts(url);
        const rep = ours.summary as {
          ok?: boolean;
          loader?: string;
          timings?: Record<string, number>;
          writeSteps?: Record<string, number>;
          issueCount?: number;
        };
        log(
          `import ours: ${secs(ours.ms)} (node CPU ${secs(ours.cpuMs)}), peak RSS ${ours.maxRssMb} MB; ok ${rep.ok}, loader ${rep.loader}, issues ${rep.issueCount}; ` +
            `phases ${Object.entries(rep.timings ?? {})
              .map(([k, v]) => `${k} ${secs(v)}`)
              .join(", ")}; write steps ${Object.entries(rep.writeSteps ?? {})
              .map(([k, v]) => `${k} ${secs(v)}`)
              .join(", ")}; rows ${JSON.stringify(c)}`,
        );
        if (rep.ok === false) nulls.push(`import: our import reported problems (${rep.issueCount}); see the log above`);
        if (c.households !== base.rows.households || c.members !== base.rows.members || c.regions !== base.rows.regions) {
          log(`WARNING: our import stored other row counts than the baseline (${JSON.stringify(base.rows)})`);
        }
      } else {
        nulls.push(`import: null — our import failed: ${r.reason}`);
        await emptyImportedTables(url);
        await target.baselineImport(dataDir); // the other measures need the rows
      }
    }
    if (await restarted("the import")) ours = undefined;
    if (!only.has("import")) {
      nulls.push("import: null — not measured (--only)");
      ours = undefined;
    }
    out.import = ours ? { ours_ms: r0(ours.ms), baseline_ms: r0(base.ms), ratio: ratio(ours.ms, base.ms) } : null;
    log(`vacuum analyze: ${secs(await vacuum(url))}`);

    // 4. recompute
    if (!only.has("recompute")) nulls.push("recompute: null — not run (--only)");
    else {
      const serverCpu0 = target.serverPid ? procCpuMs(target.serverPid) : null;
      log(`recompute: load average ${loadAverage()}`);
      const r = await runChild<RecomputeOurs>("bench/scale/recompute-child.ts", [url], { timeoutMs: stepMs, onLine: (l) => log(l) });
      const serverCpu1 = target.serverPid ? procCpuMs(target.serverPid) : null;
      durations.recompute = r.wallMs;
      await vacuum(url, "household");
      const prisma = createPrisma(url, { max: 2 });
      const policy = resolvePolicy(await loadPolicyRows(prisma), currentYear(), "53");
      await prisma.$disconnect();
      await addScratchColumns(url);
      const serverCpu2 = target.serverPid ? procCpuMs(target.serverPid) : null;
      const b = await recomputeBaseline(url, policy.values.povertyLine, policy.values.monitoringThreshold ?? 0);
      const serverCpu3 = target.serverPid ? procCpuMs(target.serverPid) : null;
      await dropScratchColumns(url);
      const baseDbCpu = b.dbCpuMs ?? (serverCpu2 !== null && serverCpu3 !== null ? serverCpu3 - serverCpu2 : null);
      log(
        `recompute baseline (UPDATE … FROM GROUP BY): ${secs(b.ms)} for ${b.rows.toLocaleString("en")} households, database CPU ${baseDbCpu === null ? "?" : secs(baseDbCpu)}; ` +
          `per-capita income differing from ours: ${b.pciMismatches ?? "n/a"}`,
      );
      if (r.ok && r.result) {
        const o = r.result;
        const dbCpu = o.dbCpuMs ?? (serverCpu0 !== null && serverCpu1 !== null ? serverCpu1 - serverCpu0 : null);
        log(
          `recompute ours: ${secs(o.ms)} (${o.job.done.toLocaleString("en")} households, ${o.job.changed.toLocaleString("en")} of them changed and written, ${o.chunks} chunks, state ${o.job.state}); ` +
            `CPU: node ${secs(o.cpuMs)}, database ${dbCpu === null ? "?" : secs(dbCpu)}; peak RSS ${o.maxRssMb} MB`,
        );
        if (dbCpu !== null && baseDbCpu) {
          log(
            `recompute CPU (node + database) ours ${secs(o.cpuMs + dbCpu)} vs baseline ${secs(baseDbCpu)}: ×${ratio(o.cpuMs + dbCpu, baseDbCpu)} ` +
              `(wall ×${ratio(o.ms, b.ms)}; CPU time does not count the neighbours' load)`,
          );
        }
        out.recompute = { ours_ms: r0(o.ms), baseline_ms: r0(b.ms), ratio: ratio(o.ms, b.ms), changed: o.job.changed };
      } else {
        nulls.push(`recompute: null — our recompute did not finish: ${r.reason}`);
        out.recompute = null;
      }
      if (await restarted("the recompute")) out.recompute = null;
      log(`vacuum analyze: ${secs(await vacuum(url))}`);
    }

    // 5. reads
    if (!only.has("reads")) nulls.push("villageList, villagePage: null — not run (--only)");
    else {
      const prisma = createPrisma(url, { max: 10 });
      setDb(prisma);
      try {
        const s = await pickSubjects(prisma);
        log(
          `reads: county ${s.county.id} (${s.county.households.toLocaleString("en")} households), village ${s.village.id} (${s.village.households})`,
        );
        const t0 = performance.now();
        const rr: ReadResults = await measureReads(prisma, s, runs, Date.now() + 300_000);
        durations.reads = performance.now() - t0;
        const line = (name: string, t: { p50: number; p95: number; runs: number }, base?: { p50: number; p95: number }) =>
          log(
            `  ${name.padEnd(58)} p50 ${t.p50.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms` +
              (base ? `   ×p50 ${(t.p50 / base.p50).toFixed(2)}  ×p95 ${(t.p95 / base.p95).toFixed(2)}` : "") +
              `  (${t.runs} runs)`,
          );
        line("village list baseline: GROUP BY villageId count/sum", rr.listBaseline);
        line("villageList (default)", rr.listOurs, rr.listBaseline);
        line("villageList (inc=above, missed≥1, incidence desc)", rr.listFiltered, rr.listBaseline);
        line("village page baseline: filtered page + count", rr.pageBaseline);
        line("villageHouseholds (default)", rr.pageDefault, rr.pageBaseline);
        line("villageHouseholds (mismatch=any, lastVisit asc)", rr.pageFiltered, rr.pageBaseline);
        out.villageList = {
          ours_p95_ms: r1(rr.listOurs.p95),
          baseline_p95_ms: r1(rr.listBaseline.p95),
          ratio: ratio(rr.listOurs.p95, rr.listBaseline.p95),
        };
        out.villagePage = { p95_ms: r1(rr.pageFiltered.p95) };
      } finally {
        setDb(undefined);
        await prisma.$disconnect();
      }
    }

    // 6. visits
    {
      if (!only.has("visits")) {
        nulls.push("visits, sync, openLoop: null — not run (--only)");
        out.visits = null;
      } else if (kind !== "postgres") {
        nulls.push("visits, sync, openLoop: null — the visit loads run against `next start` on PostgreSQL only");
        out.visits = null;
      } else if (Number(values.visits) === 0) {
        nulls.push("visits: null — skipped (--visits 0)");
        out.visits = null;
      } else {
        const t0 = performance.now();
        const countyId = (
          await withClient(url, (c) =>
            c.query<{ id: string }>(`SELECT "countyId" AS id FROM household GROUP BY "countyId" ORDER BY count(*) DESC, 1 LIMIT 1`),
          )
        ).rows[0]!.id;
        const v = await measureVisits(url, countyId, {
          visits: Number(values.visits),
          connections: Number(values.connections),
          cadres: 200,
          build: values.build!,
          log,
          phones: Number(values.phones),
          backlog: Number(values.backlog),
          openRate: Number(values["open-rate"]),
          openSeconds: Number(values["open-seconds"]),
          stepSeconds: Number(values["step-seconds"]),
        }).catch((e: Error) => `the visit load failed: ${e.message.split("\n")[0]}`);
        durations.visits = performance.now() - t0;
        if (typeof v === "string") {
          nulls.push(`visits: null — ${v}`);
          out.visits = null;
        } else {
          const r = v.result;
          log(
            `visits: ${r.sent} sent, ${r.stored} stored, ${r.requests} requests, ${r.rps.toFixed(1)} req/s, p50 ${r.p50.toFixed(0)} ms, ` +
              `p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, errors ${r.errors}, conflicts ${r.conflicts}, reconciliation ${r.ok ? "ok" : "FAILED"}`,
          );
          out.visits = v.figures;
          out.sync = v.sync;
          out.openLoop = v.openLoop;
        }
      }
    }
    out.importPeakRssMb = importPeakRssMb;
    if (target.serverPid) log(`PGlite server process peak RSS: ${peakRssMb(target.serverPid) ?? "?"} MB`);
  } finally {
    await target?.close(values.keep!).catch((e) => log(`closing the database: ${(e as Error).message}`));
    if (!values.keep && !values.data) fs.rmSync(dataDir, { recursive: true, force: true });
  }

  log(
    `durations: ${Object.entries(durations)
      .map(([k, v]) => `${k} ${secs(v)}`)
      .join(", ")}; total ${secs(performance.now() - started)}`,
  );
  log(`bench process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; gen peak RSS ${genPeakRssMb} MB`);
  for (const n of nulls) console.log(n);
  console.log(
    JSON.stringify({
      households: N,
      db: kind,
      import: out.import ?? null,
      recompute: out.recompute ?? null,
      villageList: out.villageList ?? null,
      villagePage: out.villagePage ?? null,
      visits: out.visits ?? null,
      sync: out.sync ?? null,
      openLoop: out.openLoop ?? null,
      importPeakRssMb: out.importPeakRssMb ?? null,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
