"use server";
// A county official gives one household a cadre, or moves it to another: the old assignment
// ends now (the old cadre loses access at once), the new one starts now, audited with the
// reason — one transaction. A cadre from outside the county is a field error, never a 500.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { assignOneSchema } from "@/lib/validation/county";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import { reviewCounty } from "@/lib/data/county";
import { applyAssignments, checkCadres, householdsInCounty } from "@/lib/data/county-assignments";

export const assignHousehold = defineAction({
  name: "county.assign_household",
  permission: "assignment.manage",
  schema: assignOneSchema,
  handler: async (input, viewer) => {
    const t = await getTranslations("county.assign");
    const county = await reviewCounty(viewer);
    const [inCounty] = await householdsInCounty(viewer, county.id, [input.householdId]);
    if (!inCounty) throw new AppError("not_found", "household not in county", { householdId: input.householdId.slice(0, 64) });
    const problem = (await checkCadres(county.id, [input.cadreId])).get(input.cadreId);
    if (problem) throw new AppError("invalid", t(`problem.${problem}`), { fieldErrors: { cadreId: [t(`problem.${problem}`)] } });
    const outcome = await db().$transaction((tx) =>
      applyAssignments(tx, viewer, county.id, [{ householdId: inCounty, cadreId: input.cadreId }], input.reason),
    );
    revalidatePath("/county", "layout");
    return { ok: true as const, data: outcome, message: outcome.changed ? t("savedOne") : t("unchanged") };
  },
});
