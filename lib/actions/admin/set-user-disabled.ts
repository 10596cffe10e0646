"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { usersInScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setUserDisabledSchema } from "@/lib/validation/admin";
import { actorOf, countyOf, userAuditSelect } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Disable or enable a user in the admin's scope (permission user.manage); never oneself. */
export const setUserDisabled = defineAction({
  name: "admin.set_user_disabled",
  permission: "user.manage",
  schema: setUserDisabledSchema,
  handler: async (input, viewer) => {
    if (input.userId === viewer.id && input.disabled) throw new AppError("invalid", messageKey("admin.users.cannotDisableSelf"));
    const changed = await db().$transaction(async (tx) => {
      const before = await tx.user.findFirst({ where: { AND: [{ id: input.userId }, usersInScope(viewer)] }, select: userAuditSelect });
      if (!before) throw new AppError("not_found");
      if (before.disabled === input.disabled) return false;
      // bumping the session version ends the user's live sessions at once
      const after = await tx.user.update({
        where: { id: before.id },
        data: { disabled: input.disabled, sessionVersion: { increment: 1 } },
        select: userAuditSelect,
      });
      await audit(tx, actorOf(viewer), {
        action: input.disabled ? "user.disable" : "user.enable",
        entity: "user",
        entityId: before.id,
        countyId: countyOf(before.regionId),
        before,
        after,
      });
      return true;
    });
    if (!changed) return done(input.disabled ? messageKey("admin.users.alreadyDisabled") : messageKey("admin.users.alreadyEnabled"));
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${input.userId}`);
    return done(input.disabled ? messageKey("admin.users.disabledDone") : messageKey("admin.users.enabledDone"));
  },
});
