/**
 * Families: who lives in a household, with ages, relations, schooling, health and work
 * consistent with each other. Ages are in full years on the assessment date.
 */
import type {
  Education,
  Health,
  LaborCapacity,
  NotCountedReason,
  PovertyCause,
  Relation,
  SchoolStatus,
  Sex,
  WorkStatus,
} from "@/lib/generated/prisma/client";
import { makeNationalId } from "@/lib/national-id";
import { addDays, SEED_AS_OF } from "./constants";
import { fullName, pickSurname } from "./names";
import type { Rng } from "./random";
import { educationForAge } from "@/lib/people/education";

export interface Person {
  id: string;
  name: string;
  nationalId: string;
  sex: Sex;
  birthDate: string;
  /** full years on SEED_AS_OF */
  age: number;
  relation: Relation;
  ethnicity: string;
  education: Education;
  schoolStatus: SchoolStatus;
  dropoutMedicalExemption: boolean;
  health: Health;
  disability: string | null;
  laborCapacity: LaborCapacity;
  workStatus: WorkStatus;
  medicalInsurance: boolean;
  pension: boolean;
  subsistenceAllowance: boolean;
  counted: boolean;
  notCountedReason: NotCountedReason | null;
  active: boolean;
  villageCommittee: boolean;
  publicEmployee: boolean;
}

export interface FamilyHints {
  /** active members */
  size: number;
  cause?: PovertyCause | null;
  /** a counted child of compulsory-school age in a particular situation */
  child?: "dropout" | "exempt" | "home_taught";
  /** a counted adult without basic medical insurance */
  uninsured?: boolean;
  /** one active member not counted (imprisoned, missing, not sharing income) */
  notCounted?: NotCountedReason;
  /** ...and that member has no medical insurance */
  notCountedUninsured?: boolean;
  /** a member who died recently: kept, inactive */
  deceasedMember?: boolean;
  /** the household receives 低保 */
  dibao?: boolean;
  /** a member seriously ill (sudden hardship) */
  seriousIllness?: boolean;
}

/** Hands out unique national IDs (region + birth date + sequence). */
export class NationalIdRegistry {
  private readonly used = new Set<string>();

