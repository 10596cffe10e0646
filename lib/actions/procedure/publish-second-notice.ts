"use server";
// Second public notice (identification, after township review), by the village's facilitator or
// the township reviewer (checked in the data layer). Writes: notice, items, step second_notice, audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "./define";
import { secondNoticeSchema } from "@/lib/validation/procedure";
import { publishSecondNotice as publish, type PublishOutcome } from "@/lib/data/procedure/notices";

const run = defineProcedureAction({
  name: "notice.publish_second",
  permission: null,
  schema: secondNoticeSchema,
  handler: async (input, viewer) => {
    const out = await publish(viewer, input);
    for (const id of input.proposalIds) revalidatePath(`/procedure/${id}`);
    revalidatePath("/procedure");
    return done(out.replay ? "p.alreadySaved" : "p.noticePublished", out);
  },
});

export async function publishSecondNotice(
  prev: ActionResult<PublishOutcome> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<PublishOutcome>> {
  return run(prev, input);
}
