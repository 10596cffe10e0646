"use server";
// A county official gives several households to a team of cadres, round-robin: the households
// ticked on the list, or every household matching the list's filter (checked against the count
// the official saw). One transaction, one audit event per household, with the reason.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { assignBulkSchema } from "@/lib/validation/county";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import { reviewCounty } from "@/lib/data/county";
import { applyAssignments, assignableIds, BULK_LIMIT, checkCadres, householdsInCounty, roundRobin } from "@/lib/data/county-assignments";

export const bulkAssign = defineAction({
  name: "county.bulk_assign",
  permission: "assignment.manage",
  schema: assignBulkSchema,
  handler: async (input, viewer) => {
    const t = await getTranslations("county.assign");
    const county = await reviewCounty(viewer);
    const team = [...new Set(input.cadreIds)];
    const problems = await checkCadres(county.id, team);
    if (problems.size) {
      const messages = [...problems.values()].map((p) => t(`problem.${p}`));
      throw new AppError("invalid", messages[0]!, { fieldErrors: { cadreIds: [...new Set(messages)] } });
    }
    let ids: string[];
    if (input.mode === "selected") {
      const wanted = [...new Set(input.householdIds)];
      ids = await householdsInCounty(viewer, county.id, wanted);
      if (ids.length !== wanted.length) throw new AppError("not_found", "household not in county", { missing: wanted.length - ids.length });
    } else {
      ids = await assignableIds(viewer, county.id, input, BULK_LIMIT + 1);
      if (ids.length > BULK_LIMIT) throw new AppError("invalid", t("tooMany", { limit: BULK_LIMIT }));
      if (input.expected !== undefined && input.expected !== ids.length) {
        throw new AppError("conflict", t("countChanged", { expected: input.expected, now: ids.length }));
      }
    }
    if (ids.length === 0) throw new AppError("invalid", t("nothingMatches"), { fieldErrors: { householdIds: [t("nothingMatches")] } });
    const outcome = await db().$transaction((tx) => applyAssignments(tx, viewer, county.id, roundRobin(ids, team), input.reason), {
      timeout: 120_000,
      maxWait: 10_000,
    });
    revalidatePath("/county", "layout");
    return {
      ok: true as const,
      data: outcome,
      message: t(outcome.unchanged ? "savedMany" : "savedManyAll", {
        changed: outcome.changed,
        unchanged: outcome.unchanged,
        cadres: team.length,
      }),
    };
  },
});
