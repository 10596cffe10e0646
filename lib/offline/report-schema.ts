// What a device hands over of a visit the server refused because the household is no longer the
// cadre's: the visit's content (never its files, only how many there were), checked for shape
// and size. Kept in the audit log for the county; nothing of it is applied to the household.
// Pure: imported by the server action and by tests.
import { z } from "zod";
import { messageKey } from "@/i18n/keys";

const text = (max: number) => z.string().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const MAX_UPDATES_JSON = 32 * 1024;
/** The JSON size of a value, or Infinity when it has none (a BigInt, a cycle, nesting too deep): refused, never thrown. */
function jsonLength(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export const rejectedVisitSchema = z
  .object({
    clientVisitId: z.string().uuid(),
    householdId: z.string().uuid(),
    baseVersion: z.coerce.number().int().min(0).nullable().optional(),
    date: isoDate,
    mode: z.enum(["home", "phone", "wechat"]),
    findings: text(4000),
    problems: text(4000).default(""),
    actionsTaken: text(4000).default(""),
    followUps: z
      .array(z.object({ description: text(500), dueDate: isoDate }))
      .max(20)
      .default([]),
    locationConsent: z.boolean().default(false),
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        accuracyM: z.number().min(0).nullable().optional(),
        locatedAt: z.string().max(40),
      })
      .nullable()
      .optional(),
    confirmation: z.enum(["signature", "read_back"]).nullable().optional(),
    // the changes the cadre proposed, as typed: kept as they are (bounded), never applied
    updates: z
      .unknown()
      .refine((v) => v == null || (typeof v === "object" && jsonLength(v) <= MAX_UPDATES_JSON), {
        message: messageKey("validation.tooLong"),
      })
      .nullable()
      .optional(),
    files: z.object({ signature: z.number().int().min(0).max(1), evidence: z.number().int().min(0).max(10) }),
    loggedAt: z.string().datetime({ offset: true }),
  })
  .strict();

export type RejectedVisit = z.output<typeof rejectedVisitSchema>;
