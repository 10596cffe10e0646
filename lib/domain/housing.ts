/** Indicator 5: safe housing — appraisal grade A or B, and electricity; or safe alternative housing. */
import type { HousingGrade, HousingInput, SafeAlternative } from "./household";
import { metResult, unmetResult, type IndicatorResult, type Text } from "./indicator";

export interface HousingNumbers {
  grade: HousingGrade;
  electricity: boolean;
  gradeSafe: boolean;
  safeAlternative: SafeAlternative | null;
}

export const SAFE_ALTERNATIVE_TEXT: Record<SafeAlternative, Text> = {
  resettlement_flat: { zh: "易地搬迁安置房", en: "a resettlement flat" },
  with_children: { zh: "与子女同住安全住房", en: "with children in a safe home" },
  public_rental: { zh: "公租房", en: "public rental housing" },
  other: { zh: "其他安全住房", en: "other safe housing" },
};

const GRADE_TEXT: Record<HousingGrade, Text> = {
  A: { zh: "安全", en: "safe" },
  B: { zh: "基本安全", en: "basically safe" },
  C: { zh: "局部危房", en: "partly dangerous" },
  D: { zh: "整栋危房", en: "wholly dangerous" },
};

export function isSafeGrade(grade: HousingGrade): boolean {
  return grade === "A" || grade === "B";
}

export function housingIndicator(housing: HousingInput): IndicatorResult<HousingNumbers> {
  const gradeSafe = isSafeGrade(housing.grade);
  const safeAlternative = housing.safeAlternative ?? null;
  const numbers: HousingNumbers = { grade: housing.grade, electricity: housing.electricity, gradeSafe, safeAlternative };
  if (safeAlternative !== null) {
    const alt = SAFE_ALTERNATIVE_TEXT[safeAlternative];
    return metResult(
      {
        zh: `住在安全的替代住房（${alt.zh}），原住房鉴定等级不影响判断`,
        en: `Lives in safe alternative housing (${alt.en}); the old house's grade does not matter`,
      },
      numbers,
    );
  }
  const g = GRADE_TEXT[housing.grade];
  const gradeZh = `住房安全鉴定为 ${housing.grade} 级（${g.zh}）`;
  const gradeEn = `Housing appraised grade ${housing.grade} (${g.en})`;
  if (gradeSafe && housing.electricity) {
    return metResult({ zh: `${gradeZh}，已通电`, en: `${gradeEn}, with electricity` }, numbers);
  }
  const reasonZh = [gradeZh, housing.electricity ? "已通电" : "未通电"].join("，");
  const reasonEn = `${gradeEn}, ${housing.electricity ? "with" : "without"} electricity`;
  const fixZh: string[] = [];
  const fixEn: string[] = [];
  if (!gradeSafe) {
    fixZh.push("住房须经改造或重建，安全鉴定达到 A 或 B 级");
    fixEn.push("the dwelling must be repaired or rebuilt to appraise at grade A or B");
  }
  if (!housing.electricity) {
    fixZh.push("住房须通电");
    fixEn.push("the home must have electricity");
  }
  const fixEnText = fixEn.join("; and ");
  return unmetResult(
    { zh: reasonZh, en: reasonEn },
    { zh: fixZh.join("；"), en: fixEnText.charAt(0).toUpperCase() + fixEnText.slice(1) },
    numbers,
  );
}
