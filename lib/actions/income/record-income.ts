"use server";
// The annual income record (收入核算): a cadre for an assigned household, or an official over its
// region, records the year's itemised income; a correction of a signed record is a new revision.
// Writes: income_record (and the superseded one's current flag), audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { recordIncomeSchema } from "@/lib/validation/income-record";
import { recordIncome as record } from "@/lib/data/income-records";
import { messageKey } from "@/i18n/keys";

export const recordIncome = defineAction({
  name: "income_record.record",
  permission: "income.record",
  schema: recordIncomeSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/households/${input.householdId}`);
    return done(out.replay ? messageKey("countyRecords.income.alreadySaved") : messageKey("countyRecords.income.saved"), out);
  },
});
