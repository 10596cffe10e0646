import { z } from "zod";
import { householdChangesSchema } from "./household-changes";
import { versionInput } from "./plain-text";

/** A correction of a household's facts: the version the person saw, the changes, and why. */
export const updateHouseholdSchema = z
  .object({
    householdId: z.string().uuid(),
    baseVersion: versionInput,
    reason: z.string().trim().min(2, { message: "v.required" }).max(500, { message: "v.tooLong" }),
    changes: householdChangesSchema,
  })
  .strict();
