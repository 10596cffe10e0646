"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/auth/errors";
import { regionScope } from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { CHILD_LEVEL, createRegionSchema } from "@/lib/validation/admin";
import { actorOf, countyOf, regionAuditSelect } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Add a child node under a node of the admin's scope (permission region.manage). */
export const createRegion = defineAction({
  name: "admin.create_region",
  permission: "region.manage",
  schema: createRegionSchema,
  handler: async (input, viewer) => {
    try {
      await db().$transaction(async (tx) => {
        const parent = await tx.region.findFirst({
          where: { AND: [{ id: input.parentId }, regionScope(viewer)] },
          select: { id: true, level: true, zone: true },
        });
        if (!parent) throw new AppError("not_found");
        const level = CHILD_LEVEL[parent.level];
        if (!level) throw fieldError("parentId", messageKey("admin.v.noChildren"));
        const clash = await tx.region.findUnique({ where: { id: input.id }, select: { id: true } });
        if (clash) throw fieldError("id", messageKey("admin.v.regionExists"));
        // the zone is set on provinces and copied down for quick reads
        const created = await tx.region.create({
          data: { id: input.id, parentId: parent.id, level, name: input.name, zone: parent.zone },
          select: regionAuditSelect,
        });
        await audit(tx, actorOf(viewer), {
          action: "region.create",
          entity: "region",
          entityId: created.id,
          countyId: countyOf(created.id),
          after: created,
        });
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
        throw fieldError("id", messageKey("admin.v.regionExists"));
      throw e;
    }
    revalidatePath("/admin/regions");
    return done(messageKey("admin.regions.created"), { id: input.id });
  },
});
