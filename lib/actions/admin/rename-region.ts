"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { regionScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { renameRegionSchema } from "@/lib/validation/admin";
import { actorOf, countyOf, regionAuditSelect } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Rename a node of the admin's scope (permission region.manage). */
export const renameRegion = defineAction({
  name: "admin.rename_region",
  permission: "region.manage",
  schema: renameRegionSchema,
  handler: async (input, viewer) => {
    const changed = await db().$transaction(async (tx) => {
      const before = await tx.region.findFirst({ where: { AND: [{ id: input.id }, regionScope(viewer)] }, select: regionAuditSelect });
      if (!before) throw new AppError("not_found");
      if (before.name === input.name && before.nameEn === input.nameEn) return false;
      const after = await tx.region.update({
        where: { id: before.id },
        data: { name: input.name, nameEn: input.nameEn },
        select: regionAuditSelect,
      });
      await audit(tx, actorOf(viewer), {
        action: "region.rename",
        entity: "region",
        entityId: before.id,
        countyId: countyOf(before.id),
        before,
        after,
      });
      return true;
    });
    if (!changed) return done(messageKey("admin.regions.unchanged"));
    revalidatePath("/admin/regions");
    return done(messageKey("admin.regions.renamed"));
  },
});
