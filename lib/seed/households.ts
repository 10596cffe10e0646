/**
 * Households and members of the seeded villages, with their registration history and
 * registered monitoring. Pure: builds rows, writes nothing.
 */
import type { MonitoringCategory, NotCountedReason, PovertyCause, Prisma, RegisteredStatus } from "@/lib/generated/prisma/client";
import { householdConditions, type Conditions } from "./conditions";
import { day, dayBetween, DANYANG_ID } from "./constants";
import { mobile } from "./names";
import { buildFamily, NationalIdRegistry, type FamilyHints, type Person } from "./people";
import { Rng } from "./random";
import { regionById } from "./regions";
import { VILLAGE_PLANS, type GroupPlan, type Scenario, type VillagePlan } from "./villages";

export interface HouseholdRow extends Conditions {
  id: string;
  countyId: string;
  villageId: string;
  number: string;
  headName: string;
  address: string;
  phone: string;
  registeredStatus: RegisteredStatus;
  registeredAt: Date | null;
  liftedAt: Date | null;
  monitoringCategory: MonitoringCategory | null;
  monitoringSince: Date | null;
  mainCause: PovertyCause | null;
  secondaryCauses: PovertyCause[];
  vehicleValue: number;
  commercialHousing: boolean;
  registeredBusiness: boolean;
  splitFromId: string | null;
  splitAt: Date | null;
  safeAlternative: "resettlement_flat" | null;
  relocatedFromId: string | null;
  relocatedFromName: string | null;
  relocatedYear: number | null;
}

export interface HouseholdPlan {
  row: HouseholdRow;
  people: Person[];
  scenario: Scenario;
  village: VillagePlan;
  /** identification year, for registered poor and lifted households */
  registeredYear: number | null;
  liftedYear: number | null;
  /** should have a cadre: formerly or still poor, monitored, or not secure */
  interest: boolean;
}

export interface HouseholdSet {
  plans: HouseholdPlan[];
  members: Prisma.MemberCreateManyInput[];
  registrationChanges: Prisma.RegistrationChangeCreateManyInput[];
}

const CHILD_SCENARIOS: Partial<Record<Scenario, FamilyHints["child"]>> = {
  education_dropout: "dropout",
  education_exempt: "exempt",
  education_home_taught: "home_taught",
};

const NEEDS_THREE: ReadonlySet<Scenario> = new Set<Scenario>([
  "education_dropout",
  "education_exempt",
  "education_home_taught",
  "medical_not_counted_ok",
]);

const NOT_SECURE: ReadonlySet<Scenario> = new Set<Scenario>([
  "at_risk_income",
  "income_below",
  "income_on_line",
  "housing_c",
  "housing_d",
  "no_electricity",
  "water_quantity",
  "water_scarce_quantity",
  "water_quality",
  "water_convenience",
  "water_supply",
  "medical",
  "education_dropout",
  "food",
  "clothing",
  "sudden_hardship",
  "sudden_below",
]);

/** Household sizes with a mean of about 3.5; adjusted to an exact total when given. */
function drawSizes(rng: Rng, count: number, total?: number): number[] {
  const sizes = Array.from({ length: count }, () =>
    rng.weighted<number>([
      [1, 7],
      [2, 17],
      [3, 25],
      [4, 25],
      [5, 15],
      [6, 8],
      [7, 3],
    ]),
  );
  if (total === undefined) return sizes;
  if (total < count || total > count * 7) throw new Error(`cannot spread ${total} people over ${count} households`);
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = rng.int(0, count - 1);
    if (sum > total && sizes[i]! > 1) {
      sizes[i]!--;
      sum--;
    } else if (sum < total && sizes[i]! < 7) {
      sizes[i]!++;
      sum++;
    }
  }
  return sizes;
}

/** Expands {year: n} into a list; exact when the counts add up to `count`, else drawn by weight. */
function years(rng: Rng, count: number, spec: Readonly<Record<number, number>>): number[] {
  const entries = Object.entries(spec).map(([y, n]) => [Number(y), n] as const);
  const sum = entries.reduce((s, [, n]) => s + n, 0);
  if (sum === count) return entries.flatMap(([y, n]) => Array.from({ length: n }, () => y));
  return Array.from({ length: count }, () => rng.weighted(entries));
}

