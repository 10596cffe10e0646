import { z } from "zod";
import { POLICY_KEYS, type PolicyKey } from "@/lib/domain/policy";
import { numberInput, numberType } from "./plain-text";
import { messageKey } from "@/i18n/keys";

// blank = "not set in this row" (the value then carries from an earlier year or the nation)
const optionalNumber = z.preprocess(
  (v) => (v === null ? undefined : v),
  numberInput(
    numberType()
      .min(0, { message: messageKey("validation.nonNegative") })
      .max(1_000_000_000, { message: messageKey("validation.tooLarge") })
      .optional(),
    {
      blank: undefined,
    },
  ),
);

export const savePolicySchema = z
  .object({
    year: numberInput(
      numberType()
        .int({ message: messageKey("validation.integer") })
        .min(2014)
        .max(2100),
    ),
    provinceId: z.preprocess(
      (v) => (v === "" ? null : v),
      z
        .string()
        .regex(/^\d{2}$/, { message: messageKey("validation.unknownValue") })
        .nullable(),
    ),
    note: z
      .string()
      .trim()
      .max(200, { message: messageKey("validation.tooLong") })
      .optional(),
    ...(Object.fromEntries(POLICY_KEYS.map((k) => [k, optionalNumber])) as Record<PolicyKey, typeof optionalNumber>),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.schoolAgeMin !== undefined && v.schoolAgeMax !== undefined && v.schoolAgeMin > v.schoolAgeMax)
      ctx.addIssue({ code: "custom", path: ["schoolAgeMax"], message: "义务教育年龄上限不能小于下限 (max age below min age)" });
    if (v.sampleShare !== undefined && (v.sampleShare <= 0 || v.sampleShare > 1))
      ctx.addIssue({ code: "custom", path: ["sampleShare"], message: "抽样比例须在 0 到 1 之间 (share must be in (0, 1])" });
    if (v.quorumNumerator !== undefined && v.quorumDenominator !== undefined && v.quorumNumerator > v.quorumDenominator)
      ctx.addIssue({ code: "custom", path: ["quorumNumerator"], message: "法定人数比例不能大于 1 (quorum above 1)" });
    if (v.incomeDropShare !== undefined && (v.incomeDropShare <= 0 || v.incomeDropShare > 1))
      ctx.addIssue({ code: "custom", path: ["incomeDropShare"], message: "收入下降比例须在 0 到 1 之间 (share must be in (0, 1])" });
    if (v.schoolEntryCutoffMonth !== undefined && (v.schoolEntryCutoffMonth < 1 || v.schoolEntryCutoffMonth > 12))
      ctx.addIssue({ code: "custom", path: ["schoolEntryCutoffMonth"], message: "月份须在 1 到 12 之间 (month 1-12)" });
    if (
      v.schoolEntryCutoffDay !== undefined &&
      (v.schoolEntryCutoffDay < 1 ||
        v.schoolEntryCutoffDay >
          28 + ((v.schoolEntryCutoffMonth ?? 8) === 2 ? 0 : 2) + ([1, 3, 5, 7, 8, 10, 12].includes(v.schoolEntryCutoffMonth ?? 8) ? 1 : 0))
    )
      ctx.addIssue({ code: "custom", path: ["schoolEntryCutoffDay"], message: "日期超出该月天数 (day outside the month)" });
    for (const k of [
      "redLinePublicEmployee",
      "redLineVillageCommittee",
      "redLineVehicle",
      "redLineCommercialHousing",
      "redLineBusiness",
      "redLineRecentSplit",
      "redLineDuplicateId",
    ] as const)
      if (v[k] !== undefined && v[k] !== 0 && v[k] !== 1)
        ctx.addIssue({ code: "custom", path: [k], message: "红线设置只能是 0（需说明）或 1（红线） (0 or 1)" });
    for (const k of [
      "schoolEntryCutoffMonth",
      "schoolEntryCutoffDay",
      "comparisonSplitYears",
      "schoolAgeMin",
      "schoolAgeMax",
      "noticeDays",
      "monitoringNoticeDays",
      "riskEliminationMonths",
      "leadResponseWorkingDays",
      "sampleVillagesMin",
      "sampleVillagesMax",
      "sampleCapPerVillage",
      "waterOutageMaxDays",
      "residentDaysPerMonth",
      "feedStaleMonths",
      "feedRetentionMonths",
    ] as const)
      if (v[k] !== undefined && !Number.isInteger(v[k]))
        ctx.addIssue({ code: "custom", path: [k], message: messageKey("validation.integer") });
  });

/** The recompute job whose progress the policy page polls. */
export const jobProgressSchema = z.object({ id: z.string().uuid() }).strict();
