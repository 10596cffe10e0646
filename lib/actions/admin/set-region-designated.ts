"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { regionScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setDesignatedSchema } from "@/lib/validation/admin";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

/**
 * Mark or unmark a village as a designated poor village (贫困村), permission region.manage;
 * the evaluation's stratified draw reads it when it freezes the list (decision 0017).
 */
export const setRegionDesignated = defineAction({
  name: "admin.set_region_designated",
  permission: "region.manage",
  schema: setDesignatedSchema,
  handler: async (input, viewer) => {
    const changed = await db().$transaction(async (tx) => {
      const before = await tx.region.findFirst({
        where: { AND: [{ id: input.id }, { level: "village" }, regionScope(viewer)] },
        select: { id: true, designatedPoor: true },
      });
      if (!before) throw new AppError("not_found");
      if (before.designatedPoor === input.designatedPoor) return false;
      await tx.region.update({ where: { id: before.id }, data: { designatedPoor: input.designatedPoor } });
      await audit(tx, actorOf(viewer), {
        action: "region.designated",
        entity: "region",
        entityId: before.id,
        countyId: before.id.slice(0, 6),
        before: { designatedPoor: before.designatedPoor },
        after: { designatedPoor: input.designatedPoor },
      });
      return true;
    });
    if (!changed) return done(messageKey("admin.regions.unchanged"));
    revalidatePath("/admin/regions");
    return done(input.designatedPoor ? messageKey("admin.regions.designatedSet") : messageKey("admin.regions.designatedCleared"));
  },
});
