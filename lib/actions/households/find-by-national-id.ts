"use server";
// Find a household by a member's national ID — what a department's letter, a hotline call or an
// evaluator brings. Exact match, within the caller's scope only (out of scope is simply not
// found, the same answer as an ID nobody holds), a POST so the ID stays out of URLs and request
// logs, and every search a sensitive read in the audit history (the ID masked, the households
// found), whether or not anything was found.
import { defineAction } from "@/lib/actions/safe-action";
import { nationalIdSearchSchema } from "@/lib/validation/search";
import { findByNationalId, type IdSearchHit } from "@/lib/data/national-id-search";
import { auditSensitiveRead } from "@/lib/data/sensitive-reads";
import { maskNationalId } from "@/lib/domain/masking";

export const findHouseholdByNationalId = defineAction({
  name: "household.find_by_national_id",
  permission: "household.search",
  schema: nationalIdSearchSchema,
  handler: async ({ nationalId }, viewer): Promise<{ hits: IdSearchHit[] }> => {
    const hits = await findByNationalId(viewer, nationalId);
    await auditSensitiveRead(viewer, {
      entity: hits.length === 1 ? "household" : "county",
      entityId: hits.length === 1 ? hits[0]!.householdId : viewer.regionId,
      countyId: hits[0]?.countyId ?? (viewer.regionId.length >= 6 ? viewer.regionId.slice(0, 6) : null),
      fields: ["nationalId"],
      nationalIds: "masked",
      via: "national-id-search",
      rows: hits.length,
      filters: { nationalId: maskNationalId(nationalId), households: hits.map((h) => h.householdId) },
    });
    return { hits };
  },
});
