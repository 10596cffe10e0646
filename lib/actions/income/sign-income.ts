"use server";
// The household signs its income record read back to it: on the pad, or a photographed
// thumb-printed form. Writes: evidence, income_record (signed, never changed again), audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { signIncomeSchema } from "@/lib/validation/income-record";
import { signIncome as sign } from "@/lib/data/income-records";
import { messageKey } from "@/i18n/keys";

export const signIncome = defineAction({
  name: "income_record.sign",
  permission: "income.record",
  schema: signIncomeSchema,
  handler: async (input, viewer) => {
    const out = await sign(viewer, input);
    revalidatePath("/households/[id]", "page");
    return done(out.replay ? messageKey("countyRecords.income.alreadySigned") : messageKey("countyRecords.income.signed"), out);
  },
});
