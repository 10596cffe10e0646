"use server";
// The tap that shows one member's national ID in full (audited as a sensitive read).
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { revealNationalIdSchema } from "@/lib/validation/household-edit";
import { revealNationalId as reveal } from "@/lib/data/national-id-reveal";

export const revealNationalId = defineAction({
  name: "household.reveal_national_id",
  permission: "household.read", // and, in lib/data/national-id-reveal.ts, a role that sees IDs in full
  schema: revealNationalIdSchema,
  handler: async (input, viewer): Promise<ActionResult<{ nationalId: string | null }>> => ({
    ok: true,
    data: { nationalId: await reveal(viewer, input) },
  }),
});
