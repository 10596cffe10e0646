"use server";
// Send a proposal with an open objection back for re-verification (the village's facilitator or
// an official over it; checked in the data layer). Writes: step reverify, audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "./define";
import { stepSchema } from "@/lib/validation/procedure";
import { sendBack as back } from "@/lib/data/procedure/decisions";

type Out = { stage: string; version: number };

const run = defineProcedureAction({
  name: "procedure.reverify",
  permission: null,
  schema: stepSchema,
  handler: async (input, viewer) => {
    const out = await back(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done<Out>("p.sentBack", { stage: out.stage, version: out.version });
  },
});

export async function sendBack(prev: ActionResult<Out> | undefined, input: FormData | Record<string, unknown>): Promise<ActionResult<Out>> {
  return run(prev, input);
}