function mainCauseFor(rng: Rng, scenario: Scenario, village: VillagePlan): PovertyCause {
  switch (scenario) {
    case "sudden_hardship":
    case "sudden_below":
      return rng.chance(0.8) ? "illness" : "disaster";
    case "education_home_taught":
      return "disability";
    case "education_exempt":
      return "illness";
    case "housing_c":
    case "housing_d":
      return rng.chance(0.5) ? "lack_of_capital" : "disaster";
    case "water_convenience":
    case "water_quantity":
    case "water_scarce_quantity":
      return "lack_of_water";
    default:
      return rng.weighted(village.causes);
  }
}

interface Slot {
  group: GroupPlan;
  size: number;
  scenario: Scenario;
  registeredYear: number | null;
  liftedYear: number | null;
  monitoring: { category: MonitoringCategory; since: string } | null;
  cause: PovertyCause | null;
}

function groupSlots(rng: Rng, village: VillagePlan, group: GroupPlan): Slot[] {
  const sizes = drawSizes(rng, group.count, group.members);
  const slots: Slot[] = sizes.map((size) => ({
    group,
    size,
    scenario: "secure",
    registeredYear: null,
    liftedYear: null,
    monitoring: null,
    cause: null,
  }));

  // scenarios: some need three people (a couple and a child, or someone not counted)
  const order = rng.shuffle(slots.map((_, i) => i));
  const taken = new Set<number>();
  const entries = Object.entries(group.scenarios) as [Scenario, number][];
  const sorted = [...entries.filter(([s]) => NEEDS_THREE.has(s)), ...entries.filter(([s]) => !NEEDS_THREE.has(s))];
  for (const [scenario, n] of sorted) {
    for (let k = 0; k < n; k++) {
      const i = order.find((j) => !taken.has(j) && (!NEEDS_THREE.has(scenario) || slots[j]!.size >= 3));
      if (i === undefined) throw new Error(`village ${village.id}: no room for scenario ${scenario}`);
      taken.add(i);
      slots[i]!.scenario = scenario;
    }
  }

  // registration history: pair sorted identification and exit years so neither precedes the other
  if (group.registered !== "not_registered") {
    const reg = years(rng, group.count, group.registeredYears ?? { 2014: 80, 2015: 12, 2016: 8 }).sort();
    const lifted =
      group.registered === "lifted" ? years(rng, group.count, group.liftedYears ?? group.liftedYearWeights ?? { 2018: 1 }).sort() : [];
    const pairs = reg.map((r, i) => ({ r, l: lifted[i] ?? null }));
    for (const p of pairs) if (p.l !== null && p.l < p.r) p.r = p.l;
    const shuffled = rng.shuffle(pairs);
    slots.forEach((s, i) => {
      s.registeredYear = shuffled[i]!.r;
      s.liftedYear = shuffled[i]!.l;
    });
  }

  // registered monitoring
  for (const m of group.monitoring ?? []) {
    const candidates = rng.shuffle(slots.filter((s) => s.scenario === m.from && s.monitoring === null));
    if (candidates.length < m.count) throw new Error(`village ${village.id}: too few ${m.from} for monitoring`);
    for (const s of candidates.slice(0, m.count)) {
      s.monitoring = { category: m.category, since: dayBetween(m.since[0], m.since[1], rng.float()) };
    }
  }

  // causes for households that were or are poor or monitored
  slots.forEach((s, i) => {
    if (group.causes?.[i] !== undefined) s.cause = group.causes[i]!;
    else if (group.registered !== "not_registered" || s.monitoring !== null) s.cause = mainCauseFor(rng, s.scenario, village);
  });
  return slots;
}

function secondaryCauses(rng: Rng, main: PovertyCause | null, village: VillagePlan): PovertyCause[] {
  if (main === null) return [];
  const n = rng.weighted<number>([
    [0, 55],
    [1, 35],
    [2, 10],
  ]);
  const out: PovertyCause[] = [];
  for (let guard = 0; out.length < n && guard < 20; guard++) {
    const c = rng.weighted(village.causes);
    if (c !== main && !out.includes(c)) out.push(c);
  }
  return out;
}

