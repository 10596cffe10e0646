/**
 * Indicator 7: compulsory education — no counted child of compulsory-school age
 * has dropped out, unless medically exempt. Home-taught (送教上门) counts as in school.
 * Compulsory-school age runs from the school year in which the child is
 * schoolAgeMin (6) by the entry cut-off (31 August; a policy setting) until the
 * day before the birthday after schoolAgeMax (the 16th birthday by default).
 * Reasons count children; they never name them.
 */
import { countEn } from "./format";
import { compareIsoDates } from "./dates";
import { ageOn, countedMembers, type MemberInput } from "./household";
import { metResult, unmetResult, type IndicatorResult } from "./indicator";
import type { PolicyValues } from "./policy";

export type SchoolAgePolicy = Pick<PolicyValues, "schoolAgeMin" | "schoolAgeMax" | "schoolEntryCutoffMonth" | "schoolEntryCutoffDay">;

export interface EducationNumbers {
  schoolAgeMin: number;
  schoolAgeMax: number;
  schoolAgeChildren: number;
  droppedOut: number;
  medicallyExempt: number;
}

/**
 * The entry cut-off that opened the school year `asOf` falls in: the latest
 * cut-off strictly before `asOf` (the school year begins the day after it).
 */
export function schoolYearCutoff(asOf: string, p: Pick<SchoolAgePolicy, "schoolEntryCutoffMonth" | "schoolEntryCutoffDay">): string {
  const year = Number(asOf.slice(0, 4));
  const mm = String(p.schoolEntryCutoffMonth).padStart(2, "0");
  const dd = String(p.schoolEntryCutoffDay).padStart(2, "0");
  const thisYear = `${year}-${mm}-${dd}`;
  return compareIsoDates(thisYear, asOf) < 0 ? thisYear : `${year - 1}-${mm}-${dd}`;
}

export function isCompulsorySchoolAge(birthDate: string, asOf: string, p: SchoolAgePolicy): boolean {
  if (ageOn(birthDate, asOf) > p.schoolAgeMax) return false;
  return ageOn(birthDate, schoolYearCutoff(asOf, p)) >= p.schoolAgeMin;
}

export function educationIndicator(members: readonly MemberInput[], asOf: string, p: SchoolAgePolicy): IndicatorResult<EducationNumbers> {
  const children = countedMembers(members).filter((m) => isCompulsorySchoolAge(m.birthDate, asOf, p));
  const dropped = children.filter((m) => m.schoolStatus === "dropped_out");
  const exempt = dropped.filter((m) => m.dropoutMedicalExemption).length;
  const droppedOut = dropped.length - exempt;
  const numbers: EducationNumbers = {
    schoolAgeMin: p.schoolAgeMin,
    schoolAgeMax: p.schoolAgeMax,
    schoolAgeChildren: children.length,
    droppedOut,
    medicallyExempt: exempt,
  };
  const range = `${p.schoolAgeMin}–${p.schoolAgeMax}`;
  if (droppedOut === 0) {
    const exemptZh = exempt > 0 ? `；${exempt} 名因病经医学认定无法就学` : "";
    const exemptEn = exempt > 0 ? `; ${exempt} medically unable to study` : "";
    return metResult(
      {
        zh: `无适龄子女辍学（${range} 周岁计入人口 ${children.length} 名${exemptZh}）`,
        en: `No school-age child has dropped out (${countEn(children.length, "counted child", "counted children")} aged ${range}${exemptEn})`,
      },
      numbers,
    );
  }
  return unmetResult(
    {
      zh: `${droppedOut} 名适龄子女辍学`,
      en: `${countEn(droppedOut, "school-age child has", "school-age children have")} dropped out`,
    },
    {
      zh: `辍学的 ${droppedOut} 名适龄子女须复学或送教上门，或经医学认定无法就学`,
      en: `The ${countEn(droppedOut, "dropped-out child", "dropped-out children")} must return to school or be taught at home, or be medically certified unable to study`,
    },
    numbers,
  );
}
