// The county records of issue #18 (income part, decision 0045) for the demo: Danyang's registered
// and lifted households (and some others) have a signed income record for 2020 (a thumb-printed
// paper form: no file behind it), a few households an unsigned one for the current year, and
// households drawing 低保 or 特困 support their household type. Built AFTER the existing data from
// its OWN random stream ("county-records/income"): nothing generated before changes.
import { countedMembers, householdNetIncomeCents, perCapitaIncomeCents } from "@/lib/domain/household";
import { fromCents } from "@/lib/domain/money";
import { ALL_ITEM_COLUMNS, incomeInputOf, type IncomeItemColumn } from "@/lib/validation/income-record";
import { chinaTime, DANYANG_ID } from "./constants";
import { Rng, seedOf } from "./random";
import type { SeedData } from "./index";

const num = (v: unknown) => Number(String(v ?? 0));

/** A stable id from a name (seed rows must be the same on every run). */
function stableId(name: string): string {
  const r = new Rng(seedOf(name));
  const h = Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function buildCountyRecords(data: Pick<SeedData, "households" | "members" | "assignments">, today: string) {
  const rng = new Rng("county-records/income");
  const year = Number(today.slice(0, 4));
  const membersOf = new Map<string, SeedData["members"]>();
  for (const m of data.members) {
    const list = membersOf.get(m.householdId) ?? [];
    list.push(m);
    membersOf.set(m.householdId, list);
  }
  const cadreOf = new Map(data.assignments.filter((a) => !a.validTo).map((a) => [a.householdId, a.cadreId]));
  const incomeRecords: Record<string, unknown>[] = [];
  const householdTypes: Record<string, unknown>[] = [];
  for (const h of data.households) {
    if (h.villageId !== DANYANG_ID) continue;
    const id = h.id!;
    const cadre = cadreOf.get(id);
    const ms = (membersOf.get(id) ?? []).filter((m) => m.active !== false);
    const counted = ms.filter((m) => m.counted !== false);
    const roll = rng.float();
    const roll2 = rng.float();
    if (!cadre || counted.length === 0) continue;
    const items = Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, num((h as Record<string, unknown>)[c])])) as Record<
      IncomeItemColumn,
      number
    >;
    const asMembers = counted.map(() => ({ counted: true }) as never);
    const row = (recYear: number, factor: number, signed: boolean) => {
      const scaled = Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, Math.round(items[c] * factor * 100) / 100])) as Record<
        IncomeItemColumn,
        number
      >;
      const inc = incomeInputOf(scaled);
      return {
        id: stableId(`income-record/${id}/${recYear}`),
        householdId: id,
        countyId: h.countyId,
        year: recYear,
        revision: 1,
        current: true,
        ...scaled,
        countedMembers: countedMembers(asMembers).length,
        householdNetIncome: fromCents(householdNetIncomeCents(inc)),
        perCapitaIncome: fromCents(perCapitaIncomeCents({ income: inc, members: asMembers })),
        recordedById: cadre,
        createdAt:
          recYear === year ? chinaTime(today, 9) : chinaTime(`${recYear}-12-${String(10 + Math.floor(roll * 15)).padStart(2, "0")}`, 10),
        signedAt: signed ? chinaTime(`${recYear}-12-${String(26 + Math.floor(roll2 * 4)).padStart(2, "0")}`, 15) : null,
        signMethod: signed ? "thumbprint_form" : null,
        signedRecordedById: signed ? cadre : null,
      };
    };
    // 2020 (the last year of the list): every registered or lifted household, and a quarter of the others, signed
    if (h.registeredStatus !== "not_registered" || roll < 0.25) incomeRecords.push(row(2020, 0.85, true));
    // this year: a few recorded and not yet signed
    if (roll2 < 0.08) incomeRecords.push(row(year, 1, false));
    // household type: 低保 when a member draws the allowance; 特困 for one person with no labour capacity
    const hardship = ms.length === 1 && ms[0]!.laborCapacity === "none";
    const dibao = ms.some((m) => m.subsistenceAllowance === true);
    if (hardship || dibao) {
      householdTypes.push({
        id: stableId(`household-type/${id}`),
        householdId: id,
        countyId: h.countyId,
        type: hardship ? "extreme_hardship" : "subsistence",
        since: new Date(`${2016 + Math.floor(roll * 4)}-0${1 + Math.floor(roll2 * 9)}-01T00:00:00Z`),
        basis: "万山区民政局批复（演示）",
        current: true,
        recordedById: null,
      });
    }
  }
  return { incomeRecords, householdTypes };
}
