import { z } from "zod";
import { householdChangesSchema } from "./household-changes";

/** A correction of a household's facts: the version the person saw, the changes, and why. */
export const updateHouseholdSchema = z
  .object({
    householdId: z.string().uuid(),
    baseVersion: z.coerce.number().int().min(1),
    reason: z.string().trim().min(2, { message: "v.required" }).max(500, { message: "v.tooLong" }),
    changes: householdChangesSchema,
  })
  .strict();
