"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { regionScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setHotlineSchema } from "@/lib/validation/admin";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Set or clear a county's help hotline (permission region.manage). */
export const setRegionHotline = defineAction({
  name: "admin.set_region_hotline",
  permission: "region.manage",
  schema: setHotlineSchema,
  handler: async (input, viewer) => {
    const changed = await db().$transaction(async (tx) => {
      const before = await tx.region.findFirst({
        where: { AND: [{ id: input.id }, { level: "county" }, regionScope(viewer)] },
        select: { id: true, hotline: true },
      });
      if (!before) throw new AppError("not_found");
      if (before.hotline === input.hotline) return false;
      await tx.region.update({ where: { id: before.id }, data: { hotline: input.hotline } });
      await audit(tx, actorOf(viewer), {
        action: "region.hotline",
        entity: "region",
        entityId: before.id,
        countyId: before.id,
        before: { hotline: before.hotline },
        after: { hotline: input.hotline },
      });
      return true;
    });
    if (!changed) return done(messageKey("admin.regions.unchanged"));
    revalidatePath("/admin/regions");
    return done(messageKey("admin.regions.hotlineSet"));
  },
});
