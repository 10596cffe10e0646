"use server";
// A household reports a difficulty from its card page (public: the card token is the only key).
import { getTranslations } from "next-intl/server";
import { cardReportSchema } from "@/lib/validation/help";
import { receiveCardReport } from "@/lib/data/help";
import type { ActionResult } from "@/lib/actions/result";
import { definePublicAction } from "./public-action";

export interface ReportReceipt {
  id: string;
  deadline: string;
  statusPath: string | null;
  message: string;
}

const run = definePublicAction({
  name: "help.cardReport",
  schema: cardReportSchema,
  handler: async (input, ctx): Promise<ReportReceipt> => {
    const t = await getTranslations("help");
    const r = await receiveCardReport(input, ctx);
    return { id: r.id, deadline: r.deadline, statusPath: null, message: t("received", { deadline: r.deadline }) };
  },
});

export async function submitCardReport(
  prev: ActionResult<ReportReceipt> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<ReportReceipt>> {
  return run(prev, input);
}
