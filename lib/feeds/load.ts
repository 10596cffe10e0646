/**
 * Load one department feed (docs/department-feeds.md, docs/decisions/0048): read the file as the
 * household import reads its files (streamed CSV in UTF-8 or GB18030, or the first worksheet of
 * an .xlsx), check every row, stage the rows (COPY on PostgreSQL, JSON batches elsewhere), then —
 * only when nothing is wrong — match and apply in ONE transaction:
 *
 *   1. the rows, matched set-based by national ID to the scope's active members (and, for deaths
 *      and moves, to members who left), into department_feed_row;
 *   2. comparison flags and early-warning findings (one per fact: a later feed's same fact finds
 *      its key taken), each lead a help_request for the household's cadre with the usual deadline;
 *   3. indicator facts (medical insurance, school enrolment) written to the members that differ;
 *   4. the new flags appended to the households' open proposals; one `feed.loaded` audit event
 *      carrying the file's hash.
 *
 * Then the households whose indicators changed are reassessed through recomputeHousehold. The
 * same file for the same scope and department loads once: a re-run answers with the first load.
 */
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit, type Actor } from "@/lib/audit";
import { today as todayInChina } from "@/lib/clock";
import { CsvFatalError, readCsv, type CsvEncoding } from "@/lib/import/csv";
import { readXlsx } from "@/lib/import/xlsx";
import { copyStager, sqlStager, STAGE_SCHEMA, type Columns, type Stager } from "@/lib/import/stage";
import { copyCandidates } from "@/lib/import/run";
import type { ImportSource } from "@/lib/import/read";
import { resolvePolicy, type PolicyValues } from "@/lib/domain/policy";
import { FEED_FACTS, FEED_FACT_CODES, FORMER_FACTS, type DepartmentCode, type FactSpec, type FeedFact } from "@/lib/domain/feeds";
import { COMPARISON_FLAG_CODES, type ComparisonFlagCode } from "@/lib/domain/procedure";
import { RED_LINE_KEY } from "@/lib/data/procedure/comparison";
import { loadPolicyRows, recomputeHousehold } from "@/lib/data/assessment";
import { leadDeadline } from "@/lib/data/help/intake";
import { checkFeedRow, readFeedHeader, type FeedColumn, type FeedHeader, type FeedTuple } from "./rows";

export interface FeedIssue {
  /** the file's name; null: the feed as a whole */
  file: string | null;
  row: number | null;
  column: string | null;
  /** a key of feeds.rules in messages/<locale>/feeds.json */
  rule: string;
  params?: Record<string, string | number>;
}

export interface FeedOptions {
  actor: Actor;
  /** the region whose people the feed may touch: a county (or a city or province, for an admin) */
  scopeId: string;
  department: DepartmentCode;
  /** YYYY-MM-DD: the day the department's records stand as of */
  asOf: string;
  /** YYYY-MM-DD, default today in China (the leads' received day) */
  today?: string;
  encoding?: CsvEncoding;
  /** PostgreSQL URL for COPY (see ImportOptions.copyUrl); null: never COPY */
  copyUrl?: string | null;
  issueCap?: number;
  /** households reassessed in this process at most; more: a recompute job for the scope */
  recomputeCap?: number;
}

export interface FeedReport {
  ok: boolean;
  /** the same file was loaded before for this scope and department: nothing new was written */
  replay: boolean;
  feedId: string | null;
  file: { name: string; bytes: number; rows: number; sha256: string; format: "csv" | "xlsx" };
  loader: "copy" | "sql";
  counts: { matched: number; unmatched: number; flags: number; leads: number; facts: number; proposals: number; reassessed: number };
  /** rows no member in scope has (file, line): reported, never guessed by name */
  unmatchedRows: number[];
  issues: FeedIssue[];
  issueCount: number;
  durationMs: number;
  timings: Record<string, number>;
}

const STAGE_COLUMNS: Columns = [
  ["line", "int"],
  ["national_id", "text"],
  ["fact", "text"],
  ["fact_date", "date"],
  ["value", "numeric"],
];

const FLAG_FACTS = FEED_FACT_CODES.filter((f) => "flag" in FEED_FACTS[f]);
const LEAD_FACTS = FEED_FACT_CODES.filter((f) => "lead" in FEED_FACTS[f]);
/** proposal stages before the vote: a new flag still matters there */
const FLAGGABLE_STAGES = ["proposed", "comparison_explained", "on_agenda", "reverify"] as const;
const FEED_LOCK = 7_243_019;

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ");

