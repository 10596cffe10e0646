"use server";
// A cadre corrects the facts of one of their households (indicators, income items, members).
// The change, the new assessment and the audit event are one transaction; a stale version is
// refused with who changed what and when.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action";
import { updateHouseholdSchema } from "@/lib/validation/household-edit";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import { applyHouseholdChanges } from "@/lib/data/household-changes";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordDenials, takenNationalIds, type Denial } from "@/lib/data/national-id-taken";
import { messageKey } from "@/i18n/keys";

function idRefused(message: "validation.nationalIdDuplicate" | "validation.nationalIdUnavailable"): AppError {
  return new AppError("invalid", message, { fieldErrors: { "changes.newMembers": [message] } });
}

export const updateHousehold = defineAction({
  name: "household.update",
  permission: "household.edit",
  schema: updateHouseholdSchema,
  handler: async (input, viewer) => {
    const denials: Denial[] = [];
    try {
      const result = await db().$transaction(async (tx) => {
        const h = await tx.household.findFirst({
          where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
          select: { id: true },
        });
        if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
        const ids = (input.changes.newMembers ?? []).map((m) => m.nationalId ?? "").filter(Boolean);
        const taken = await takenNationalIds(tx, viewer, ids, "household.update", denials);
        if (taken.inScope.size) throw idRefused(messageKey("validation.nationalIdDuplicate"));
        if (taken.outside.size) throw idRefused(messageKey("validation.nationalIdUnavailable")); // held elsewhere: not said where, nor that it is
        return applyHouseholdChanges(tx, {
          householdId: h.id,
          baseVersion: input.baseVersion,
          changes: input.changes,
          actor: { id: viewer.id, role: viewer.role },
          trigger: input.changes.members?.length || input.changes.newMembers?.length ? "member" : "edit",
          reason: input.reason,
        });
      });
      revalidatePath(`/households/${input.householdId}`);
      return { ok: true as const, data: { version: result.version, status: result.assessment?.status ?? null, changed: result.changed } };
    } catch (e) {
      await recordDenials(viewer, denials);
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        throw idRefused(messageKey("validation.nationalIdUnavailable")); // a race with another registration
      }
      throw e;
    }
  },
});
