"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { usersInScope } from "@/lib/auth/scope";
import { done, defineAction } from "@/lib/actions/safe-action";
import { resetPasswordSchema } from "@/lib/validation/admin";
import { actorOf, countyOf } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Set a new password for a user in the admin's scope (permission user.manage). */
export const resetUserPassword = defineAction({
  name: "admin.reset_user_password",
  permission: "user.manage",
  schema: resetPasswordSchema,
  handler: async (input, viewer) => {
    const passwordHash = await hashPassword(input.password);
    await db().$transaction(async (tx) => {
      const before = await tx.user.findFirst({
        where: { AND: [{ id: input.userId }, usersInScope(viewer)] },
        select: { id: true, username: true, regionId: true, sessionVersion: true },
      });
      if (!before) throw new AppError("not_found");
      const after = await tx.user.update({
        where: { id: before.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: { sessionVersion: true },
      });
      // a new password also lifts a sign-in lock on the account
      await tx.loginThrottle.deleteMany({ where: { key: `user:${before.username.toLowerCase()}` } });
      await audit(tx, actorOf(viewer), {
        action: "user.password_reset",
        entity: "user",
        entityId: before.id,
        countyId: countyOf(before.regionId),
        // never the hash: only that it changed, and the session version it ended
        before: { sessionVersion: before.sessionVersion },
        after: { sessionVersion: after.sessionVersion, passwordChanged: true },
      });
    });
    revalidatePath(`/admin/users/${input.userId}`);
    return done(messageKey("admin.users.passwordReset"));
  },
});
