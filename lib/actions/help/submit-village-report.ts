"use server";
// Anyone reports a household in difficulty on the village's public form (QR poster).
import { defineAction } from "@/lib/actions/safe-action";
import { getTranslations } from "next-intl/server";
import { villageReportSchema } from "@/lib/validation/help";
import { receiveVillageReport } from "@/lib/data/help";
import type { ReportReceipt } from "./submit-card-report";

export const submitVillageReport = defineAction({
  public: true,
  name: "help.village_report",
  schema: villageReportSchema,
  handler: async (input, ctx): Promise<ReportReceipt> => {
    const t = await getTranslations("help");
    const r = await receiveVillageReport(input, ctx);
    return {
      id: r.id,
      deadline: r.deadline,
      statusPath: r.statusToken ? `/help/${input.villageId}/status/${r.statusToken}` : null,
      message: t("received", { deadline: r.deadline }),
    };
  },
});
