/**
 * Who lives in a generated household: sizes averaging ~3.4, a head, usually a spouse, children,
 * three generations where the head is older, parents where the head is young; ages, schooling,
 * health, labour capacity and work consistent with each other. Pure.
 */
import { givenName, surname as pickSurname } from "./names";
import type { Prng } from "./prng";
import { educationForAge } from "@/lib/people/education";
import type { CountyIdIssuer } from "./national-ids";

export type Sex = "male" | "female";
export type Relation = "head" | "spouse" | "child" | "child_in_law" | "grandchild" | "parent" | "grandparent" | "sibling" | "other";
export type Education = "none" | "preschool" | "primary" | "junior" | "senior" | "vocational" | "college";
export type SchoolStatus = "not_applicable" | "enrolled" | "home_taught" | "graduated" | "dropped_out";
export type Health = "healthy" | "chronic" | "serious_illness" | "disabled";
export type LaborCapacity = "full" | "partial" | "none";
export type WorkStatus = "local_farming" | "local_work" | "migrant_work" | "student" | "unemployed" | "retired" | "none";

export interface GenMember {
  name: string;
  /** "" when the record has none */
  nationalId: string;
  sex: Sex;
  birthDate: string;
  /** full years on the generator's as-of date */
  age: number;
  relation: Relation;
  education: Education;
  schoolStatus: SchoolStatus;
  health: Health;
  laborCapacity: LaborCapacity;
  workStatus: WorkStatus;
  medicalInsurance: boolean;
  pension: boolean;
  subsistenceAllowance: boolean;
  counted: boolean;
}

/** Household sizes (active members): mean ≈ 3.39, as in rural China's census tables. */
export const SIZE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 12],
  [2, 20],
  [3, 22],
  [4, 22],
  [5, 14],
  [6, 7],
  [7, 3],
];

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A birth date giving exactly `age` full years on `asOf` (not on a 29 February). */
export function birthDateForAge(rng: Prng, age: number, asOf: string): string {
  const y = Number(asOf.slice(0, 4)) - age;
  const md = asOf.slice(4) === "-02-29" ? "-02-28" : asOf.slice(4);
  return addDays(`${y}${md}`, -rng.int(0, 364));
}

interface Draft {
  sex: Sex;
  age: number;
  relation: Relation;
  surname: string;
}

const opposite = (s: Sex): Sex => (s === "male" ? "female" : "male");

/** The drafts of a family of `size` people: relations, sexes, ages, surnames. */
function draftFamily(rng: Prng, size: number): Draft[] {
  let headAge: number;
  if (size === 1) headAge = rng.chance(0.55) ? rng.int(62, 88) : rng.int(30, 61);
  else if (size >= 5) headAge = rng.int(42, 68);
  else headAge = rng.int(26, 78);
  const headSex: Sex = size === 1 && headAge >= 62 ? (rng.chance(0.5) ? "male" : "female") : rng.chance(0.9) ? "male" : "female";
  const family = pickSurname(rng);
  const drafts: Draft[] = [{ sex: headSex, age: headAge, relation: "head", surname: family }];
  let slots = size - 1;

  let spouse: Draft | undefined;
  if (slots > 0 && rng.chance(size >= 3 ? 0.93 : 0.8)) {
    const age = Math.max(20, headAge + (headSex === "male" ? rng.int(-6, 2) : rng.int(-2, 6)));
    spouse = { sex: opposite(headSex), age, relation: "spouse", surname: pickSurname(rng, family) };
    drafts.push(spouse);
    slots--;
  }
  const childSurname = headSex === "male" || !spouse ? family : spouse.surname;

  if (headAge >= 56) {
    // three generations: a grown child (often with a spouse) and grandchildren
    if (slots > 0) {
      const childAge = Math.max(18, headAge - rng.int(22, 30));
      const grown: Draft = { sex: rng.chance(0.75) ? "male" : "female", age: childAge, relation: "child", surname: childSurname };
      drafts.push(grown);
      slots--;
      if (slots > 0 && childAge >= 22) {
        drafts.push({
          sex: opposite(grown.sex),
          age: Math.max(20, childAge + rng.int(-3, 3)),
          relation: "child_in_law",
          surname: pickSurname(rng, childSurname),
        });
        slots--;
      }
      const grandSurname = grown.sex === "male" ? childSurname : pickSurname(rng);
      let gAge = childAge - rng.int(21, 28);
      while (slots > 0 && gAge >= 0) {
        drafts.push({ sex: rng.chance(0.52) ? "male" : "female", age: gAge, relation: "grandchild", surname: grandSurname });
        slots--;
        gAge -= rng.int(2, 5);
      }
      let younger = childAge - rng.int(2, 6);
      while (slots > 0 && younger >= 16) {
        drafts.push({ sex: rng.chance(0.5) ? "male" : "female", age: younger, relation: "child", surname: childSurname });
        slots--;
        younger -= rng.int(2, 5);
      }
    }
  } else {
    let childAge = headAge - rng.int(22, 32);
    let children = 0;
    while (slots > 0 && childAge >= 0 && children < 3) {
      drafts.push({ sex: rng.chance(0.52) ? "male" : "female", age: childAge, relation: "child", surname: childSurname });
      slots--;
      children++;
      childAge -= rng.int(2, 5);
    }
    let parents = 0;
    while (slots > 0 && parents < 2) {
      const pSex: Sex = parents === 0 ? "male" : "female";
      drafts.push({
        sex: pSex,
        age: Math.min(95, headAge + rng.int(22, 30)),
        relation: "parent",
        surname: pSex === "male" ? family : pickSurname(rng, family),
      });
      slots--;
      parents++;
    }
  }
  while (slots > 0) {
    drafts.push({
      sex: rng.chance(0.6) ? "male" : "female",
      age: Math.max(18, headAge + rng.int(-8, 8)),
      relation: "sibling",
      surname: family,
    });
    slots--;
  }
  return drafts;
}

