/**
 * One generated household: registered status with dates and cause, members, the 12-month income
 * items and the two-assurances-three-guarantees facts, in a realistic mix for the 2020s (poverty
 * line 4,000, monitoring threshold 6,300): most households secure, a few percent below the
 * standard, several percent at risk; about 15% lifted and 1.5% still registered poor. Pure.
 */
import { addDays, buildFamily, type GenMember } from "./family";
import { mobile } from "./names";
import type { Prng } from "./prng";
import type { CountyIdIssuer } from "./national-ids";

export type RegisteredStatus = "not_registered" | "registered_poor" | "lifted";
export type PovertyCause =
  | "illness"
  | "disability"
  | "schooling"
  | "disaster"
  | "lack_of_land"
  | "lack_of_water"
  | "lack_of_skills"
  | "lack_of_labour"
  | "lack_of_capital"
  | "poor_transport"
  | "lack_of_drive"
  | "other";

export interface GenHousehold {
  number: string;
  headName: string;
  address: string;
  phone: string;
  registeredStatus: RegisteredStatus;
  registeredAt: string;
  liftedAt: string;
  mainCause: PovertyCause | "";
  members: GenMember[];
  income: {
    wages: string;
    business: string;
    businessCosts: string;
    property: string;
    transfers: string;
    rigidExpenditure: string;
    /** "" when not known */
    previousYearIncome: string;
  };
  indicators: {
    food: boolean;
    clothing: boolean;
    housingGrade: "A" | "B" | "C" | "D";
    electricity: boolean;
    waterLitres: string;
    waterScarceArea: boolean;
    waterPiped: boolean;
    /** "" when not measured */
    waterRoundTripMin: string;
    waterHorizontalM: string;
    waterVerticalM: string;
    waterQualitySafe: boolean;
    waterOutageDays: number;
  };
}

/** Shares of the main causes among registered households (national 2014 survey, rounded). */
const CAUSES: readonly (readonly [PovertyCause, number])[] = [
  ["illness", 42],
  ["lack_of_capital", 14],
  ["lack_of_skills", 12],
  ["lack_of_labour", 8],
  ["disability", 6],
  ["schooling", 4],
  ["disaster", 4],
  ["lack_of_land", 3],
  ["lack_of_water", 2],
  ["poor_transport", 2],
  ["lack_of_drive", 2],
  ["other", 1],
];

export interface HouseholdContext {
  rng: Prng;
  ids: CountyIdIssuer;
  asOf: string;
  villageName: string;
  waterScarce: boolean;
}

/** yuan with two decimals */
const money = (yuan: number) => (Math.round(yuan * 100) / 100).toFixed(2);
/** rounded to a multiple of `step` yuan, never negative */
const round = (yuan: number, step: number) => Math.max(0, Math.round(yuan / step) * step);

function dateIn(rng: Prng, from: string, to: string): string {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, days)));
}