  issue(rng: Rng, regionCode: string, birthDate: string, sex: Sex): string {
    const parity = sex === "male" ? 1 : 0;
    for (let attempt = 0; attempt < 2000; attempt++) {
      // sequence 001-999, odd for men, even for women
      const seq = rng.int(1, 499) * 2 - parity; // 1-997 odd or 2-998 even
      const id = makeNationalId(regionCode, birthDate, seq);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new Error(`no free ID sequence for ${regionCode} ${birthDate}`);
  }
}

export interface FamilyContext {
  rng: Rng;
  countyId: string;
  ethnicity: readonly (readonly [string, number])[];
  ids: NationalIdRegistry;
}

const DISABILITIES = ["肢体残疾二级", "肢体残疾三级", "视力残疾二级", "听力残疾三级", "智力残疾三级", "言语残疾四级", "精神残疾二级"];

/** A birth date giving exactly `age` full years on SEED_AS_OF. */
function birthDateForAge(rng: Rng, age: number): string {
  const anniversary = `${Number(SEED_AS_OF.slice(0, 4)) - age}${SEED_AS_OF.slice(4)}`;
  return addDays(anniversary, -rng.int(0, 364));
}

interface Draft {
  sex: Sex;
  age: number;
  relation: Relation;
  surname: string;
  ethnicity: string;
}

export function buildFamily(ctx: FamilyContext, hints: FamilyHints): Person[] {
  const { rng } = ctx;
  const size = Math.max(1, hints.size);
  const elderlyCause = hints.cause === "lack_of_labour";

  let headAge: number;
  if (hints.child) headAge = rng.int(34, 46);
  else if (elderlyCause) headAge = size <= 2 ? rng.int(66, 84) : rng.int(60, 72);
  else if (size === 1) headAge = rng.chance(0.5) ? rng.int(66, 86) : rng.int(38, 62);
  else if (size >= 5) headAge = rng.int(46, 66);
  else headAge = rng.int(29, 74);

  const headSex: Sex = size === 1 && headAge >= 66 ? (rng.chance(0.5) ? "male" : "female") : rng.chance(0.9) ? "male" : "female";
  const surname = pickSurname(rng);
  const headEthnicity = rng.weighted(ctx.ethnicity);
  const drafts: Draft[] = [{ sex: headSex, age: headAge, relation: "head", surname, ethnicity: headEthnicity }];
  let slots = size - 1;
  const opposite = (s: Sex): Sex => (s === "male" ? "female" : "male");

  let spouse: Draft | undefined;
  if (slots > 0 && rng.chance(size >= 3 ? 0.93 : 0.8)) {
    const age = Math.max(20, headAge + (headSex === "male" ? rng.int(-6, 2) : rng.int(-2, 6)));
    spouse = {
      sex: opposite(headSex),
      age,
      relation: "spouse",
      surname: pickSurname(rng, surname),
      ethnicity: rng.weighted(ctx.ethnicity),
    };
    drafts.push(spouse);
    slots--;
  }
  const father = headSex === "male" ? drafts[0]! : spouse?.sex === "male" ? spouse : drafts[0]!;
  const childSurname = father.surname;
  const childEthnicity = father.ethnicity;

  if (headAge >= 56 && !hints.child) {
    // three generations: a grown child (often with a spouse) and grandchildren
    if (slots > 0) {
      const childAge = Math.max(18, headAge - rng.int(22, 30));
      const grown: Draft = {
        sex: rng.chance(0.75) ? "male" : "female",
        age: childAge,
        relation: "child",
        surname: childSurname,
        ethnicity: childEthnicity,
      };
      drafts.push(grown);
      slots--;
      if (slots > 0 && childAge >= 22) {
        drafts.push({
          sex: opposite(grown.sex),
          age: childAge + rng.int(-3, 3),
          relation: "child_in_law",
          surname: pickSurname(rng, childSurname),
          ethnicity: rng.weighted(ctx.ethnicity),
        });
        slots--;
      }
      let gAge = childAge - rng.int(21, 28);
      while (slots > 0 && gAge >= 0) {
        drafts.push({
          sex: rng.chance(0.5) ? "male" : "female",
          age: gAge,
          relation: "grandchild",
          surname: childSurname,
          ethnicity: childEthnicity,
        });
        slots--;
        gAge -= rng.int(2, 5);
      }
      let youngerAge = childAge - rng.int(2, 6);
      while (slots > 0 && youngerAge >= 16) {
        drafts.push({
          sex: rng.chance(0.5) ? "male" : "female",
          age: youngerAge,
          relation: "child",
          surname: childSurname,
          ethnicity: childEthnicity,
        });
        slots--;
        youngerAge -= rng.int(2, 5);
      }
    }
  } else {
    let childAge: number;
    if (hints.child === "dropout") childAge = rng.int(13, 14);
    else if (hints.child === "exempt") childAge = rng.int(10, 13);
    else if (hints.child === "home_taught") childAge = rng.int(8, 12);
    else childAge = headAge - rng.int(22, 32);
    let children = 0;
    while (slots > 0 && childAge >= 0 && children < 3) {
      drafts.push({
        sex: rng.chance(0.52) ? "male" : "female",
        age: childAge,
        relation: "child",
        surname: childSurname,
        ethnicity: childEthnicity,
      });
      slots--;
      children++;
      childAge -= rng.int(2, 5);
    }
    let parents = 0;
    while (slots > 0 && parents < 2) {
      const pSex: Sex = parents === 0 ? "male" : "female";
      const age = Math.min(93, headAge + rng.int(22, 30));
      drafts.push({
        sex: pSex,
        age,
        relation: "parent",
        surname: pSex === "male" ? surname : pickSurname(rng, surname),
        ethnicity: headEthnicity,
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
      surname,
      ethnicity: headEthnicity,
    });
    slots--;
  }

  const people = drafts.map((d) => person(ctx, d));

  // the forced child situation (the first child of school age)
  if (hints.child) {
    const c = people.find((p) => p.relation === "child" && p.age >= 6 && p.age <= 15);
    if (!c) throw new Error("family builder: no school-age child for an education scenario");
    if (hints.child === "dropout") {
      Object.assign(c, { schoolStatus: "dropped_out", education: "primary", workStatus: "none" });
    } else if (hints.child === "exempt") {
      Object.assign(c, {
        schoolStatus: "dropped_out",
        dropoutMedicalExemption: true,
        health: "serious_illness",
        workStatus: "none",
      });
    } else {
      Object.assign(c, { schoolStatus: "home_taught", health: "disabled", disability: "智力残疾二级", workStatus: "student" });
    }
  }

  const adults = people.filter((p) => p.age >= 18);
  const workingAge = adults.filter((p) => p.age <= 60);
  if (hints.cause === "illness" || hints.seriousIllness) {
    const p = rng.pick(adults);
    p.health = hints.seriousIllness || rng.chance(0.55) ? "serious_illness" : "chronic";
    p.laborCapacity = p.health === "serious_illness" ? "none" : "partial";
    if (p.laborCapacity === "none") p.workStatus = "none";
  }
  if (hints.cause === "disability") {
    const p = rng.pick(people.filter((x) => x.relation !== "head" || people.length === 1));
    p.health = "disabled";
    p.disability = rng.pick(DISABILITIES);
    if (p.age >= 16) {
      p.laborCapacity = rng.chance(0.6) ? "none" : "partial";
      p.workStatus = p.laborCapacity === "none" ? "none" : "local_farming";
    }
  }
  if (hints.cause === "lack_of_skills") {
    const head = people[0]!;
    if (head.education !== "none") head.education = rng.chance(0.6) ? "primary" : "none";
  }
  if (hints.cause === "schooling") {
    for (const p of people) {
      if (p.age >= 16 && p.age <= 22 && p.relation !== "head") {
        p.schoolStatus = "enrolled";
        p.education = p.age >= 19 ? "college" : "senior";
        p.workStatus = "student";
        p.laborCapacity = "none";
      }
    }
  }
  if (hints.uninsured) {
    const p = rng.pick(workingAge.length > 0 ? workingAge : adults.length > 0 ? adults : people);
    p.medicalInsurance = false;
  }
  if (hints.notCounted) {
    const candidates = people.filter((p) => p.relation !== "head" && p.age >= 18 && p.age <= 55);
    const p = candidates.length > 0 ? rng.pick(candidates) : people.find((x) => x.relation !== "head");
    if (p) {
      p.counted = false;
      p.notCountedReason = hints.notCounted;
      p.workStatus = hints.notCounted === "not_sharing" ? "migrant_work" : "none";
      p.subsistenceAllowance = false;
      if (hints.notCountedUninsured) p.medicalInsurance = false;
    }
  }
  if (hints.dibao) {
    for (const p of people) if (p.counted) p.subsistenceAllowance = true;
  }
  if (hints.deceasedMember) {
    const age = Math.min(95, headAge + rng.int(24, 30));
    const d = person(ctx, { sex: rng.chance(0.5) ? "male" : "female", age, relation: "parent", surname, ethnicity: headEthnicity });
    Object.assign(d, { active: false, counted: false, notCountedReason: "deceased", workStatus: "none", laborCapacity: "none" });
    people.push(d);
  }
  return people;
}

function person(ctx: FamilyContext, d: Draft): Person {
  const { rng } = ctx;
  const birthDate = birthDateForAge(rng, d.age);
  const birthYear = Number(birthDate.slice(0, 4));
  const { education, enrolled } = educationForAge(rng, d.age);

  let schoolStatus: SchoolStatus;
  if (d.age < 6) schoolStatus = "not_applicable";
  else if (d.age <= 15 || enrolled) schoolStatus = "enrolled";
  else schoolStatus = education === "none" ? "not_applicable" : "graduated";

  let health: Health = "healthy";
  let disability: string | null = null;
  const r = rng.float();
  if (d.age >= 60) health = r < 0.3 ? "chronic" : r < 0.33 ? "disabled" : "healthy";
  else if (d.age >= 40) health = r < 0.1 ? "chronic" : r < 0.12 ? "disabled" : "healthy";
  else if (d.age >= 18) health = r < 0.01 ? "disabled" : "healthy";
  if (health === "disabled") disability = rng.pick(DISABILITIES);

  let laborCapacity: LaborCapacity;
  if (d.age < 16 || schoolStatus === "enrolled") laborCapacity = "none";
  else if (health === "disabled") laborCapacity = rng.chance(0.5) ? "none" : "partial";
  else if (d.age >= 75) laborCapacity = "none";
  else if (d.age >= 65 || health === "chronic") laborCapacity = "partial";
  else laborCapacity = "full";

  let workStatus: WorkStatus;
  if (d.age < 6) workStatus = "none";
  else if (schoolStatus === "enrolled") workStatus = "student";
  else if (laborCapacity === "none") workStatus = "none";
  else if (laborCapacity === "partial") workStatus = "local_farming";
  else
    workStatus = rng.weighted<WorkStatus>([
      ["migrant_work", 45],
      ["local_work", 20],
      ["local_farming", 33],
      ["unemployed", 2],
    ]);

  return {
    id: rng.uuid(),
    name: fullName(rng, d.surname, d.sex, birthYear),
    nationalId: ctx.ids.issue(rng, ctx.countyId, birthDate, d.sex),
    sex: d.sex,
    birthDate,
    age: d.age,
    relation: d.relation,
    ethnicity: d.ethnicity,
    education,
    schoolStatus,
    dropoutMedicalExemption: false,
    health,
    disability,
    laborCapacity,
    workStatus,
    medicalInsurance: true,
    pension: d.age >= 60,
    subsistenceAllowance: false,
    counted: true,
    notCountedReason: null,
    active: true,
    villageCommittee: false,
    publicEmployee: false,
  };
}
