// Comparison (比对): the checks run on a household when a proposal is raised (and again after an
// objection), each a flag a person must explain before the proposal reaches the agenda.
// The amounts are policy settings (comparisonVehicleValue: 30,000 yuan; comparisonSplitYears: 3),
// and a province may make any flag a red line (redLine*: 1), which excludes identification and
// monitoring outright instead of asking for an explanation. COMPARISON_FLAG_LABELS names them.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { addMonths } from "@/lib/domain/working-days";
import { today } from "@/lib/clock";
import type { ComparisonFlag } from "./state";
import { loadPolicyRows } from "@/lib/data/assessment";
import { resolvePolicy, type PolicyKey } from "@/lib/domain/policy";
import { COMPARISON_FLAG_CODES, type ComparisonFlagCode } from "@/lib/domain/procedure";
import { isoDay } from "./state";

/** The policy key by which a province makes a flag a red line (1: excludes). */
export const RED_LINE_KEY: Record<ComparisonFlagCode, PolicyKey> = {
  public_employee: "redLinePublicEmployee",
  village_committee: "redLineVillageCommittee",
  vehicle: "redLineVehicle",
  commercial_housing: "redLineCommercialHousing",
  business: "redLineBusiness",
  recent_split: "redLineRecentSplit",
  duplicate_id: "redLineDuplicateId",
};

type Client = Db | Tx;

/** The flags of a household as it stands now, in COMPARISON_FLAG_CODES order. */
export async function comparisonFlags(client: Client, householdId: string, on: string = today()): Promise<ComparisonFlag[]> {
  const h = await client.household.findUniqueOrThrow({
    where: { id: householdId },
    select: {
      countyId: true,
      vehicleValue: true,
      commercialHousing: true,
      registeredBusiness: true,
      splitAt: true,
      splitFromId: true,
      members: {
        where: { active: true },
        select: { id: true, name: true, nationalId: true, villageCommittee: true, publicEmployee: true },
      },
    },
  });
  const policy = resolvePolicy(await loadPolicyRows(client), Number(on.slice(0, 4)), h.countyId.slice(0, 2)).values;
  const flags: ComparisonFlag[] = [];
  for (const m of h.members.filter((m) => m.publicEmployee)) flags.push({ code: "public_employee", detail: m.name });
  for (const m of h.members.filter((m) => m.villageCommittee)) flags.push({ code: "village_committee", detail: m.name });
  if (Number(h.vehicleValue) >= policy.comparisonVehicleValue) flags.push({ code: "vehicle", detail: "" });
  if (h.commercialHousing) flags.push({ code: "commercial_housing", detail: "" });
  if (h.registeredBusiness) flags.push({ code: "business", detail: "" });
  // within the last N years: on or after the same day N years ago
  if (h.splitAt && isoDay(h.splitAt) >= addMonths(on, -12 * policy.comparisonSplitYears)) {
    flags.push({ code: "recent_split", detail: isoDay(h.splitAt) });
  }
  // The same national ID in another household. Active members' IDs are unique in the database
  // (member_national_id_active_key), so this also looks at the other households' former members:
  // a person recorded in two households is what the check is for.
  const ids = h.members.map((m) => m.nationalId).filter((id): id is string => Boolean(id));
  if (ids.length > 0) {
    const elsewhere = await client.member.findMany({
      where: { nationalId: { in: ids }, householdId: { not: householdId } },
      select: { nationalId: true, name: true, active: true, household: { select: { number: true, village: { select: { name: true } } } } },
      orderBy: { nationalId: "asc" },
    });
    const seen = new Set<string>();
    for (const e of elsewhere) {
      const own = h.members.find((m) => m.nationalId === e.nationalId);
      const key = `${e.nationalId}|${e.household.number}`;
      if (!own || seen.has(key)) continue;
      seen.add(key);
      flags.push({
        code: "duplicate_id",
        detail: `${own.name} · ${e.household.village.name} ${e.household.number}${e.active ? "" : "（已迁出）"}`,
      });
    }
  }
  // department data (比对 with other departments' records): each flag with its department and as-of day
  const fromDepartments = await client.departmentFinding.findMany({
    where: { householdId, kind: "flag" },
    orderBy: [{ code: "asc" }, { asOf: "asc" }],
    select: { code: true, department: true, asOf: true, memberId: true },
  });
  const names = new Map(h.members.map((m) => [m.id, m.name]));
  for (const f of fromDepartments) {
    if (!(COMPARISON_FLAG_CODES as readonly string[]).includes(f.code)) continue;
    const code = f.code as ComparisonFlagCode;
    const person = code === "public_employee" || code === "village_committee";
    flags.push({
      code,
      detail: person && f.memberId ? (names.get(f.memberId) ?? "") : "",
      source: { department: f.department, asOf: isoDay(f.asOf) },
    });
  }
  return flags.map((f) => (policy[RED_LINE_KEY[f.code]] === 1 ? { ...f, redLine: true as const } : f));
}
