// A logged visit: one schema, shared by the form (checked on the device before sending) and
// the server action. Messages are full message keys ("validation.…").
// Pure: imported by client components, so nothing from Prisma, Next or the data layer.
import { z } from "zod";
import { today as serverToday } from "@/lib/clock";
import { validateNationalId } from "@/lib/national-id";
import { householdChangesSchema } from "./household-changes";
import { EVIDENCE_MIMES } from "./file-type";
import { INCOME_FIELDS, INDICATOR_FIELDS, NULLABLE_NUMBERS } from "./visit-facts";
import { numberInput, numberType, versionInput } from "./plain-text";

import {
  CONFIRMATIONS,
  EVIDENCE_TARGETS,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_FOLLOW_UPS,
  MAX_SIGNATURE_BYTES,
  VISIT_MODES,
} from "./visit-constants";
import { messageKey } from "@/i18n/keys";
export {
  VISIT_MODES,
  CONFIRMATIONS,
  EVIDENCE_TARGETS,
  MAX_EVIDENCE_BYTES,
  MAX_SIGNATURE_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_FOLLOW_UPS,
  IMAGE_MAX_SIDE,
  IMAGE_QUALITY,
  type EvidenceTarget,
} from "./visit-constants";

const isoDate = z
  .string({ message: messageKey("validation.required") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: messageKey("validation.invalidDate") })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: messageKey("validation.invalidDate"),
  });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: messageKey("validation.tooLong") });
const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);

/** A file from the device: a Blob (File) of an accepted type and size; the server re-checks the bytes. */
function fileField(maxBytes: number, types: readonly string[]) {
  return z.custom<Blob>().superRefine((f, ctx) => {
    if (typeof Blob === "undefined" || !(f instanceof Blob))
      return void ctx.addIssue({ code: "custom", message: messageKey("validation.fileMissing") });
    if (f.size === 0) return void ctx.addIssue({ code: "custom", message: messageKey("validation.fileEmpty") });
    if (f.size > maxBytes) ctx.addIssue({ code: "custom", message: messageKey("validation.fileTooLarge") });
    if (f.type && !types.includes(f.type)) ctx.addIssue({ code: "custom", message: messageKey("validation.fileType") });
  });
}

/** Facts that must not be left empty: the form sends "" when a pre-filled value is cleared. */
const FACT_FIELDS = { indicators: new Set<string>(INDICATOR_FIELDS), income: new Set<string>(INCOME_FIELDS) };
function noBlankNumbers(raw: unknown, ctx: z.RefinementCtx) {
  if (!raw || typeof raw !== "object") return;
  for (const part of ["indicators", "income"] as const) {
    const values = (raw as Record<string, unknown>)[part];
    if (!values || typeof values !== "object") continue;
    for (const [k, v] of Object.entries(values)) {
      // an unknown key is left to the strict schema, which names it as not a field
      if (FACT_FIELDS[part].has(k) && !NULLABLE_NUMBERS.has(k) && (v === "" || v === null))
        ctx.addIssue({ code: "custom", message: messageKey("validation.required"), path: [part, k] });
    }
  }
}

const updatesSchema = z.unknown().superRefine(noBlankNumbers).pipe(householdChangesSchema);

const followUpSchema = z.object({
  description: text(500).min(1, { message: messageKey("validation.required") }),
  dueDate: isoDate,
});

const locationSchema = z.object({
  latitude: numberInput(numberType().min(-90).max(90)),
  longitude: numberInput(numberType().min(-180).max(180)),
  accuracyM: numberInput(numberType().min(0).max(1_000_000).nullable(), { blank: null }).optional(),
  locatedAt: z.string().datetime({ offset: true }),
});

const evidenceSchema = z.object({
  file: fileField(MAX_EVIDENCE_BYTES, EVIDENCE_MIMES),
  indicator: z.enum(EVIDENCE_TARGETS, { message: messageKey("validation.unknownValue") }).default("general"),
});

