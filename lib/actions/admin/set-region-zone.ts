"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { regionScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setZoneSchema } from "@/lib/validation/admin";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Set a province's zone (east / central / west) and copy it down (permission region.manage). */
export const setRegionZone = defineAction({
  name: "admin.set_region_zone",
  permission: "region.manage",
  schema: setZoneSchema,
  handler: async (input, viewer) => {
    const changed = await db().$transaction(async (tx) => {
      const before = await tx.region.findFirst({
        where: { AND: [{ id: input.id }, { level: "province" }, regionScope(viewer)] },
        select: { id: true, zone: true },
      });
      if (!before) throw new AppError("not_found");
      if (before.zone === input.zone) return false;
      await tx.region.update({ where: { id: before.id }, data: { zone: input.zone } });
      // copied down to every node beneath, so a village's zone is one read
      const below = await tx.region.updateMany({
        where: { id: { startsWith: before.id }, NOT: { id: before.id } },
        data: { zone: input.zone },
      });
      await audit(tx, actorOf(viewer), {
        action: "region.zone",
        entity: "region",
        entityId: before.id,
        before: { zone: before.zone },
        after: { zone: input.zone, copiedTo: below.count },
      });
      return true;
    });
    if (!changed) return done(messageKey("admin.regions.unchanged"));
    revalidatePath("/admin/regions");
    return done(messageKey("admin.regions.zoneSet"));
  },
});
