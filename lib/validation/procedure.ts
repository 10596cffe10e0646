// The appraisal procedure's inputs (proposals, meetings, votes, notices, objections, decisions):
// one schema each, shared by the forms and the server actions. Messages are full message keys
// (validation.…, procedure.validation.…), translated by the action pipeline.
// Pure: imported by client components, so nothing from Prisma, Next or the data layer.
import { publicSafe } from "./public-text";
import { z } from "zod";
import { numberInput, numberType, plain, requiredText, versionInput } from "./plain-text";
import { messageKey } from "@/i18n/keys";

export const PROPOSAL_KINDS = ["identify", "exit", "monitor", "eliminate_risk"] as const;
export type ProposalKindInput = (typeof PROPOSAL_KINDS)[number];
/** How a proposal is raised in the app (a department's data flag comes in by import, later). */
export const RAISED_SOURCES = ["cadre", "application", "engine"] as const;
export const MONITORING_CATEGORIES = ["unstable_lifted", "marginal", "sudden_hardship"] as const;
export const VOTE_CHOICES = ["yes", "no", "abstain"] as const;

export const MAX_REASON = 500;
export const MAX_MINUTES = 20_000;
export const MAX_MINUTES_SCAN_BYTES = 8 * 1024 * 1024;
export const MAX_NOTICE_ITEMS = 200;

const uuid = z.string({ message: messageKey("validation.required") }).uuid({ message: messageKey("validation.invalidId") });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: messageKey("validation.tooLong") });
const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);
const version = versionInput;

export const isoDate = z
  .string({ message: messageKey("validation.required") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: messageKey("validation.invalidDate"), abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: messageKey("validation.invalidDate"),
  });

/** A count typed into a form: "" is missing (not 0), a fraction or a negative number is wrong. */
const count = numberInput(
  numberType()
    .int({ message: messageKey("validation.integer") })
    .min(0, { message: messageKey("validation.nonNegative") })
    .max(100_000, { message: messageKey("validation.tooLong") }),
);

/** One id or several (a form posts repeated keys; one checked box arrives as a string). */
const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().uuid({ message: messageKey("validation.invalidId") }))
    .min(1, { message: messageKey("procedure.validation.pickItems") })
    .max(MAX_NOTICE_ITEMS, { message: messageKey("validation.tooMany") }),
);

/** A signature drawn on the pad (PNG), or a photo of a signed or thumb-printed paper form. */
export const MAX_CONSENT_FILE_BYTES = 8 * 1024 * 1024;
const SIGNATURE_MIMES = ["image/png"] as const;
const PHOTO_MIMES = ["image/jpeg", "image/png", "image/webp"] as const;
const blankFile = (v: unknown) => (typeof Blob !== "undefined" && v instanceof Blob && v.size === 0 ? undefined : v);
function consentFile(types: readonly string[]) {
  return z.preprocess(
    blankFile,
    z
      .custom<Blob>()
      .superRefine((f, ctx) => {
        if (typeof Blob === "undefined" || !(f instanceof Blob))
          return void ctx.addIssue({ code: "custom", message: messageKey("validation.fileMissing") });
        if (f.size > MAX_CONSENT_FILE_BYTES) ctx.addIssue({ code: "custom", message: messageKey("validation.fileTooLarge") });
        if (f.type && !types.includes(f.type)) ctx.addIssue({ code: "custom", message: messageKey("validation.fileType") });
      })
      .optional(),
  );
}
export const CONSENT_MIMES = { signature: SIGNATURE_MIMES, photo: PHOTO_MIMES } as const;

/** "" from an empty select means "none". */
const optionalCategory = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.enum(MONITORING_CATEGORIES, { message: messageKey("validation.unknownValue") }).nullable(),
);

/**
 * Text that is printed on the public notice must not carry what a notice never shows: national
 * IDs, phone numbers or long numbers and money amounts (incomes), in any spelling — full-width,
 * with separators, in Chinese numerals (lib/validation/public-text.ts).
 */
export { publicSafe };

