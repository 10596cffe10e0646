"use server";
// An objection lodged from the household card during a public notice about the household
// (public: the card token is the key). The procedure's lodgeObjectionFromCard records it open
// (source "card") after checking the proposal is this household's and a notice is running.
import { defineAction } from "@/lib/actions/safe-action";
import { getTranslations } from "next-intl/server";
import { cardObjectionSchema } from "@/lib/validation/help";
import { AppError } from "@/lib/auth/errors";
import { resolveCardToken } from "@/lib/data/card";
import { lodgeObjectionFromCard } from "@/lib/data/procedure/objections";
import { verifyPow } from "@/lib/security/pow";
import { addressKey } from "@/lib/security/secret";
import { claimOnce, hit, LIMITS } from "@/lib/ratelimit";
import { db } from "@/lib/db/client";
import { messageKey } from "@/i18n/keys";

export const lodgeCardObjection = defineAction({
  public: true,
  name: "card.objection",
  schema: cardObjectionSchema,
  handler: async (input, ctx): Promise<{ message: string }> => {
    const t = await getTranslations("help");
    const pow = verifyPow(input.challenge, input.nonce);
    if (!pow.ok) throw new AppError("invalid", pow.reason === "expired" ? messageKey("help.e.powExpired") : messageKey("help.e.pow"));
    if (!(await claimOnce(db(), `pow:${pow.id}`, new Date(pow.expiresAt)))) throw new AppError("invalid", messageKey("help.e.powUsed"));
    const limit = await hit(db(), `objection:addr:${addressKey(ctx.address)}`, LIMITS.objectionPerAddress);
    if (!limit.ok) throw new AppError("rate_limited", messageKey("help.e.tooMany"));
    const card = await resolveCardToken(db(), input.token);
    if (!card) throw new AppError("not_found");
    await lodgeObjectionFromCard(card.householdId, input.proposalId, input.text, input.contact);
    return { message: t("objection.lodged") };
  },
});
