// Comparison (比对): the checks run on a household when a proposal is raised (and again after an
// objection), each a flag a person must explain before the proposal reaches the agenda.
// The two amounts below are the published comparison rules (a vehicle worth 30,000 yuan or
// more, a split within three years); COMPARISON_FLAG_LABELS in lib/domain/procedure.ts names them.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { addMonths } from "@/lib/domain/working-days";
import { today } from "@/lib/clock";
import type { ComparisonFlag } from "./state";
import { isoDay } from "./state";

export const VEHICLE_FLAG_YUAN = 30_000;
export const RECENT_SPLIT_YEARS = 3;

type Client = Db | Tx;

/** The flags of a household as it stands now, in COMPARISON_FLAG_CODES order. */
export async function comparisonFlags(client: Client, householdId: string, on: string = today()): Promise<ComparisonFlag[]> {
  const h = await client.household.findUniqueOrThrow({
    where: { id: householdId },
    select: {
      vehicleValue: true, commercialHousing: true, registeredBusiness: true, splitAt: true, splitFromId: true,
      members: { where: { active: true }, select: { name: true, nationalId: true, villageCommittee: true, publicEmployee: true } },
    },
  });
  const flags: ComparisonFlag[] = [];
  for (const m of h.members.filter((m) => m.publicEmployee)) flags.push({ code: "public_employee", detail: m.name });
  for (const m of h.members.filter((m) => m.villageCommittee)) flags.push({ code: "village_committee", detail: m.name });
  if (Number(h.vehicleValue) >= VEHICLE_FLAG_YUAN) flags.push({ code: "vehicle", detail: "" });
  if (h.commercialHousing) flags.push({ code: "commercial_housing", detail: "" });
  if (h.registeredBusiness) flags.push({ code: "business", detail: "" });
  // within the last three years: on or after the same day three years ago
  if (h.splitAt && isoDay(h.splitAt) >= addMonths(on, -12 * RECENT_SPLIT_YEARS)) {
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
      flags.push({ code: "duplicate_id", detail: `${own.name} · ${e.household.village.name} ${e.household.number}${e.active ? "" : "（已迁出）"}` });
    }
  }
  return flags;
}
