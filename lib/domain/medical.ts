/** Indicator 4: every counted member is enrolled in basic medical insurance. */
import { countEn } from "./format";
import { countedMembers, type MemberInput } from "./household";
import { metResult, unmetResult, type IndicatorResult } from "./indicator";

export interface MedicalNumbers {
  countedMembers: number;
  uninsured: number;
}

export function medicalIndicator(members: readonly MemberInput[]): IndicatorResult<MedicalNumbers> {
  const counted = countedMembers(members);
  const uninsured = counted.filter((m) => !m.medicalInsurance).length;
  const numbers: MedicalNumbers = { countedMembers: counted.length, uninsured };
  if (uninsured === 0) {
    return metResult(
      {
        zh: `全部 ${counted.length} 名计入人口成员均参加基本医疗保险`,
        en: `All ${countEn(counted.length, "counted member is", "counted members are")} enrolled in basic medical insurance`,
      },
      numbers,
    );
  }
  return unmetResult(
    {
      zh: `${uninsured} 名计入人口成员未参加基本医疗保险`,
      en: `${countEn(uninsured, "counted member is", "counted members are")} not enrolled in basic medical insurance`,
    },
    {
      zh: `须为未参保的 ${uninsured} 名成员办理基本医疗保险`,
      en: `Enrol the ${countEn(uninsured, "uninsured counted member", "uninsured counted members")} in basic medical insurance`,
    },
    numbers,
  );
}