function buildVillage(village: VillagePlan, ids: NationalIdRegistry, phones: Set<string>): HouseholdPlan[] {
  const rng = new Rng(`village:${village.id}`);
  const region = regionById(village.id);
  const slots = rng.shuffle(village.groups.flatMap((g) => groupSlots(rng, village, g)));
  const perHamlet = Math.ceil(slots.length / village.hamlets);
  const plans: HouseholdPlan[] = [];

  slots.forEach((slot, i) => {
    const hints: FamilyHints = { size: slot.size, cause: slot.cause };
    const child = CHILD_SCENARIOS[slot.scenario];
    if (child) hints.child = child;
    if (slot.scenario === "medical") hints.uninsured = true;
    if (slot.scenario === "medical_not_counted_ok") {
      hints.notCounted = "imprisoned";
      hints.notCountedUninsured = true;
    } else if (slot.size >= 3 && rng.chance(0.012)) {
      hints.notCounted = rng.pick<NotCountedReason>(["imprisoned", "missing", "not_sharing", "not_sharing"]);
    }
    if (slot.scenario === "sudden_hardship" || slot.scenario === "sudden_below") hints.seriousIllness = true;
    const poorish = slot.group.registered !== "not_registered" || slot.monitoring !== null;
    if (poorish && (slot.cause === "illness" || slot.cause === "disability" || slot.cause === "lack_of_labour")) {
      hints.dibao = rng.chance(0.45);
    }
    if (rng.chance(0.015)) hints.deceasedMember = true;

    const people = buildFamily({ rng, countyId: village.countyId, ethnicity: village.ethnicity, ids }, hints);
    const head = people[0]!;
    let phone = mobile(rng);
    while (phones.has(phone)) phone = mobile(rng);
    phones.add(phone);
    const hamlet = Math.floor(i / perHamlet) + 1;
    const houseNo = (i % perHamlet) + 1;
    const conditions = householdConditions(rng, slot.scenario, people, village);
    const registered = slot.group.registered;
    const regYear = slot.registeredYear;
    const liftYear = slot.liftedYear;

    const row: HouseholdRow = {
      id: rng.uuid(),
      countyId: village.countyId,
      villageId: village.id,
      number: String(i + 1).padStart(4, "0"),
      headName: head.name,
      address: `${region.name}${hamlet}组${houseNo}号`,
      phone,
      registeredStatus: registered,
      registeredAt: regYear === null ? null : day(dayBetween(`${regYear}-08-01`, `${regYear}-10-31`, rng.float())),
      liftedAt: liftYear === null ? null : day(dayBetween(`${liftYear}-12-05`, `${liftYear}-12-28`, rng.float())),
      monitoringCategory: slot.monitoring?.category ?? null,
      monitoringSince: slot.monitoring ? day(slot.monitoring.since) : null,
      mainCause: slot.cause,
      secondaryCauses: secondaryCauses(rng, slot.cause, village),
      ...conditions,
      vehicleValue: 0,
      commercialHousing: false,
      registeredBusiness: false,
      splitFromId: null,
      splitAt: null,
      safeAlternative: null,
      relocatedFromId: null,
      relocatedFromName: null,
      relocatedYear: null,
    };
    plans.push({
      row,
      people,
      scenario: slot.scenario,
      village,
      registeredYear: regYear,
      liftedYear: liftYear,
      interest: registered !== "not_registered" || slot.monitoring !== null || NOT_SECURE.has(slot.scenario),
    });
  });

  if (village.id === DANYANG_ID) addComparisonFacts(rng, plans);
  if (village.relocation) addRelocation(rng, plans, village.relocation);
  return plans;
}

/**
 * Relocation (易地扶贫搬迁): `count` households (the formerly poor first) moved in the given
 * years from the weighted origins. Those whose old house is still on record live in the
 * resettlement flat (safe alternative housing).
 */
