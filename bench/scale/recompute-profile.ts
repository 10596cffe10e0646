// Where a recompute's time goes, step by step, in CPU time (node and the database backend),
// so a busy machine does not blur it: the statements of lib/data/recompute.ts's chunk loop
// (as of docs/decisions/0008-recompute-at-scale.md), run on `chunks` chunks inside transactions
// that are rolled back, so nothing changes. Also the shapes it replaced, for comparison.
//
//   node --conditions=react-server --import tsx bench/scale/recompute-profile.ts URL [chunks] [chunkSize]
//
// PostgreSQL only (the backend's CPU is read from /proc).
import pg from "pg";
import { createPrisma } from "../../lib/db/client";
import { poolConfigFromUrl } from "../../lib/db/adapter-fixes";
import type { HouseholdInput } from "../../lib/domain/household";
import { assess, type Assessment } from "../../lib/domain/assess";
import { resolvePolicy } from "../../lib/domain/policy";
import { householdInputFromRecord, type HouseholdRecord } from "../../lib/domain/input-from-record";
import { insertRows, jsonParam } from "../../lib/db/bulk";
import { loadPolicyRows, unmetOf } from "../../lib/data/assessment";
import { recomputeChunkSql, recomputeUpdateSql } from "../../lib/data/recompute";
import { membersOfChunkRow } from "../../lib/data/assess-chunk";
import { currentYear, today } from "../../lib/clock";
import { backendsCpuMs } from "./cpu";

// the recompute's own statements (lib/data/recompute.ts), over every household
const READ = recomputeChunkSql("TRUE");
const UPDATE = recomputeUpdateSql;

class Rollback extends Error {}

