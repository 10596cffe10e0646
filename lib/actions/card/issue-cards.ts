"use server";
// Issue card tokens for a print job (one household, or a village's served households) and hand
// back the printable cards with their QR codes. Only hashes are stored, so this is the one
// moment a token exists in plain: households that already have a card are skipped unless
// "reissue" is ticked, which gives them a new code and ends the old card. One audited event.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { issueCardsSchema } from "@/lib/validation/help";
import { issueCards as issue } from "@/lib/data/card";
import { publicOrigin } from "@/lib/http/request";
import { cardPath, qrSvg } from "@/lib/card/qr";

export interface PrintableCard {
  householdId: string;
  number: string;
  headName: string;
  villageName: string;
  townshipName: string | null;
  cadreName: string | null;
  cadrePhone: string | null;
  hotline: string;
  url: string;
  svg: string;
}

export interface IssueResult {
  cards: PrintableCard[];
  issued: number;
  reissued: number;
  skipped: number;
}

export const issueCards = defineAction({
  name: "card.issue",
  permission: null, // cadres (their households) and county officials (their region): lib/data/card.ts
  schema: issueCardsSchema,
  handler: async (input, viewer): Promise<ActionResult<IssueResult>> => {
    const t = await getTranslations("card");
    const out = await issue(viewer, {
      householdId: input.householdId || undefined,
      villageId: input.villageId || undefined,
      reissue: input.reissue,
    });
    const origin = await publicOrigin();
    const cards = await Promise.all(
      out.cards.map(async ({ token, ...c }) => {
        const url = `${origin}${cardPath(token)}`;
        return { ...c, url, svg: await qrSvg(url) };
      }),
    );
    revalidatePath("/cards");
    const message = cards.length
      ? t("print.issued", { count: cards.length, reissued: out.reissued, skipped: out.skipped })
      : t("print.noneIssued", { skipped: out.skipped });
    return { ok: true, data: { cards, issued: out.issued, reissued: out.reissued, skipped: out.skipped }, message };
  },
});
