// Registering a household new to a village (a family that split off or arrived) and recording
// an assistance measure. Shared by the forms and the actions; messages are full message keys.
import { z } from "zod";
import { validateNationalId } from "@/lib/national-id";
import { today } from "@/lib/clock";
import { incomeChangesSchema, indicatorChangesSchema, newMemberSchema } from "./household-changes";
import { blankToUndefined, hiddenProblem, plain, realDate } from "./plain-text";
import { messageKey, type KeyUnder } from "@/i18n/keys";

/** An empty ID field means "no ID"; one holding only invisible characters is not empty (it is refused). */
const blankIdToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" && !hiddenProblem(v) ? undefined : v);
const isoDate = realDate(messageKey("validation.invalidDate")); // 2024-02-30 and year 0000 refused, never rolled over
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { message: messageKey("validation.tooLong") })
      .optional(),
  );

export const MEASURE_CATEGORIES = [
  "industry",
  "employment",
  "relocation",
  "ecological",
  "education",
  "health",
  "social_assistance",
  "housing",
] as const;

/** A new member as registration takes it: the same rules as everywhere; an empty ID means none. */
const registerMemberSchema = z.preprocess(
  (v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? { ...v, nationalId: blankIdToUndefined((v as Record<string, unknown>).nationalId) }
      : v,
  newMemberSchema,
);

export const registerHouseholdSchema = z
  .object({
    villageId: z
      .string({ message: messageKey("validation.required") })
      .regex(/^\d{12}$/, { message: messageKey("validation.unknownValue") }),
    number: plain(z.string({ message: messageKey("validation.required") }))
      .trim()
      .min(1, { message: messageKey("validation.required") })
      .max(20, { message: messageKey("validation.tooLong") }),
    address: optionalText(200),
    phone: optionalText(30),
    splitFromId: z.preprocess(
      blankToUndefined,
      z
        .string()
        .uuid({ message: messageKey("validation.unknownValue") })
        .optional(),
    ),
    splitAt: z.preprocess(blankToUndefined, isoDate.optional()),
    members: z
      .array(registerMemberSchema, { message: messageKey("validation.required") })
      .min(1, { message: messageKey("validation.required") })
      .max(30, { message: messageKey("validation.tooMany") }),
    indicators: indicatorChangesSchema.optional(),
    income: incomeChangesSchema.optional(),
    reason: optionalText(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    const now = today();
    v.members.forEach((m, i) => {
      if (m.birthDate > now)
        ctx.addIssue({ code: "custom", path: ["members", i, "birthDate"], message: messageKey("validation.futureDate") });
      if (!m.nationalId) return;
      // the ID already says when the person was born and their sex (as in the visit form)
      const id = validateNationalId(m.nationalId);
      if (id.ok && id.birthDate !== m.birthDate)
        ctx.addIssue({ code: "custom", path: ["members", i, "birthDate"], message: messageKey("validation.nationalIdMismatchBirth") });
      if (id.ok && id.sex !== m.sex)
        ctx.addIssue({ code: "custom", path: ["members", i, "sex"], message: messageKey("validation.nationalIdMismatchSex") });
      if (seen.has(m.nationalId))
        ctx.addIssue({ code: "custom", path: ["members", i, "nationalId"], message: messageKey("validation.nationalIdDuplicate") });
      else seen.set(m.nationalId, i);
    });
    if (v.splitAt && !v.splitFromId) ctx.addIssue({ code: "custom", path: ["splitFromId"], message: messageKey("validation.required") });
  });

export type RegisterHouseholdInput = z.output<typeof registerHouseholdSchema>;

// an assistance measure: by kind, with the kind's own details (decision 0047)
export { measureSchema as addMeasureSchema, measureProblems } from "./measure";
export type { MeasureInput as AddMeasureInput } from "./measure";

/**
 * Rules whose messages live in the householdEdit namespace (not in validation): field path →
 * message key under "householdEdit.problems". Checked by the forms and again by the actions.
 */
export function registerProblems(v: { members: { relation: string }[] }): Record<string, KeyUnder<"householdEdit.problems">> {
  const heads = v.members.filter((m) => m.relation === "head").length;
  return heads === 1 ? {} : { members: heads === 0 ? "noHead" : "twoHeads" };
}
