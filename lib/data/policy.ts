// Policy as data: the rows, the resolved values for each year (carried forward where unset),
// and the effect of an edit on the current assessments.
import "server-only";
import { db } from "@/lib/db/client";
import { POLICY_KEYS, resolvePolicy, type PolicyKey, type PolicyRow } from "@/lib/domain/policy";
import { currentYear } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";

export interface YearView {
  year: number;
  values: Record<PolicyKey, number>;
  carried: Record<PolicyKey, boolean>;
  version: string;
}

/** Resolved values for 2014 … next year, for the nation or one province. */
export async function policyTable(provinceId: string | null): Promise<{ rows: PolicyRow[]; years: YearView[] }> {
  const rows = await loadPolicyRows(db());
  const last = Math.max(currentYear() + 1, ...rows.map((r) => r.year));
  const years: YearView[] = [];
  for (let y = 2014; y <= last; y++) {
    const p = resolvePolicy(rows, y, provinceId);
    years.push({
      year: y,
      values: p.values as unknown as Record<PolicyKey, number>,
      carried: Object.fromEntries(POLICY_KEYS.map((k) => [k, p.sources[k].carried])) as Record<PolicyKey, boolean>,
      version: p.version,
    });
  }
  return { rows, years };
}

export async function recentJobs() {
  return db().recomputeJob.findMany({ orderBy: { createdAt: "desc" }, take: 5 });
}

/** Provinces (2-digit prefixes) that hold households. */
export async function provincesWithHouseholds(): Promise<string[]> {
  const rows = await db().$queryRaw<{ p: string }[]>`SELECT DISTINCT left("countyId", 2) AS p FROM household ORDER BY 1`;
  return rows.map((r) => r.p);
}
