import { z } from "zod";
import { householdChangesSchema } from "./household-changes";
import { versionInput } from "./plain-text";
import { messageKey } from "@/i18n/keys";

/** A correction of a household's facts: the version the person saw, the changes, and why. */
export const updateHouseholdSchema = z
  .object({
    householdId: z.string().uuid(),
    baseVersion: versionInput,
    reason: z
      .string()
      .trim()
      .min(2, { message: messageKey("validation.required") })
      .max(500, { message: messageKey("validation.tooLong") }),
    changes: householdChangesSchema,
  })
  .strict();

/** Show one member's national ID in full (the page shows it masked; the tap is audited). */
export const revealNationalIdSchema = z
  .object({
    householdId: z.string().uuid(),
    memberId: z.string().uuid(),
  })
  .strict();
