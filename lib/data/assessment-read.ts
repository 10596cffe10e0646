// Reading stored assessments back (decision 0054): an old row's stored result, or a new row's
// input assessed again under the policy version it names (lib/domain/stored-assessment.ts).
// Every reader of an assessment's result goes through here.
import type { Db, Tx } from "@/lib/db/client";
import type { Assessment } from "@/lib/domain/assess";
import type { PolicyRow } from "@/lib/domain/policy";
import type { ResolvedPolicy } from "@/lib/domain/policy";
import { renderStoredAssessment, type PolicyRowInForce, type StoredAssessment } from "@/lib/domain/stored-assessment";

/** Every policy row, retired ones included, with the times each was in force. */
export async function loadPolicyRowsInForce(client: Db | Tx): Promise<PolicyRowInForce[]> {
  const rows = await client.policyRow.findMany({ orderBy: [{ year: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    provinceCode: r.provinceId,
    values: r.values as PolicyRow["values"],
    createdAt: r.createdAt,
    retiredAt: r.retiredAt,
  }));
}

/** The select a reader adds so that `withResults` can render a row. */
export const STORED_ASSESSMENT_SELECT = { result: true, input: true, policyVersion: true, createdAt: true } as const;

/**
 * The rows with `result` set to the assessment as the engine produced it (old rows: as stored;
 * new rows: rendered). The policy rows are read once, and only when a row needs them.
 */
export async function withResults<T extends StoredAssessment>(
  client: Db | Tx,
  rows: readonly T[],
): Promise<(Omit<T, "result"> & { result: Assessment })[]> {
  const needs = rows.some((r) => r.result === null || r.result === undefined);
  const policyRows = needs ? await loadPolicyRowsInForce(client) : [];
  const policies = new Map<string, ResolvedPolicy>();
  return rows.map((r) => ({ ...r, result: renderStoredAssessment(r, policyRows, policies) }));
}
