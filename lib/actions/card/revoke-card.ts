"use server";
// A lost card: its link stops working at once (audited with the reason). Print again to reissue.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import { revokeCardSchema } from "@/lib/validation/help";
import { revokeCard as revoke } from "@/lib/data/card";

export const revokeCard = defineAction({
  name: "card.revoke",
  permission: null, // cadres (their households) and county officials (their region): lib/data/card.ts
  schema: revokeCardSchema,
  handler: async (input, viewer): Promise<ActionResult> => {
    const t = await getTranslations("card");
    try {
      await revoke(viewer, input);
    } catch (e) {
      if (e instanceof AppError && e.code === "invalid") throw new AppError("invalid", t("print.noCard"));
      throw e;
    }
    revalidatePath("/cards");
    return { ok: true, message: t("print.revoked") };
  },
});
