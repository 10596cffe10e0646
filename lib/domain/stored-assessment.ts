/**
 * A stored assessment read back (decision 0054). Rows written before that decision hold the full
 * result; newer rows hold the engine's input and the policy version, and the result is rendered
 * here: the policy that version names is resolved again from the policy rows (never edited in
 * place: an edit retires a row and adds another) and `assess` — pure — runs on the input. Pure:
 * no I/O, no clock.
 */
import { assess, type Assessment } from "./assess";
import type { HouseholdInput } from "./household";
import { resolvePolicy, type PolicyRow, type ResolvedPolicy } from "./policy";

/** A policy row with the times it was in force (retired rows included). */
export interface PolicyRowInForce extends PolicyRow {
  createdAt: Date;
  retiredAt: Date | null;
}

/** What a stored assessment row holds: the old full result, or the new input (one is set). */
export interface StoredAssessment {
  result: unknown;
  input: unknown;
  policyVersion: string;
  createdAt: Date;
}

/** The year, the province (null: national) and the row ids a policy version names. */
export function parsePolicyVersion(version: string): { year: number; provinceCode: string | null; rowIds: string[] } | null {
  const m = /^(\d{4}):([^:]+):([^#]*)#/.exec(version);
  if (!m) return null;
  return { year: Number(m[1]), provinceCode: m[2] === "national" ? null : m[2]!, rowIds: m[3] === "" ? [] : m[3]!.split("+") };
}

/** The assessment's policy version names a policy the rows cannot give again. */
export class StoredPolicyError extends Error {
  constructor(version: string) {
    super(`the policy rows of version ${version} are not all stored any more`);
    this.name = "StoredPolicyError";
  }
}

/**
 * The resolved policy a version was computed under. First the rows in force when the assessment
 * was written (exactly what the writer resolved from), then only the rows the version names; each
 * candidate is kept only if it resolves to the same version (same rows, same contents).
 */
export function policyOfVersion(rows: readonly PolicyRowInForce[], version: string, at: Date): ResolvedPolicy {
  const v = parsePolicyVersion(version);
  if (!v) throw new StoredPolicyError(version);
  const t = at.getTime();
  const inForce = rows.filter((r) => r.createdAt.getTime() <= t && (r.retiredAt === null || r.retiredAt.getTime() > t));
  const named = new Set(v.rowIds);
  for (const candidate of [inForce, rows.filter((r) => named.has(r.id))]) {
    try {
      const p = resolvePolicy(candidate, v.year, v.provinceCode);
      if (p.version === version) return p;
    } catch {
      // not this candidate
    }
  }
  throw new StoredPolicyError(version);
}

/**
 * The assessment as the engine produced it: the stored result of an old row, or the input
 * assessed again under its policy. `policies` caches resolved policies by version across rows.
 */
export function renderStoredAssessment(
  row: StoredAssessment,
  rows: readonly PolicyRowInForce[],
  policies: Map<string, ResolvedPolicy> = new Map(),
): Assessment {
  if (row.result !== null && row.result !== undefined) return row.result as Assessment;
  if (row.input === null || row.input === undefined) throw new StoredPolicyError(row.policyVersion);
  let policy = policies.get(row.policyVersion);
  if (!policy) policies.set(row.policyVersion, (policy = policyOfVersion(rows, row.policyVersion, row.createdAt)));
  return assess(row.input as HouseholdInput, policy);
}