/** Members in scope: a county or wider by the member's county; a township also by the household's village (the only scope that joins household). */
function membersInScope(scopeId: string, where: string): string {
  const township = scopeId.length > 6;
  return `FROM member m${township ? ` JOIN household h ON h.id = m."householdId"` : ""} WHERE ${where} AND ${scopeSql(scopeId, "m", "h")}`;
}

/** The member columns scoping a match: a county or wider by the member's county, a township by the household's village. */
function scopeSql(scopeId: string, m: string, h: string): string {
  if (!/^\d{2,12}$/.test(scopeId)) throw new Error(`not a region id: ${scopeId}`);
  if (scopeId.length < 6) return `${m}."countyId" LIKE '${scopeId}%'`; // a city's or province's feed crosses counties (decision 0044)
  const county = `${m}."countyId" = '${scopeId.slice(0, 6)}'`;
  return scopeId.length === 6 ? county : `${county} AND ${h}."villageId" LIKE '${scopeId}%'`;
}

class Issues {
  readonly items: FeedIssue[] = [];
  count = 0;
  constructor(readonly cap: number) {}
  add(i: FeedIssue) {
    this.count++;
    if (this.items.length < this.cap) this.items.push(i);
  }
}

async function chooseStager(db: PrismaClient, table: string, copyUrl: string | null | undefined): Promise<Stager> {
  for (const url of await copyCandidates(db, copyUrl)) {
    try {
      const s = await copyStager(url, table);
      if (s) return s;
    } catch {
      // not reachable: the next, then the SQL path
    }
  }
  return sqlStager(db);
}

