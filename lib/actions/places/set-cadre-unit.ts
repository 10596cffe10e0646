"use server";
// An official sets a pairing cadre's sending unit (结对帮扶: unit and cadre); the cadre's current
// pairings without a unit take it, earlier ones keep theirs.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { cadreUnitSchema } from "@/lib/validation/resident";
import { saveCadreUnit } from "@/lib/data/resident";

export const setCadreUnit = defineAction({
  name: "places.set_cadre_unit",
  permission: "places.record",
  schema: cadreUnitSchema,
  handler: async (input, viewer) => {
    const out = await saveCadreUnit(viewer, input);
    revalidatePath("/county/assignments");
    return done("places.teams.unitSaved", out, { n: out.updated });
  },
});
