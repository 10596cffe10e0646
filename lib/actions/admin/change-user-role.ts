"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/auth/errors";
import { regionScope } from "@/lib/auth/scope";
import { usersInScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { changeRoleScopeSchema, scopeFitsRole } from "@/lib/validation/admin";
import { actorOf, countyOf, userAuditSelect } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Change a user's role and scope node, both within the admin's scope (permission user.manage). */
export const changeUserRole = defineAction({
  name: "admin.change_user_role",
  permission: "user.manage",
  schema: changeRoleScopeSchema,
  handler: async (input, viewer) => {
    if (input.userId === viewer.id) throw new AppError("invalid", messageKey("admin.users.cannotChangeSelf"));
    const changed = await db().$transaction(async (tx) => {
      const before = await tx.user.findFirst({ where: { AND: [{ id: input.userId }, usersInScope(viewer)] }, select: userAuditSelect });
      if (!before) throw new AppError("not_found");
      const region = await tx.region.findFirst({
        where: { AND: [{ id: input.regionId }, regionScope(viewer)] },
        select: { id: true, level: true },
      });
      if (!region) throw fieldError("regionId", messageKey("admin.v.regionNotFound"));
      if (!scopeFitsRole(input.role, region.level)) throw fieldError("regionId", `admin.v.scopeLevel.${input.role}`);
      if (before.role === input.role && before.regionId === region.id) return false;
      // bumping the session version ends the user's live sessions at once
      const after = await tx.user.update({
        where: { id: before.id },
        data: { role: input.role, regionId: region.id, sessionVersion: { increment: 1 } },
        select: userAuditSelect,
      });
      await audit(tx, actorOf(viewer), {
        action: "user.role_scope",
        entity: "user",
        entityId: before.id,
        countyId: countyOf(after.regionId) ?? countyOf(before.regionId),
        before,
        after,
      });
      return true;
    });
    if (!changed) return done(messageKey("admin.users.unchanged"));
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${input.userId}`);
    return done(messageKey("admin.users.roleChanged"));
  },
});