export async function loadFeed(db: PrismaClient, source: ImportSource, options: FeedOptions): Promise<FeedReport> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const issues = new Issues(options.issueCap ?? 1000);
  const day = options.today ?? todayInChina();
  const format: "csv" | "xlsx" = /\.xlsx$/i.test(source.name) ? "xlsx" : "csv";
  const file = { name: source.name, bytes: 0, rows: 0, sha256: "", format };
  const counts: FeedReport["counts"] = { matched: 0, unmatched: 0, flags: 0, leads: 0, facts: 0, proposals: 0, reassessed: 0 };
  const base = (extra: Partial<FeedReport>): FeedReport => ({
    ok: false,
    replay: false,
    feedId: null,
    file,
    loader: "sql",
    counts,
    unmatchedRows: [],
    issues: issues.items,
    issueCount: issues.count,
    durationMs: Date.now() - started,
    timings,
    ...extra,
  });
  if (options.asOf > day) {
    issues.add({ file: null, row: null, column: null, rule: "as_of_future", params: { today: day } });
    return base({});
  }

  const id = `${Date.now().toString(36)}${randomUUID().slice(0, 8)}`;
  const stage = `${STAGE_SCHEMA}."f_${id}"`;
  await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${STAGE_SCHEMA}`).catch(() => {});
  await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE ${stage} (${STAGE_COLUMNS.map(([n, t]) => `${n} ${t}`).join(", ")})`);
  let stager: Stager | undefined;
  try {
    stager = await chooseStager(db, stage, options.copyUrl);
    // ── read, check each row, stage ──
    let t0 = Date.now();
    const hash = createHash("sha256");
    const writer = await stager.open(stage, STAGE_COLUMNS);
    let header: FeedHeader | undefined;
    let broken = false;
    const labelOf = (c: FeedColumn | null) => (c ? (header?.label.get(c) ?? c) : null);
    try {
      const tap = (b: Uint8Array) => {
        hash.update(b);
        file.bytes += b.byteLength;
      };
      const records = format === "xlsx" ? readXlsx(source.open(), tap) : readCsv(source.open(), tap, options.encoding ?? "auto");
      for await (const batch of records) {
        const tuples: FeedTuple[] = [];
        for (const rec of batch) {
          if (!header) {
            header = readFeedHeader(rec.fields);
            for (const h of header.issues) issues.add({ file: source.name, row: rec.line, column: h.column, rule: h.rule });
            if (header.issues.some((h) => h.rule === "missing_column")) broken = true;
            continue;
          }
          if (broken) continue;
          if (rec.fields.every((f) => f.trim() === "")) continue; // a blank line (Excel leaves them)
          file.rows++;
          if (rec.problem) issues.add({ file: source.name, row: rec.line, column: null, rule: rec.problem.kind });
          const h = header;
          const r = checkFeedRow(
            (c) => {
              const i = h.index.get(c);
              return i === undefined ? "" : (rec.fields[i] ?? "").trim();
            },
            rec.line,
            options.department,
            options.asOf,
          );
          for (const i of r.issues)
            issues.add({ file: source.name, row: rec.line, column: labelOf(i.column), rule: i.rule, params: i.params });
          if (r.tuple) tuples.push(r.tuple);
        }
        if (tuples.length && issues.count === 0) await writer.write(tuples);
      }
      await writer.close();
      if (!header) issues.add({ file: source.name, row: null, column: null, rule: "empty_file" });
    } catch (e) {
      if (!(e instanceof CsvFatalError)) {
        await writer.abort();
        throw e;
      }
      await writer.close();
      issues.add({ file: source.name, row: e.line, column: null, rule: e.kind });
    }
    file.sha256 = hash.digest("hex");
    timings.read = Date.now() - t0;
    const loader = stager.kind;
    if (issues.count > 0) return base({ loader });
    if (file.rows === 0) {
      issues.add({ file: source.name, row: null, column: null, rule: "no_rows" });
      return base({ loader });
    }

    // ── set-based check: one fact of one person on one day, once ──
    t0 = Date.now();
    await db.$executeRawUnsafe(`ANALYZE ${stage}`);
    const dups = await db.$queryRawUnsafe<{ line: number; first: number; total: number }[]>(
      `SELECT line, first, count(*) OVER ()::int AS total FROM (
         SELECT line, min(line) OVER (PARTITION BY national_id, fact, fact_date) AS first FROM ${stage}) d
        WHERE line <> first ORDER BY line LIMIT ${issues.cap + 1}`,
    );
    for (const d of dups)
      issues.add({ file: source.name, row: d.line, column: labelOf("national_id"), rule: "duplicate_row", params: { first: d.first } });
    if (dups.length) issues.count += Math.max(0, (dups[0]?.total ?? 0) - dups.length);
    timings.check = Date.now() - t0;
    if (issues.count > 0) return base({ loader });

    // ── a re-run of the same file: the first load's answer ──
    const previous = () =>
      db.departmentFeed.findUnique({
        where: { scopeId_department_sha256: { scopeId: options.scopeId, department: options.department, sha256: file.sha256 } },
      });
    const replayOf = (p: NonNullable<Awaited<ReturnType<typeof previous>>>) =>
      base({
        ok: true,
        replay: true,
        feedId: p.id,
        loader,
        counts: { matched: p.matched, unmatched: p.unmatched, flags: p.flags, leads: p.leads, facts: p.facts, proposals: 0, reassessed: 0 },
      });
    const before = await previous();
    if (before) return replayOf(before);

    // ── match and apply: one transaction ──
    t0 = Date.now();
    const policy = resolvePolicy(await loadPolicyRows(db), Number(day.slice(0, 4)), options.scopeId.slice(0, 2)).values;
    const feedId = id;
    const result = await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${FEED_LOCK})`);
        await tx.$executeRawUnsafe(`SELECT set_config('jit', 'off', true)`);
        // the match and the effects hash and sort the whole feed: in memory, not in temporary files
        await tx.$executeRawUnsafe(`SELECT set_config('work_mem', '128MB', true)`);
        const again = await tx.departmentFeed.findUnique({
          where: { scopeId_department_sha256: { scopeId: options.scopeId, department: options.department, sha256: file.sha256 } },
          select: { id: true },
        });
        if (again) return null;
        await tx.departmentFeed.create({
          data: {
            id: feedId,
            scopeId: options.scopeId,
            department: options.department,
            asOf: new Date(`${options.asOf}T00:00:00Z`),
            fileName: source.name.slice(0, 200),
            sha256: file.sha256,
            bytes: file.bytes,
            rows: file.rows,
            loadedById: options.actor.id,
          },
        });
        return applyFeed(tx, {
          feedId,
          stage,
          scopeId: options.scopeId,
          department: options.department,
          asOf: options.asOf,
          day,
          policy,
          actor: options.actor,
          file,
          timings,
          unmatchedCap: issues.cap,
        });
      },
      { maxWait: 60_000, timeout: 6 * 3600_000 },
    );
    timings.write = Date.now() - t0;
    if (!result) {
      const p = await previous();
      if (p) return replayOf(p);
      throw new Error("feed vanished");
    }
    Object.assign(counts, result.counts);

    // ── reassess the households whose indicators changed (the existing path) ──
    t0 = Date.now();
    counts.reassessed = await reassess(db, result.changedHouseholds, options, day);
    timings.reassess = Date.now() - t0;
    const unmatchedRows = result.unmatchedRows;
    return base({ ok: true, feedId, loader, counts, unmatchedRows });
  } finally {
    await stager?.close().catch(() => {});
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${stage}`).catch(() => {});
  }
}