/** The schema, with "today" (YYYY-MM-DD) from the given clock: the device passes the server's today. */
export function makeVisitSchema(today: () => string = serverToday) {
  return z
    .object({
      clientVisitId: z.string().uuid({ message: messageKey("validation.invalidId") }),
      householdId: z.string().uuid({ message: messageKey("validation.invalidId") }),
      baseVersion: versionInput,
      date: isoDate.refine((d) => d <= today(), { message: messageKey("validation.futureDate") }),
      mode: z.enum(VISIT_MODES, { message: messageKey("validation.unknownValue") }),
      findings: text(4000).min(1, { message: messageKey("validation.required") }),
      problems: text(4000).default(""),
      actionsTaken: text(4000).default(""),
      followUps: z
        .array(followUpSchema)
        .max(MAX_FOLLOW_UPS, { message: messageKey("validation.tooMany") })
        .default([]),
      locationConsent: bool.default(false),
      location: locationSchema.nullable().optional(),
      confirmation: z.enum(CONFIRMATIONS, { message: messageKey("validation.confirmationRequired") }),
      signature: fileField(MAX_SIGNATURE_BYTES, ["image/png"]).nullable().optional(),
      updates: updatesSchema.optional(),
      evidence: z
        .array(evidenceSchema)
        .max(MAX_EVIDENCE_FILES, { message: messageKey("validation.tooMany") })
        .default([]),
      /** the household plan's steps marked done on this visit (一户一策): stored with the visit, once */
      planProgress: z
        .array(z.string().uuid({ message: messageKey("validation.invalidId") }))
        .max(20, { message: messageKey("validation.tooMany") })
        .default([]),
    })
    .strict()
    .superRefine(
      (v, ctx) => {
        // runs even when other fields failed (when: always), so every value is checked before use
        if (!v || typeof v !== "object") return;
        const date = typeof v.date === "string" ? v.date : null;
        if (date && Array.isArray(v.followUps)) {
          v.followUps.forEach((f, i) => {
            if (typeof f?.dueDate === "string" && f.dueDate < date)
              ctx.addIssue({ code: "custom", message: messageKey("validation.dueBeforeVisit"), path: ["followUps", i, "dueDate"] });
          });
        }
        if (v.location && (v.mode !== "home" || v.locationConsent !== true))
          ctx.addIssue({ code: "custom", message: messageKey("validation.locationWithoutConsent"), path: ["locationConsent"] });
        if (v.confirmation === "signature") {
          if (v.mode !== "home")
            ctx.addIssue({ code: "custom", message: messageKey("validation.signatureHomeOnly"), path: ["confirmation"] });
          else if (!v.signature) ctx.addIssue({ code: "custom", message: messageKey("validation.signatureRequired"), path: ["signature"] });
        }
        const added = Array.isArray(v.updates?.newMembers) ? v.updates.newMembers : [];
        added.forEach((n, i) => {
          if (typeof n?.birthDate !== "string") return;
          if (n.birthDate > today())
            ctx.addIssue({ code: "custom", message: messageKey("validation.futureDate"), path: ["updates", "newMembers", i, "birthDate"] });
          // a national ID already says when the person was born and their sex: the two must agree
          if (typeof n.nationalId !== "string" || !n.nationalId) return;
          const id = validateNationalId(n.nationalId);
          if (!id.ok) return;
          if (id.birthDate !== n.birthDate)
            ctx.addIssue({
              code: "custom",
              message: messageKey("validation.nationalIdMismatchBirth"),
              path: ["updates", "newMembers", i, "birthDate"],
            });
          if (id.sex !== n.sex)
            ctx.addIssue({
              code: "custom",
              message: messageKey("validation.nationalIdMismatchSex"),
              path: ["updates", "newMembers", i, "sex"],
            });
        });
      },
      { when: () => true },
    );
}

export const visitSchema = makeVisitSchema();
export type VisitInput = z.output<typeof visitSchema>;

export const confirmPendingSchema = z
  .object({
    visitId: z.string().uuid({ message: messageKey("validation.invalidId") }),
    baseVersion: versionInput,
    decision: z.enum(["apply", "discard"], { message: messageKey("validation.unknownValue") }),
  })
  .strict();

export const resolveFollowUpSchema = z
  .object({
    followUpId: z.string().uuid({ message: messageKey("validation.invalidId") }),
    resolution: text(1000).min(1, { message: messageKey("validation.required") }),
  })
  .strict();
