// The status engine over a chunk of rows, as the batch recompute (lib/data/recompute.ts) and the
// bulk import (lib/import/assess.ts) read them: pure (no database, no Next), so it runs the same
// in the calling thread or in a worker thread (lib/data/assess-pool.ts, decision 0059). Each
// output carries only what the writer stores: the summary columns and the engine's input
// (decision 0054), not the full result.
import { assess, type Assessment } from "@/lib/domain/assess";
import { resolvePolicy, type PolicyRow, type ResolvedPolicy } from "@/lib/domain/policy";
import { householdInputFromRecord, type HouseholdRecord, type MemberRecord } from "@/lib/domain/input-from-record";
import type { HouseholdInput } from "@/lib/domain/household";

export interface AssessContext {
  policyRows: PolicyRow[];
  year: number;
  asOf: string;
}

/** The indicators an assessment found unmet, in the engine's order (household.unmetIndicators). */
export function unmetOf(a: Assessment): string[] {
  return Object.entries(a.indicators)
    .filter(([, v]) => !v.met)
    .map(([k]) => k);
}

const policyCache = new WeakMap<AssessContext, Map<string, ResolvedPolicy>>();
function policyFor(ctx: AssessContext, province: string): ResolvedPolicy {
  let byProvince = policyCache.get(ctx);
  if (!byProvince) policyCache.set(ctx, (byProvince = new Map()));
  let p = byProvince.get(province);
  if (!p) byProvince.set(province, (p = resolvePolicy(ctx.policyRows, ctx.year, province)));
  return p;
}

/** What the writer stores of one assessment. */
export interface AssessedRow {
  id: string;
  countyId: string;
  status: Assessment["status"];
  candidate: Assessment["candidate"];
  category: Assessment["monitoringCategory"];
  pci: number;
  counted: number;
  unmet: string[];
  policyVersion: string;
  input: HouseholdInput;
}

function assessed(id: string, countyId: string, input: HouseholdInput, ctx: AssessContext): AssessedRow {
  const a = assess(input, policyFor(ctx, countyId.slice(0, 2)));
  return {
    id,
    countyId,
    status: a.status,
    candidate: a.candidate,
    category: a.monitoringCategory,
    pci: a.perCapitaIncome,
    counted: a.countedMembers,
    unmet: unmetOf(a),
    policyVersion: a.policyVersion,
    input,
  };
}

// ── the batch recompute ──

/** What the household holds of its last assessment, as the recompute's chunk query reads it. */
export interface StoredResult {
  assessed: boolean;
  curStatus: string | null;
  curCandidate: string | null;
  curCategory: string | null;
  curPci: string | null;
  curCounted: number;
  curMembers: number;
  curUnmet: string[] | null;
}

/** One row of the recompute's chunk query (recomputeChunkSql): facts, stored result, active members as JSON. */
export type RecomputeRow = HouseholdRecord & StoredResult & { id: string; countyId: string; version: number; members: string };

export type RecomputeResult = AssessedRow & { version: number; members: number };

/**
 * Whether a fresh assessment says something other than what the household holds: status,
 * candidate, monitoring category, per-capita income (to the cent, as stored), counted and listed
 * members, unmet indicators. Only then does a recompute write (decision 0042): the household's
 * history keeps the assessment (and the policy version) that produced its current result.
 */
export function resultChanged(
  stored: StoredResult,
  a: Pick<AssessedRow, "status" | "candidate" | "category" | "pci" | "counted" | "unmet">,
  members: number,
): boolean {
  if (!stored.assessed) return true;
  return (
    stored.curStatus !== a.status ||
    (stored.curCandidate ?? null) !== (a.candidate ?? null) ||
    (stored.curCategory ?? null) !== (a.category ?? null) ||
    stored.curPci === null ||
    Math.round(Number(stored.curPci) * 100) !== Math.round(a.pci * 100) ||
    Number(stored.curCounted) !== a.counted ||
    Number(stored.curMembers) !== members ||
    (stored.curUnmet ?? []).join(",") !== a.unmet.join(",")
  );
}

/** A recompute chunk row's members, as the chunk query (recomputeChunkSql) packs them: one JSON array per member. */
export function membersOfChunkRow(json: string): MemberRecord[] {
  return (JSON.parse(json) as [string, boolean, boolean, MemberRecord["schoolStatus"], boolean, MemberRecord["laborCapacity"]][]).map(
    ([birthDate, counted, medicalInsurance, schoolStatus, dropoutMedicalExemption, laborCapacity]) => ({
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      counted,
      active: true,
      medicalInsurance,
      schoolStatus,
      dropoutMedicalExemption,
      laborCapacity,
    }),
  );
}

/** Assess a recompute chunk; only the households whose result changed come back. */
export function assessRecomputeRows(rows: RecomputeRow[], ctx: AssessContext): RecomputeResult[] {
  const out: RecomputeResult[] = [];
  for (const h of rows) {
    const members = membersOfChunkRow(h.members);
    if (!members.some((m) => m.counted)) continue; // nobody counted: nothing to assess
    const r = assessed(h.id, h.countyId, householdInputFromRecord(h, members, ctx.year, ctx.asOf), ctx);
    // the same result as the household holds: nothing to write
    if (resultChanged(h, r, members.length)) out.push({ ...r, version: Number(h.version), members: members.length });
  }
  return out;
}

// ── the bulk import ──

/** One staged new household as lib/import/assess.ts reads it: its facts and members as JSON text. */
export interface ImportRow {
  id: string;
  county: string;
  data: string;
}

/** Assess staged new households; a household with nobody counted is left unassessed (as the recompute). */
export function assessImportRows(rows: ImportRow[], ctx: AssessContext): AssessedRow[] {
  const out: AssessedRow[] = [];
  for (const r of rows) {
    const { h, m } = JSON.parse(r.data) as { h: HouseholdRecord; m: [string, boolean, boolean, string, string][] };
    const members: MemberRecord[] = m.map(([birth, counted, medicalInsurance, schoolStatus, laborCapacity]) => ({
      birthDate: new Date(`${birth}T00:00:00Z`),
      counted,
      active: true,
      medicalInsurance,
      schoolStatus: schoolStatus as MemberRecord["schoolStatus"],
      dropoutMedicalExemption: false,
      laborCapacity: laborCapacity as MemberRecord["laborCapacity"],
    }));
    if (!members.some((x) => x.counted)) continue;
    out.push(assessed(r.id, r.county, householdInputFromRecord(h, members, ctx.year, ctx.asOf), ctx));
  }
  return out;
}

export type AssessTask = { kind: "recompute"; rows: RecomputeRow[] } | { kind: "import"; rows: ImportRow[] };

export function runAssessTask(task: AssessTask, ctx: AssessContext): AssessedRow[] {
  return task.kind === "recompute" ? assessRecomputeRows(task.rows, ctx) : assessImportRows(task.rows, ctx);
}
