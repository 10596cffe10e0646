"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { regionScope } from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { fieldError, outOfScopeField } from "@/lib/auth/errors";
import { createUserSchema, scopeFitsRole } from "@/lib/validation/admin";
import { actorOf, countyOf, userAuditSelect } from "./shared";
import { messageKey } from "@/i18n/keys";

/** Create a user under the admin's scope (permission user.manage). */
export const createUser = defineAction({
  name: "admin.create_user",
  permission: "user.manage",
  schema: createUserSchema,
  handler: async (input, viewer) => {
    const passwordHash = await hashPassword(input.password);
    let created;
    try {
      created = await db().$transaction(async (tx) => {
        const region = await tx.region.findFirst({
          where: { AND: [{ id: input.regionId }, regionScope(viewer)] },
          select: { id: true, level: true },
        });
        // none, or not under the admin's node: the same answer, and the attempt is audited
        if (!region) throw outOfScopeField("regionId", messageKey("admin.v.regionNotFound"), { regionId: input.regionId });
        if (!scopeFitsRole(input.role, region.level)) throw fieldError("regionId", `admin.v.scopeLevel.${input.role}`);
        const taken = await tx.user.findFirst({
          where: { username: { equals: input.username, mode: "insensitive" } },
          select: { id: true },
        });
        if (taken) throw fieldError("username", messageKey("admin.v.usernameTaken"));
        const user = await tx.user.create({
          data: {
            username: input.username,
            name: input.name,
            phone: input.phone,
            role: input.role,
            regionId: region.id,
            passwordHash,
          },
          select: userAuditSelect,
        });
        await audit(tx, actorOf(viewer), {
          action: "user.create",
          entity: "user",
          entityId: user.id,
          countyId: countyOf(user.regionId),
          after: user,
        });
        return user;
      });
    } catch (e) {
      // two admins creating the same name at once: the unique index decides
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
        throw fieldError("username", messageKey("admin.v.usernameTaken"));
      throw e;
    }
    revalidatePath("/admin/users");
    revalidatePath("/admin");
    return done(messageKey("admin.users.created"), { id: created.id, username: created.username });
  },
});