export const raiseProposalSchema = z
  .object({
    /** generated on the device: a retried submission stores once */
    id: uuid,
    householdId: uuid,
    kind: z.enum(PROPOSAL_KINDS, { message: messageKey("validation.unknownValue") }),
    monitoringCategory: optionalCategory.default(null),
    source: z.enum(RAISED_SOURCES, { message: messageKey("validation.unknownValue") }),
    reason: requiredText(MAX_REASON).refine(publicSafe, { message: messageKey("procedure.validation.reasonNotPublic") }),
    /**
     * monitoring from the household's own application: its signed application and asset-query
     * authorisation (监测对象申请及承诺授权书) — a photo or a signature sent now, or evidence of
     * the household already stored
     */
    authorisation: consentFile(PHOTO_MIMES),
    authorisationEvidenceId: z.preprocess((v) => (v === "" ? undefined : v), uuid.optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === "monitor" && v.source === "application" && !v.authorisation && !v.authorisationEvidenceId) {
      ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.authorisationRequired"), path: ["authorisation"] });
    }
    if (v.kind === "monitor" && !v.monitoringCategory)
      ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.categoryRequired"), path: ["monitoringCategory"] });
    if (v.kind !== "monitor" && v.monitoringCategory)
      ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.categoryOnlyMonitor"), path: ["monitoringCategory"] });
  });
export type RaiseProposalInput = z.output<typeof raiseProposalSchema>;

export const explainComparisonSchema = z
  .object({
    proposalId: uuid,
    version,
    /** required when the comparison finds a flag; the server decides */
    explanation: text(2000).default(""),
  })
  .strict();

export const GUARANTEE_KEYS = ["food", "clothing", "medical", "housing", "water", "education"] as const;
export type GuaranteeKey = (typeof GUARANTEE_KEYS)[number];
const metField = z.enum(["met", "unmet"], { message: messageKey("validation.required") });

/** Home verification (入户核实): who checked, when, what was found (income, each guarantee), signed. */
export const homeVerificationSchema = z
  .object({
    /** generated on the device: a retried submission stores once */
    id: uuid,
    proposalId: uuid,
    checkedOn: isoDate,
    checkedByName: requiredText(40),
    perCapitaIncome: numberInput(
      numberType()
        .min(0, { message: messageKey("validation.nonNegative") })
        .max(10_000_000, { message: messageKey("validation.tooLong") }),
    ),
    food: metField,
    clothing: metField,
    medical: metField,
    housing: metField,
    water: metField,
    education: metField,
    findings: requiredText(2000),
    /** the checker's signature on the pad */
    signature: consentFile(SIGNATURE_MIMES),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.signature) ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.signatureRequired"), path: ["signature"] });
  });
export type HomeVerificationInput = z.output<typeof homeVerificationSchema>;

export const EXIT_AGREEMENT_METHODS = ["signature", "thumbprint_form"] as const;

/**
 * The household's exit agreement (拟退出贫困户认可): agreed — the head signs on the pad, or a
 * thumb-printed paper form is photographed — or refused, with the reason.
 */
export const exitAgreementSchema = z
  .object({
    id: uuid,
    proposalId: uuid,
    version,
    outcome: z.enum(["agreed", "refused"], { message: messageKey("validation.unknownValue") }),
    method: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(EXIT_AGREEMENT_METHODS, { message: messageKey("validation.unknownValue") }).optional(),
    ),
    signature: consentFile(SIGNATURE_MIMES),
    formPhoto: consentFile(PHOTO_MIMES),
    refusalReason: text(500).default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === "agreed") {
      if (!v.method) ctx.addIssue({ code: "custom", message: messageKey("validation.required"), path: ["method"] });
      if (v.method === "signature" && !v.signature)
        ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.signatureRequired"), path: ["signature"] });
      if (v.method === "thumbprint_form" && !v.formPhoto)
        ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.formPhotoRequired"), path: ["formPhoto"] });
    } else if (!v.refusalReason) {
      ctx.addIssue({ code: "custom", message: messageKey("procedure.validation.refusalReasonRequired"), path: ["refusalReason"] });
    }
  });
export type ExitAgreementInput = z.output<typeof exitAgreementSchema>;

export const createMeetingSchema = z
  .object({
    id: uuid,
    date: isoDate,
    place: requiredText(200),
  })
  .strict();