interface ApplyArgs {
  feedId: string;
  stage: string;
  scopeId: string;
  department: DepartmentCode;
  asOf: string;
  day: string;
  policy: PolicyValues;
  actor: Actor;
  file: FeedReport["file"];
  /** the unmatched rows' lines reported, at most */
  unmatchedCap: number;
  /** each step's milliseconds (match, flags, leads, facts, proposals), for bench:feeds */
  timings: Record<string, number>;
}

async function applyFeed(tx: Prisma.TransactionClient, a: ApplyArgs) {
  const { feedId, stage } = a;
  let lap = Date.now();
  const step = (name: string) => {
    a.timings[name] = Date.now() - lap;
    lap = Date.now();
  };
  const asOf = `'${a.asOf}'::date`;
  // 1. match: active members in scope by national ID (unique among active members); deaths and
  //    moves also reach members who left (the latest such row of that person)
  const formerFacts = FORMER_FACTS.filter((f) => FEED_FACTS[f].department === a.department);
  // the match, once, into a scratch table (unlogged, dropped with the transaction's end) with its
  // statistics: the feed's rows are copied from it and every effect below reads it by a
  // sequential scan, where reading the new rows back from department_feed_row went by its index
  // with no statistics for them (the planner expected a handful and looped over member by key)
  const x = `${STAGE_SCHEMA}."x_${feedId}"`;
  await tx.$executeRawUnsafe(
    `CREATE UNLOGGED TABLE ${x} AS
     SELECT s.line, s.national_id AS "nationalId", s.fact, s.fact_date AS "factDate", s.value,
            COALESCE(am.id, fm.id) AS "memberId", COALESCE(am."householdId", fm."householdId") AS "householdId",
            COALESCE(am."countyId", fm."countyId") AS "countyId",
            CASE WHEN am.id IS NOT NULL THEN true WHEN fm.id IS NOT NULL THEN false END AS active
       FROM ${stage} s
       LEFT JOIN (SELECT m.id, m."nationalId", m."householdId", m."countyId" ${membersInScope(a.scopeId, "m.active")}) am
              ON am."nationalId" = s.national_id
       LEFT JOIN (${
         formerFacts.length
           ? `SELECT DISTINCT ON (m."nationalId") m.id, m."nationalId", m."householdId", m."countyId"
                ${membersInScope(a.scopeId, `NOT m.active AND m."nationalId" IN (SELECT national_id FROM ${stage} WHERE fact IN (${sqlList(formerFacts)}))`)}
               ORDER BY m."nationalId", m."updatedAt" DESC, m.id`
           : `SELECT NULL::text AS id, NULL::text AS "nationalId", NULL::text AS "householdId", NULL::text AS "countyId" WHERE false`
       }) fm ON am.id IS NULL AND s.fact IN (${formerFacts.length ? sqlList(formerFacts) : "NULL"}) AND fm."nationalId" = s.national_id`,
  );
  await tx.$executeRawUnsafe(`ANALYZE ${x}`);
  await tx.$executeRawUnsafe(
    `INSERT INTO department_feed_row ("feedId", line, "nationalId", fact, "factDate", value, "memberId", "householdId", "countyId", active)
     SELECT $1, line, "nationalId", fact, "factDate", value, "memberId", "householdId", "countyId", active FROM ${x}`,
    feedId,
  );
  const [{ matched, unmatched } = { matched: 0, unmatched: 0 }] = await tx.$queryRawUnsafe<{ matched: number; unmatched: number }[]>(
    `SELECT count("memberId")::int AS matched, count(*) FILTER (WHERE "memberId" IS NULL)::int AS unmatched FROM ${x}`,
  );
  const unmatchedRows = (
    await tx.$queryRawUnsafe<{ line: number }[]>(`SELECT line FROM ${x} WHERE "memberId" IS NULL ORDER BY line LIMIT ${a.unmatchedCap}`)
  ).map((r) => r.line);

  step("match");

  // 2. comparison flags: one per person and code (a vehicle at or above the policy's value)
  const flagFacts = FLAG_FACTS.filter((f) => FEED_FACTS[f].department === a.department);
  let flags = 0;
  if (flagFacts.length) {
    flags = await tx.$executeRawUnsafe(
      `INSERT INTO department_finding (id, "countyId", "householdId", "memberId", "feedId", department, "asOf", kind, code, "factDate", value, "factKey")
       SELECT gen_random_uuid()::text, r."countyId", r."householdId", r."memberId", $1, $2::"Department", ${asOf}, 'flag', r.fact, r."factDate", r.value,
              'flag:' || r.fact || ':' || r."nationalId"
         FROM ${x} r
        WHERE r.active AND r.fact IN (${sqlList(flagFacts)})
          AND (r.fact <> 'vehicle' OR r.value >= $3)
       ON CONFLICT ("countyId", "factKey") DO NOTHING`,
      feedId,
      a.department,
      a.policy.comparisonVehicleValue,
    );
  }

  step("flags");

  // 3. early-warning leads: one per person, fact and date (a death once); each a help request
  const leadFacts = LEAD_FACTS.filter((f) => FEED_FACTS[f].department === a.department);
  let leads = 0;
  if (leadFacts.length) {
    leads = await tx.$executeRawUnsafe(
      `INSERT INTO department_finding (id, "countyId", "householdId", "memberId", "feedId", department, "asOf", kind, code, "factDate", value, "helpRequestId", "factKey")
       SELECT x.id, x."countyId", x."householdId", x."memberId", $1, $2::"Department", ${asOf}, 'lead', x.fact, x."factDate", x.value, x.id, x.key
         FROM (SELECT gen_random_uuid()::text AS id, r.*,
                      'lead:' || r.fact || ':' || r."nationalId" || ':' || CASE WHEN r.fact = 'death' THEN '' ELSE COALESCE(to_char(r."factDate", 'YYYY-MM-DD'), '') END AS key
                 FROM ${x} r JOIN member m ON m.id = r."memberId"
                WHERE r.fact IN (${sqlList(leadFacts)})
                  AND CASE r.fact WHEN 'large_bill' THEN r.value >= $3
                                  WHEN 'death' THEN m."laborCapacity" <> 'none'
                                  ELSE r.active END) x
       ON CONFLICT ("countyId", "factKey") DO NOTHING`,
      feedId,
      a.department,
      a.policy.feedLargeMedicalBill,
    );
    if (leads > 0) {
      const counties = await tx.$queryRawUnsafe<{ county: string }[]>(
        `SELECT DISTINCT "countyId" AS county FROM department_finding WHERE "feedId" = $1 AND kind = 'lead'`,
        feedId,
      );
      const deadlines: Record<string, string> = {};
      for (const { county } of counties) deadlines[county] = await leadDeadline(tx, county, a.day);
      await tx.$executeRawUnsafe(
        `INSERT INTO help_request (id, "villageId", "countyId", "householdId", source, category, text, deadline, "createdAt")
         SELECT f.id, h."villageId", f."countyId", f."householdId", 'department', c.category::"HelpCategory",
                $3 || ' ' || to_char(f."asOf", 'YYYY-MM-DD') || '：' || c.label || COALESCE('（' || to_char(f."factDate", 'YYYY-MM-DD') || '）', '')
                  || CASE WHEN f.value IS NOT NULL THEN ' ' || trim_scale(f.value)::text || ' 元' ELSE '' END || ' · ' || m.name,
                (($2::jsonb) ->> f."countyId")::date, $5::timestamptz
           FROM department_finding f
           JOIN household h ON h.id = f."householdId"
           JOIN member m ON m.id = f."memberId"
           JOIN (SELECT * FROM jsonb_to_recordset($4::jsonb) AS t(fact text, category text, label text)) c ON c.fact = f.code
          WHERE f."feedId" = $1 AND f.kind = 'lead'`,
        feedId,
        JSON.stringify(deadlines),
        DEPARTMENT_NAMES_ZH[a.department],
        JSON.stringify(leadFacts.map((f) => ({ fact: f, category: (FEED_FACTS[f] as FactSpec).lead, label: FACT_NAMES_ZH[f] }))),
        // received on the day the deadline counts from (a load dated another day, as the demo's, is received that day)
        a.day === todayInChina() ? new Date() : new Date(`${a.day}T09:00:00+08:00`),
      );
    }
  }

  step("leads");

  // 4. indicator facts: the member's latest row of this feed, written where it differs
  const changed = new Set<string>();
  let facts = 0;
  const factRows = async (sql: string) => {
    const rows = await tx.$queryRawUnsafe<{ householdId: string }[]>(sql, feedId, a.department);
    facts += rows.length;
    for (const r of rows) changed.add(r.householdId);
  };
  const insertFacts = `INSERT INTO department_finding (id, "countyId", "householdId", "memberId", "feedId", department, "asOf", kind, code, "factDate", "factKey")
       SELECT gen_random_uuid()::text, u."countyId", u."householdId", u.id, $1, $2::"Department", ${asOf}, 'fact', u.fact, u."factDate", 'fact:' || u.fact || ':' || u."nationalId" || ':' || $1
         FROM upd u
       ON CONFLICT ("countyId", "factKey") DO NOTHING
       RETURNING "householdId"`;
  // the member's latest row of the fact's pair, for the members one of whose rows differs from
  // what the member has (nearly every row of a feed agrees: only those few are sorted)
  const latestDiffering = (pair: readonly [string, string], differs: string) =>
    `cand AS (SELECT DISTINCT r."memberId" FROM ${x} r JOIN member m ON m.id = r."memberId"
               WHERE r.active AND r.fact IN (${sqlList(pair)}) AND ${differs.replaceAll("l.fact", "r.fact")}),
     latest AS (SELECT DISTINCT ON (r."memberId" COLLATE "C") r."memberId", r.fact, r."factDate"
                  FROM ${x} r JOIN cand c ON c."memberId" = r."memberId"
                 WHERE r.active AND r.fact IN (${sqlList(pair)}) ORDER BY r."memberId" COLLATE "C", r.line DESC)`;
  if (a.department === "medical_insurance") {
    const differs = `m."medicalInsurance" <> (l.fact = 'insured')`;
    await factRows(
      `WITH ${latestDiffering(["insured", "not_insured"], differs)},
            upd AS (UPDATE member m SET "medicalInsurance" = (l.fact = 'insured'), "updatedAt" = now() FROM latest l
                     WHERE m.id = l."memberId" AND ${differs}
                 RETURNING m.id, m."householdId", m."countyId", m."nationalId", l.fact, l."factDate")
       ${insertFacts}`,
    );
  }
  if (a.department === "education") {
    const differs = `CASE l.fact WHEN 'enrolled' THEN m."schoolStatus" <> 'enrolled' ELSE m."schoolStatus" NOT IN ('dropped_out', 'home_taught') END`;
    await factRows(
      `WITH ${latestDiffering(["enrolled", "not_enrolled"], differs)},
            upd AS (UPDATE member m
                       SET "schoolStatus" = (CASE l.fact WHEN 'enrolled' THEN 'enrolled' ELSE 'dropped_out' END)::"SchoolStatus", "updatedAt" = now()
                      FROM latest l
                     WHERE m.id = l."memberId" AND ${differs}
                 RETURNING m.id, m."householdId", m."countyId", m."nationalId", l.fact, l."factDate")
       ${insertFacts}`,
    );
  }

  step("facts");

  // 5. the new flags on the households' open proposals (before the vote), with their source
  let proposals = 0;
  if (flags > 0) {
    const open = await tx.$queryRawUnsafe<{ id: string; flags: unknown; countyId: string }[]>(
      `SELECT p.id, p.flags, p."countyId" FROM proposal p
        WHERE p."householdId" IN (SELECT "householdId" FROM department_finding WHERE "feedId" = $1 AND kind = 'flag')
          AND p.stage::text IN (${sqlList(FLAGGABLE_STAGES)})`,
      feedId,
    );
    for (const p of open) {
      const add = await tx.$queryRawUnsafe<{ code: string; name: string }[]>(
        `SELECT f.code, m.name FROM department_finding f JOIN member m ON m.id = f."memberId" JOIN proposal p ON p."householdId" = f."householdId"
          WHERE f."feedId" = $1 AND f.kind = 'flag' AND p.id = $2 ORDER BY f.code, m.name`,
        feedId,
        p.id,
      );
      const existing = Array.isArray(p.flags) ? (p.flags as Record<string, unknown>[]) : [];
      const added = add
        .filter((f) => (COMPARISON_FLAG_CODES as readonly string[]).includes(f.code))
        .map((f) => ({
          code: f.code,
          detail: f.code === "public_employee" || f.code === "village_committee" ? f.name : "",
          source: { department: a.department, asOf: a.asOf },
          // a red line of the province excludes as for the household's own flags (the agenda refuses it)
          ...(a.policy[RED_LINE_KEY[f.code as ComparisonFlagCode]] === 1 ? { redLine: true } : {}),
        }));
      await tx.proposal.update({
        where: { id: p.id },
        data: { flags: [...existing, ...added] as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
      });
      await audit(tx, a.actor, {
        action: "proposal.flagged",
        entity: "proposal",
        entityId: p.id,
        countyId: p.countyId,
        after: { flags: added, feedId },
      });
      proposals++;
    }
  }

  step("proposals");
  await tx.$executeRawUnsafe(`DROP TABLE ${x}`);
  const counts = { matched, unmatched, flags, leads, facts, proposals, reassessed: 0 };
  await tx.departmentFeed.update({
    where: { id: feedId },
    data: { matched: counts.matched, unmatched, flags, leads, facts },
  });
  await audit(tx, a.actor, {
    action: "feed.loaded",
    entity: "department_feed",
    entityId: feedId,
    countyId: a.scopeId.length === 6 ? a.scopeId : null,
    after: { department: a.department, scopeId: a.scopeId, asOf: a.asOf, file: a.file, counts },
  });
  return { counts, unmatchedRows, changedHouseholds: [...changed] };
}

async function reassess(db: PrismaClient, households: string[], options: FeedOptions, day: string): Promise<number> {
  const cap = options.recomputeCap ?? 2000;
  if (households.length === 0) return 0;
  if (households.length > cap) {
    // too many for this request: the scope's recompute job (the policy page's path) does them
    const { createRecomputeJob } = await import("@/lib/data/recompute");
    await createRecomputeJob(db, { regionId: options.scopeId, reason: "department feed", actorId: options.actor.id });
    return 0;
  }
  const policyRows = await loadPolicyRows(db);
  let done = 0;
  for (let i = 0; i < households.length; i += 100) {
    const chunk = households.slice(i, i + 100);
    await db.$transaction(
      async (tx) => {
        for (const id of chunk)
          await recomputeHousehold(tx, id, { trigger: "department", actorId: options.actor.id, asOf: day, policyRows });
      },
      { timeout: 120_000 },
    );
    done += chunk.length;
  }
  return done;
}

/** How a lead's text names the department and the fact (the lead's text is data, in Chinese as the leads list shows it). */
export const DEPARTMENT_NAMES_ZH: Record<DepartmentCode, string> = {
  public_security: "公安",
  housing: "住建",
  market_regulation: "市场监管",
  civil_affairs: "民政",
  education: "教育",
  medical_insurance: "医保",
  human_resources: "人社",
};

export const FACT_NAMES_ZH: Record<FeedFact, string> = {
  vehicle: "登记车辆",
  death: "死亡",
  moved_out: "户籍迁出",
  commercial_housing: "商品房",
  business: "工商登记",
  village_committee: "村两委成员",
  disability_certificate: "办理残疾证",
  dibao_start: "纳入低保",
  dibao_stop: "退出低保",
  enrolled: "在校",
  not_enrolled: "未入学",
  insured: "参加医保",
  not_insured: "未参加医保",
  large_bill: "大额自付医疗费用",
  public_employee: "财政供养人员",
  job_loss: "失业登记",
};
