"use server";
// The reviewer sends an item back for re-verification at its review, with the reason
// (permission decision.approve; the township reviewer at the township review, the county
// official at the county's approval; checked in the data layer). Writes: step reverify
// (decision "returned"), audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "./define";
import { stepSchema } from "@/lib/validation/procedure";
import { returnAtReview as back } from "@/lib/data/procedure/decisions";

type Out = { stage: string; version: number };

const run = defineProcedureAction({
  name: "procedure.return",
  permission: "decision.approve",
  schema: stepSchema,
  handler: async (input, viewer) => {
    const out = await back(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    revalidatePath("/procedure");
    return done<Out>("p.returned", { stage: out.stage, version: out.version });
  },
});

export async function returnAtReview(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  return run(prev, input);
}