async function main() {
  const [url, chunksArg, sizeArg] = process.argv.slice(2);
  if (!url) throw new Error("usage: recompute-profile.ts URL [chunks] [chunkSize]");
  const chunks = Number(chunksArg ?? 5);
  const size = Number(sizeArg ?? 2000);
  const prisma = createPrisma(url, { max: 1 }); // one connection: its backend's CPU is the step's
  const probe = new pg.Client(poolConfigFromUrl(url));
  await probe.connect();
  const node: Record<string, number> = {};
  const db: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const c0 = process.cpuUsage();
    const d0 = await backendsCpuMs(probe);
    const r = await fn();
    const c = process.cpuUsage(c0);
    node[name] = (node[name] ?? 0) + (c.user + c.system) / 1000;
    db[name] = (db[name] ?? 0) + (await backendsCpuMs(probe)) - d0;
    return r;
  };
  let households = 0;
  try {
    const year = currentYear();
    const asOf = today();
    const policy = resolvePolicy(await loadPolicyRows(prisma), year, "53");
    let cursor = "";
    for (let k = 0; k < chunks; k++) {
      await step("read (before: findMany + members)", () =>
        prisma.household.findMany({
          where: { id: { gt: cursor } },
          orderBy: { id: "asc" },
          take: size,
          select: {
            id: true,
            countyId: true,
            version: true,
            registeredStatus: true,
            monitoringCategory: true,
            incomeWages: true,
            incomeBusiness: true,
            incomeBusinessCosts: true,
            incomeProperty: true,
            incomeTransfers: true,
            rigidExpenditure: true,
            previousYearIncome: true,
            food: true,
            clothing: true,
            housingGrade: true,
            electricity: true,
            waterLitres: true,
            waterScarceArea: true,
            waterPiped: true,
            waterRoundTripMin: true,
            waterHorizontalM: true,
            waterVerticalM: true,
            waterQualitySafe: true,
            waterOutageDays: true,
            members: {
              where: { active: true },
              select: {
                birthDate: true,
                counted: true,
                active: true,
                medicalInsurance: true,
                schoolStatus: true,
                dropoutMedicalExemption: true,
                laborCapacity: true,
              },
            },
          },
        }),
      );
      const rows = await step("read (raw, members as JSON)", () =>
        prisma.$queryRawUnsafe<(HouseholdRecord & { id: string; countyId: string; version: number; members: string })[]>(
          READ,
          cursor,
          size,
        ),
      );
      if (rows.length === 0) break;
      households += rows.length;
      cursor = rows[rows.length - 1]!.id;
      const results = await step("assess (JS)", () => {
        const out: { id: string; countyId: string; version: number; members: number; a: Assessment; input: HouseholdInput }[] = [];
        for (const h of rows) {
          const members = membersOfChunkRow(h.members);
          if (!members.some((m) => m.counted)) continue;
          const input = householdInputFromRecord(h, members, year, asOf);
          out.push({
            id: h.id,
            countyId: h.countyId,
            version: Number(h.version),
            members: members.length,
            a: assess(input, policy),
            input,
          });
        }
        return out;
      });
      const now = new Date();
      const updates = results.map(({ id, version, members, a }) => ({
        id,
        version,
        status: a.status,
        candidate: a.candidate,
        category: a.monitoringCategory,
        pci: a.perCapitaIncome,
        counted: a.countedMembers,
        members,
        unmet: unmetOf(a),
      }));
      const inserts = results.map(({ id, countyId, a }) => ({
        id: crypto.randomUUID(),
        householdId: id,
        countyId,
        year,
        asOf,
        status: a.status,
        candidate: a.candidate,
        monitoringCategory: a.monitoringCategory,
        perCapitaIncome: a.perCapitaIncome,
        countedMembers: a.countedMembers,
        policyVersion: a.policyVersion,
        result: a,
        trigger: "policy" as const,
        createdById: null,
        createdAt: now,
      }));
      await prisma
        .$transaction(
          async (tx) => {
            await step("update (before: JSON text parameter)", () =>
              tx.$queryRawUnsafe(UPDATE("$1::jsonb"), JSON.stringify(updates), now.toISOString()),
            );
            await step("update (base64 parameter)", () =>
              tx.$queryRawUnsafe(UPDATE("convert_from(decode($1, 'base64'), 'UTF8')::jsonb"), jsonParam(updates), now.toISOString()),
            );
            await step("insert assessments (before: JSON text parameter)", async () => {
              const cols = Object.keys(inserts[0]!);
              const types = new Map(
                (
                  await tx.$queryRawUnsafe<{ name: string; type: string }[]>(
                    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod)::text AS type FROM pg_attribute a WHERE a.attrelid = 'assessment'::regclass AND a.attnum > 0`,
                  )
                ).map((r) => [r.name, r.type]),
              );
              const list = cols.map((c) => `"${c}"`).join(", ");
              await tx.$executeRawUnsafe(
                `INSERT INTO assessment (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS t(${cols.map((c) => `"${c}" ${types.get(c)}`).join(", ")})`,
                JSON.stringify(inserts.map((r) => ({ ...r, id: crypto.randomUUID() }))),
              );
            });
            await step("insert assessments (base64 parameter)", () => insertRows(tx, "assessment", inserts, now));
            // decision 0054: the input and the policy version, the result rendered when read
            await step("insert assessments as inputs (now, base64)", () =>
              insertRows(
                tx,
                "assessment",
                inserts.map(({ result: _r, ...row }, i) => ({ ...row, id: crypto.randomUUID(), input: results[i]!.input })),
                now,
              ),
            );
            throw new Rollback();
          },
          { timeout: 120_000 },
        )
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
    }
    const us = (ms: number) => Math.round((1000 * ms) / households);
    console.log(`per household (µs CPU), ${households} households in ${Math.ceil(households / size)} chunks of ${size}:`);
    console.log(`  ${"step".padEnd(50)}${"node".padStart(8)}${"database".padStart(10)}${"total".padStart(8)}`);
    for (const k of Object.keys(node))
      console.log(
        `  ${k.padEnd(50)}${String(us(node[k]!)).padStart(8)}${String(us(db[k]!)).padStart(10)}${String(us(node[k]! + db[k]!)).padStart(8)}`,
      );
  } finally {
    await probe.end();
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
