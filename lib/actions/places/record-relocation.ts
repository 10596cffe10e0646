"use server";
// An official in scope records (or corrects) a household's relocation (易地扶贫搬迁): destination,
// how it was settled, floor area, own contribution (capped by the policy: a field error above it),
// the move, demolition and reclamation, follow-up support. Versioned, audited, one transaction.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { relocationSchema } from "@/lib/validation/relocation";
import { saveRelocation } from "@/lib/data/relocation";

export const recordRelocation = defineAction({
  name: "places.record_relocation",
  permission: "places.record",
  schema: relocationSchema,
  handler: async (input, viewer) => {
    const out = await saveRelocation(viewer, input);
    revalidatePath(`/households/${input.householdId}`);
    revalidatePath("/county/relocation");
    return done("places.relocation.saved", out);
  },
});
