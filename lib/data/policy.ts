// Policy as data: the rows, the resolved values for each year (carried forward where unset),
// and the effect of an edit on the current assessments.
import "server-only";
import { db } from "@/lib/db/client";
import { POLICY_KEYS, resolvePolicy, type PolicyKey, type PolicyRow } from "@/lib/domain/policy";
import { currentYear } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";

export interface YearView {
  year: number;
  values: Record<PolicyKey, number | null>;
  carried: Record<PolicyKey, boolean>;
  /** carried from more than a year before */
  stale: Record<PolicyKey, boolean>;
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
      values: p.values as unknown as Record<PolicyKey, number | null>,
      carried: Object.fromEntries(POLICY_KEYS.map((k) => [k, p.sources[k]?.carried ?? false])) as Record<PolicyKey, boolean>,
      stale: Object.fromEntries(POLICY_KEYS.map((k) => [k, p.sources[k]?.stale ?? false])) as Record<PolicyKey, boolean>,
      version: p.version,
    });
  }
  return { rows, years };
}

/** The latest recompute jobs of the admin's province (another province's are not theirs to see). */
/** The provinces whose policy the viewer sets: its own (a national admin: every province). */
export async function policyProvinces(viewer: { regionId: string }) {
  return db().region.findMany({
    where: { level: "province", id: { startsWith: viewer.regionId.slice(0, 2) } },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
}

export async function recentJobs(viewer: { regionId: string }) {
  return db().recomputeJob.findMany({
    where: { regionId: { startsWith: viewer.regionId.slice(0, 2) } },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
}
