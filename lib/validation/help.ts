// Inputs of the household card and the help reports: one schema each, shared by the forms and
// the actions. Messages are full message keys (messageKey("help.…"), messageKey("validation.…")).
import { z } from "zod";
import { checkbox, plain } from "./plain-text";
import { messageKey } from "@/i18n/keys";

export const HELP_CATEGORIES = ["illness", "accident", "disaster", "job_loss", "school", "housing", "water", "other"] as const;
export type HelpCategoryValue = (typeof HELP_CATEGORIES)[number];
export const HELP_OUTCOMES = ["visited", "proposed", "no_action"] as const;

export const REPORT_TEXT_MAX = 500;
export const CONTACT_MAX = 40;
export const HEAD_NAME_MAX = 20;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

const uuid = plain(z.string())
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, messageKey("validation.invalidId"))
  .transform((s) => s.toLowerCase());
/** A link token: checked for its exact shape by lib/card/token.ts; here only bounded. */
const token = z.string().max(64);
const text = z.string().trim().min(1, messageKey("help.v.textRequired")).max(REPORT_TEXT_MAX, messageKey("help.v.textTooLong"));
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).optional().default("");
/**
 * A phone number to call back, or nothing: 7–15 digits once spaces, dashes, dots and brackets
 * are dropped, an optional leading +. Stored in that plain form (it becomes a tel: link).
 */
const phone = z
  .string()
  .trim()
  .max(CONTACT_MAX, messageKey("help.v.contactTooLong"))
  .transform((s) => s.normalize("NFKC").replace(/[\s\-.()（）]/g, ""))
  .refine((s) => s === "" || /^\+?\d{7,15}$/.test(s), messageKey("help.v.contactPhone"))
  .optional()
  .default("");
const pow = { challenge: z.string().max(200), nonce: z.string().max(20) };

/** An empty file input arrives as a nameless, empty File: treat it as no file. */
const optionalPhoto = z.preprocess(
  (v) => (v instanceof Blob && v.size === 0 ? undefined : v === "" ? undefined : v),
  z.instanceof(Blob, { message: messageKey("help.v.photoType") }).optional(),
);

export const cardReportSchema = z.object({
  token,
  id: uuid,
  category: z.enum(HELP_CATEGORIES, { message: messageKey("help.v.category") }),
  text,
  photo: optionalPhoto,
  ...pow,
});
export type CardReportInput = z.output<typeof cardReportSchema>;

export const villageReportSchema = z.object({
  villageId: z.string().regex(/^\d{12}$/, messageKey("validation.invalidId")),
  id: uuid,
  category: z
    .enum(HELP_CATEGORIES, { message: messageKey("help.v.category") })
    .optional()
    .default("other"),
  text,
  headName: optionalText(HEAD_NAME_MAX, messageKey("help.v.nameTooLong")),
  contact: phone,
  ...pow,
});
export type VillageReportInput = z.output<typeof villageReportSchema>;

export const cardObjectionSchema = z.object({
  token,
  proposalId: plain(z.string()).trim().min(1).max(64),
  text,
  contact: optionalText(CONTACT_MAX, messageKey("help.v.contactTooLong")),
  ...pow,
});

export const leadOutcomeSchema = z
  .object({
    id: uuid,
    outcome: z.enum(HELP_OUTCOMES, { message: messageKey("validation.unknownValue") }),
    note: optionalText(REPORT_TEXT_MAX, messageKey("validation.tooLong")),
  })
  // signed-in form (the action pipeline translates its keys): the label itself says the reason is required
  .superRefine((v, ctx) => {
    if (v.outcome === "no_action" && v.note.length === 0)
      ctx.addIssue({ code: "custom", path: ["note"], message: messageKey("validation.required") });
  });
export type LeadOutcomeInput = z.output<typeof leadOutcomeSchema>;

export const issueCardsSchema = z
  .object({
    householdId: plain(z.string()).trim().max(64).optional(),
    villageId: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    reissue: checkbox.optional().default(false),
  })
  .refine((v) => Boolean(v.householdId) !== Boolean(v.villageId), { message: messageKey("validation.required"), path: ["householdId"] });
export type IssueCardsInput = z.output<typeof issueCardsSchema>;

export const revokeCardSchema = z.object({
  householdId: plain(z.string()).trim().min(1).max(64),
  reason: z.string().trim().min(1, messageKey("validation.required")).max(200, messageKey("validation.tooLong")),
});