function addRelocation(rng: Rng, plans: HouseholdPlan[], r: NonNullable<VillagePlan["relocation"]>): void {
  const ordered = [
    ...rng.shuffle(plans.filter((p) => p.row.registeredStatus !== "not_registered")),
    ...rng.shuffle(plans.filter((p) => p.row.registeredStatus === "not_registered")),
  ];
  for (const p of ordered.slice(0, r.count)) {
    const [id, name] = rng.weighted(r.origins.map(([code, n, w]) => [[code, n] as const, w] as const));
    const year = rng.weighted(Object.entries(r.years).map(([y, w]) => [Number(y), w] as const));
    p.row.relocatedFromId = id;
    p.row.relocatedFromName = name;
    p.row.relocatedYear = p.liftedYear !== null ? Math.min(year, p.liftedYear) : year;
    if (r.keepsOldHouse) p.row.safeAlternative = "resettlement_flat";
    else p.row.housingGrade = "A";
  }
}

/** A few facts the comparison (比对) step must flag, on households that would be proposed. */
function addComparisonFacts(rng: Rng, plans: HouseholdPlan[]): void {
  const notRegistered = (s: Scenario) =>
    rng.shuffle(plans.filter((p) => p.row.registeredStatus === "not_registered" && p.scenario === s && p.row.monitoringCategory === null));
  const atRisk = notRegistered("at_risk_income");
  const below = notRegistered("income_below");
  const secure = notRegistered("secure");
  const committee = below[0];
  if (committee) {
    const adult = committee.people.find((p) => p.relation !== "head" && p.age >= 25 && p.age <= 60) ?? committee.people[0]!;
    adult.villageCommittee = true;
  }
  if (atRisk[0]) atRisk[0].row.vehicleValue = 68_000;
  if (atRisk[1]) atRisk[1].row.registeredBusiness = true;
  if (atRisk[2]) atRisk[2].row.commercialHousing = true;
  if (atRisk[3] && secure[0]) {
    atRisk[3].row.splitFromId = secure[0].row.id;
    atRisk[3].row.splitAt = day("2025-09-15");
  }
  const employee = atRisk[4]?.people.find((p) => p.relation === "child" && p.age >= 22);
  if (employee) {
    employee.publicEmployee = true;
    employee.workStatus = "local_work";
  }
}

const REG_REASON = "建档立卡识别：农户申请、民主评议、两公示一公告";
const EXIT_REASON = "脱贫退出：收入稳定超过当年标准、两不愁三保障实现，民主评议、公示公告";

export function buildHouseholds(): HouseholdSet {
  const ids = new NationalIdRegistry();
  const phones = new Set<string>();
  const plans = VILLAGE_PLANS.flatMap((v) => buildVillage(v, ids, phones));
  const rng = new Rng("registration-changes");

  const members: Prisma.MemberCreateManyInput[] = [];
  const registrationChanges: Prisma.RegistrationChangeCreateManyInput[] = [];
  for (const p of plans) {
    for (const m of p.people) {
      members.push({
        id: m.id,
        householdId: p.row.id,
        countyId: p.row.countyId,
        name: m.name,
        nationalId: m.nationalId,
        sex: m.sex,
        birthDate: day(m.birthDate),
        relation: m.relation,
        ethnicity: m.ethnicity,
        education: m.education,
        schoolStatus: m.schoolStatus,
        dropoutMedicalExemption: m.dropoutMedicalExemption,
        health: m.health,
        disability: m.disability,
        laborCapacity: m.laborCapacity,
        workStatus: m.workStatus,
        medicalInsurance: m.medicalInsurance,
        pension: m.pension,
        subsistenceAllowance: m.subsistenceAllowance,
        counted: m.counted,
        notCountedReason: m.notCountedReason,
        active: m.active,
        villageCommittee: m.villageCommittee,
        publicEmployee: m.publicEmployee,
      });
    }
    if (p.row.registeredAt) {
      registrationChanges.push({
        id: rng.uuid(),
        householdId: p.row.id,
        countyId: p.row.countyId,
        fromStatus: "not_registered",
        toStatus: "registered_poor",
        effective: p.row.registeredAt,
        reason: REG_REASON,
      });
    }
    if (p.row.liftedAt) {
      registrationChanges.push({
        id: rng.uuid(),
        householdId: p.row.id,
        countyId: p.row.countyId,
        fromStatus: "registered_poor",
        toStatus: "lifted",
        effective: p.row.liftedAt,
        reason: EXIT_REASON,
      });
    }
  }
  return { plans, members, registrationChanges };
}
