"use server";
// Read-only, for the cadre picker: enabled cadres of the official's county whose name matches.
import { defineAction } from "@/lib/actions/safe-action";
import { cadreSearchSchema } from "@/lib/validation/county";
import { reviewCounty } from "@/lib/data/county";
import { searchCountyCadres } from "@/lib/data/county-assignments";

export const searchCadres = defineAction({
  name: "county.search_cadres",
  permission: "assignment.manage",
  schema: cadreSearchSchema,
  handler: async (input, viewer) => {
    const county = await reviewCounty(viewer);
    return { ok: true as const, data: await searchCountyCadres(county.id, input.q, input.near) };
  },
});
