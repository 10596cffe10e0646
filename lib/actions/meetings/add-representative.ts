"use server";
// Add a representative to the facilitator's village assembly (permission meeting.run).
// Writes: representative, audit. The device makes the id: a doubled submission stores once.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { addRepresentativeSchema } from "@/lib/validation/procedure";
import { addRepresentative as add } from "@/lib/data/procedure/meetings";

type Out = { id: string; name: string; replay: boolean };

const run = defineProcedureAction({
  name: "representative.add",
  permission: "meeting.run",
  schema: addRepresentativeSchema,
  handler: async (input, viewer) => {
    const out = await add(viewer, input);
    revalidatePath("/meetings/representatives");
    return done(out.replay ? "p.alreadySaved" : "p.representativeAdded", out);
  },
});

export async function addRepresentative(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  return run(prev, input);
}
