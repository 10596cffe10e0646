"use server";
// The announcement (公告) of county-approved items of one village (permission decision.approve: a
// county-scoped official of the county). The only action that changes registered status: per
// item, step announced + household status + RegistrationChange / MonitoringPeriod + version bump
// + recompute + audit, all in one transaction.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { announceSchema } from "@/lib/validation/procedure";
import { announce as publish } from "@/lib/data/procedure/notices";
import { messageKey } from "@/i18n/keys";

export const announce = defineAction({
  name: "notice.announce",
  permission: "decision.approve",
  schema: announceSchema,
  handler: async (input, viewer) => {
    const out = await publish(viewer, input);
    for (const id of input.proposalIds) revalidatePath(`/procedure/${id}`);
    revalidatePath("/procedure");
    return done(out.replay ? messageKey("procedure.validation.alreadySaved") : messageKey("procedure.validation.announced"), out);
  },
});
