"use server";
// A household reports a difficulty from its card page (public: the card token is the only key).
import { defineAction } from "@/lib/actions/safe-action";
import { getTranslations } from "next-intl/server";
import { cardReportSchema } from "@/lib/validation/help";
import { receiveCardReport } from "@/lib/data/help";

export interface ReportReceipt {
  id: string;
  deadline: string;
  statusPath: string | null;
  message: string;
}

export const submitCardReport = defineAction({
  public: true,
  name: "help.card_report",
  schema: cardReportSchema,
  handler: async (input, ctx): Promise<ReportReceipt> => {
    const t = await getTranslations("help");
    const r = await receiveCardReport(input, ctx);
    return { id: r.id, deadline: r.deadline, statusPath: null, message: t("received", { deadline: r.deadline }) };
  },
});