export function buildHousehold(ctx: HouseholdContext, index: number): GenHousehold {
  const { rng } = ctx;
  const members = buildFamily(rng, { asOf: ctx.asOf, ids: ctx.ids });
  const head = members[0]!;

  // registered status: identified 2014–2016 (建档立卡), mostly lifted by 2020
  const r = rng.float();
  const registeredStatus: RegisteredStatus = r < 0.015 ? "registered_poor" : r < 0.165 ? "lifted" : "not_registered";
  let registeredAt = "";
  let liftedAt = "";
  let mainCause: PovertyCause | "" = "";
  if (registeredStatus !== "not_registered") {
    registeredAt = rng.chance(0.7) ? dateIn(rng, "2014-04-01", "2014-12-31") : dateIn(rng, "2015-01-01", "2016-12-31");
    if (registeredStatus === "lifted") {
      const from = addDays(registeredAt, 180);
      liftedAt = dateIn(rng, from < "2016-01-01" ? "2016-01-01" : from, "2020-12-31");
    }
    mainCause = rng.weighted(CAUSES);
  }

  // who is counted: one in fifty households has a member away who does not share income
  if (members.length > 1 && rng.chance(0.02)) {
    const away = members.find((m) => m.relation !== "head" && m.age >= 18 && m.age <= 55);
    if (away) {
      away.counted = false;
      away.workStatus = "migrant_work";
    }
  }
  const counted = members.filter((m) => m.counted);
  const n = counted.length;

  // income: per-capita net income, log-normal around a median by status and labour
  const workers = counted.filter((m) => m.laborCapacity !== "none").length;
  const elderly = counted.every((m) => m.age >= 65 || m.laborCapacity === "none");
  let median = registeredStatus === "registered_poor" ? 6_500 : registeredStatus === "lifted" ? 11_500 : 15_500;
  if (elderly) median *= 0.6;
  else if (workers / n < 0.4) median *= 0.85;
  const perCapita = rng.logNormal(median, 0.55);
  const net = perCapita * n;
  const transferShare = elderly ? 0.35 + rng.float() * 0.35 : 0.05 + rng.float() * 0.15;
  const propertyShare = rng.chance(0.3) ? rng.float() * 0.05 : 0;
  const businessShare = rng.chance(0.7) ? 0.1 + rng.float() * 0.25 : 0;
  const transfers = money(net * transferShare);
  const property = round(net * propertyShare, 1);
  const businessNet = net * businessShare;
  const costs = businessNet > 0 ? round(businessNet * (0.3 + rng.float() * 0.9), 1) : 0;
  const business = businessNet > 0 ? round(businessNet + costs, 1) : 0;
  // wages close the sum (so the per-capita figure is what was drawn, to the rounding)
  const wages = Math.max(0, net - Number(transfers) - property - (business - costs));
  const wagesRounded = round(wages, wages > 2000 ? 100 : 1);

  let rigid = 0;
  const shock = rng.float();
  if (shock < 0.006) rigid = round(20_000 + rng.float() * 60_000, 1);
  else if (shock < 0.08) rigid = round(500 + rng.float() * 15_000, 1);
  const previousYearIncome = rng.chance(0.85) ? money(net * (0.85 + rng.float() * 0.25)) : "";

  if (rng.chance(registeredStatus === "not_registered" ? 0.02 : 0.3)) {
    for (const m of counted) m.subsistenceAllowance = true;
  }
  // one in 200 households has a counted member without basic medical insurance
  if (rng.chance(0.005)) rng.pick(counted).medicalInsurance = false;
  // one in a hundred households with a school-age child has one who dropped out
  const schoolChild = counted.find((m) => m.age >= 7 && m.age <= 15);
  if (schoolChild && rng.chance(0.01)) {
    schoolChild.schoolStatus = "dropped_out";
    schoolChild.workStatus = "none";
  }

  const piped = ctx.waterScarce ? rng.chance(0.6) : rng.chance(0.9);
  let roundTrip = "";
  let horizontal = "";
  let vertical = "";
  if (!piped) {
    // most fetch water close by; about one in fifty of them fails every convenience test
    const far = rng.chance(0.02);
    roundTrip = String(far ? rng.int(25, 60) : rng.int(3, 20));
    if (rng.chance(0.6)) horizontal = String(far ? rng.int(900, 2500) : rng.int(50, 800));
    if (rng.chance(0.3)) vertical = String(far ? rng.int(90, 300) : rng.int(2, 80));
  }
  const litres = ctx.waterScarce
    ? rng.chance(0.98)
      ? 20 + rng.float() * 40
      : 12 + rng.float() * 7.9
    : rng.chance(0.998)
      ? 35 + rng.float() * 85
      : 20 + rng.float() * 14.9;
  const outage = rng.float();

  const grade = rng.weighted<"A" | "B" | "C" | "D">([
    ["A", 77],
    ["B", 22],
    ["C", 0.7],
    ["D", 0.3],
  ]);

  return {
    number: String(index + 1).padStart(4, "0"),
    headName: head.name,
    address: `${ctx.villageName}${rng.int(1, 12)}组${rng.int(1, 80)}号`,
    phone: rng.chance(0.85) ? mobile(rng) : "",
    registeredStatus,
    registeredAt,
    liftedAt,
    mainCause,
    members,
    income: {
      wages: money(wagesRounded),
      business: money(business),
      businessCosts: money(costs),
      property: money(property),
      transfers,
      rigidExpenditure: money(rigid),
      previousYearIncome,
    },
    indicators: {
      food: !rng.chance(0.002),
      clothing: !rng.chance(0.002),
      housingGrade: grade,
      electricity: !rng.chance(0.001),
      waterLitres: (Math.floor(litres * 10) / 10).toFixed(1),
      waterScarceArea: ctx.waterScarce,
      waterPiped: piped,
      waterRoundTripMin: roundTrip,
      waterHorizontalM: horizontal,
      waterVerticalM: vertical,
      waterQualitySafe: !rng.chance(0.002),
      waterOutageDays: outage < 0.9 ? 0 : outage < 0.998 ? rng.int(1, 30) : rng.int(37, 90),
    },
  };
}