/** One member from a draft; the national ID comes from the county's issuer. */
function person(rng: Prng, d: Draft, asOf: string, ids: CountyIdIssuer): GenMember {
  let birthDate = birthDateForAge(rng, d.age, asOf);
  let nationalId = ids.issue(birthDate, d.sex);
  // all 499 sequences of this date taken (only in huge counties): the day before
  while (nationalId === null) {
    birthDate = addDays(birthDate, -1);
    nationalId = ids.issue(birthDate, d.sex);
  }
  const birthYear = Number(birthDate.slice(0, 4));
  const { education, enrolled } = educationForAge(rng, d.age);

  let schoolStatus: SchoolStatus;
  if (d.age < 6) schoolStatus = "not_applicable";
  else if (d.age <= 15 || enrolled) schoolStatus = "enrolled";
  else if (d.age <= 25 && education !== "none") schoolStatus = "graduated";
  else schoolStatus = "not_applicable";

  let health: Health = "healthy";
  const r = rng.float();
  if (d.age >= 60) health = r < 0.28 ? "chronic" : r < 0.31 ? "disabled" : r < 0.325 ? "serious_illness" : "healthy";
  else if (d.age >= 40) health = r < 0.09 ? "chronic" : r < 0.11 ? "disabled" : r < 0.117 ? "serious_illness" : "healthy";
  else if (d.age >= 16) health = r < 0.01 ? "disabled" : r < 0.013 ? "serious_illness" : "healthy";
  else health = r < 0.005 ? "disabled" : "healthy";

  let laborCapacity: LaborCapacity;
  if (d.age < 16 || schoolStatus === "enrolled") laborCapacity = "none";
  else if (health === "serious_illness") laborCapacity = "none";
  else if (health === "disabled") laborCapacity = rng.chance(0.5) ? "none" : "partial";
  else if (d.age >= 75) laborCapacity = "none";
  else if (d.age >= 65 || health === "chronic") laborCapacity = "partial";
  else laborCapacity = "full";

  let workStatus: WorkStatus;
  if (d.age < 6) workStatus = "none";
  else if (schoolStatus === "enrolled") workStatus = "student";
  else if (laborCapacity === "none") workStatus = d.age >= 60 && rng.chance(0.3) ? "retired" : "none";
  else if (laborCapacity === "partial") workStatus = "local_farming";
  else
    workStatus = rng.weighted<WorkStatus>([
      ["migrant_work", 42],
      ["local_work", 20],
      ["local_farming", 35],
      ["unemployed", 3],
    ]);

  return {
    name: d.surname + givenName(rng, d.sex, birthYear),
    nationalId,
    sex: d.sex,
    birthDate,
    age: d.age,
    relation: d.relation,
    education,
    schoolStatus,
    health,
    laborCapacity,
    workStatus,
    medicalInsurance: true,
    pension: d.age >= 60 ? rng.chance(0.96) : d.age >= 16 && schoolStatus !== "enrolled" ? rng.chance(0.55) : false,
    subsistenceAllowance: false,
    counted: true,
  };
}

export interface FamilyOptions {
  asOf: string;
  ids: CountyIdIssuer;
}

/** A household's members, head first. */
export function buildFamily(rng: Prng, opts: FamilyOptions): GenMember[] {
  const size = rng.weighted(SIZE_WEIGHTS);
  return draftFamily(rng, size).map((d) => person(rng, d, opts.asOf, opts.ids));
}