export const addRepresentativeSchema = z
  .object({
    /** generated on the device: a retried (or doubled) submission stores one representative */
    id: z.preprocess((v) => (v === "" ? undefined : v), uuid.optional()),
    name: requiredText(40),
    phone: plain(z.string())
      .trim()
      .max(20, { message: messageKey("validation.tooLong") })
      .refine((s) => s === "" || /^[0-9+\- ]{5,20}$/.test(s), { message: messageKey("procedure.validation.phoneFormat") })
      .default(""),
  })
  .strict();

export const setRepresentativeActiveSchema = z.object({ representativeId: uuid, active: bool }).strict();

export const agendaSchema = z.object({ meetingId: uuid, proposalId: uuid }).strict();

export const meetingIdSchema = z.object({ meetingId: uuid }).strict();

export const attendanceSchema = z
  .object({
    meetingId: uuid,
    /** one representative, or all of the roster at once */
    representativeId: z.union([uuid, z.literal("all")]),
    present: bool,
    /** marking a voter absent: their votes of this meeting are withdrawn, with the reason kept */
    withdrawVotes: bool.optional(),
    reason: text(500).optional(),
  })
  .strict();

export const voteSchema = z
  .object({
    /** generated on the device when it has one; the server makes one otherwise */
    id: z.preprocess((v) => (v === "" ? undefined : v), uuid.optional()),
    meetingId: uuid,
    agendaItemId: uuid,
    representativeId: uuid,
    choice: z.enum(VOTE_CHOICES, { message: messageKey("validation.unknownValue") }),
    /** a mis-tap corrected while the meeting is open: the recorded vote changes, the history keeps both */
    correct: bool.optional(),
  })
  .strict();

export const secretBallotSchema = z
  .object({
    meetingId: uuid,
    agendaItemId: uuid,
    yes: count,
    no: count,
    abstain: count,
  })
  .strict();

const scanFile = z.custom<Blob>().superRefine((f, ctx) => {
  if (typeof Blob === "undefined" || !(f instanceof Blob))
    return void ctx.addIssue({ code: "custom", message: messageKey("validation.fileMissing") });
  if (f.size > MAX_MINUTES_SCAN_BYTES) ctx.addIssue({ code: "custom", message: messageKey("validation.fileTooLarge") });
});

export const closeMeetingSchema = z
  .object({
    meetingId: uuid,
    minutes: requiredText(MAX_MINUTES),
    /** optional scan of the signed minutes (JPG, PNG, WebP or PDF); an empty file input is "none" */
    scan: z.preprocess((v) => (typeof Blob !== "undefined" && v instanceof Blob && v.size === 0 ? undefined : v), scanFile.optional()),
  })
  .strict();

export const publishNoticeSchema = z
  .object({
    id: uuid,
    /** first notice: the meeting whose passed items it lists */
    meetingId: uuid,
    proposalIds: idList,
    startDate: isoDate,
  })
  .strict();

export const secondNoticeSchema = z
  .object({
    id: uuid,
    proposalIds: idList,
    startDate: isoDate,
  })
  .strict();

export const announceSchema = z
  .object({
    id: uuid,
    proposalIds: idList,
  })
  .strict();

export const objectionSchema = z
  .object({
    id: uuid,
    proposalId: uuid,
    byName: text(40).default(""),
    contact: text(40).default(""),
    text: requiredText(2000),
  })
  .strict();

export const stepSchema = z
  .object({
    proposalId: uuid,
    version,
    reason: requiredText(1000),
  })
  .strict();

/**
 * The village's check of the objections waiting on a proposal (异议核查): is each about this item,
 * is it new? Only one that stands (both yes) sends the item back; otherwise it is answered with
 * the check's result and the procedure goes on. `reason` is the check's note.
 */
export const objectionCheckSchema = z
  .object({
    proposalId: uuid,
    version,
    reason: requiredText(1000),
    aboutItem: z.enum(["yes", "no"], { message: messageKey("validation.required") }),
    isNew: z.enum(["yes", "no"], { message: messageKey("validation.required") }),
  })
  .strict();
