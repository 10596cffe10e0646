"use server";
import { searchRegions as search } from "@/lib/data/admin/regions";
import { defineAction } from "@/lib/actions/safe-action";
import { regionSearchSchema } from "@/lib/validation/admin";

/** Read-only: region nodes under the admin's scope matching a code prefix or a name, for pickers. */
export const searchRegions = defineAction({
  name: "admin.search_regions",
  permission: "user.manage",
  schema: regionSearchSchema,
  handler: async (input, viewer) => ({ ok: true, data: await search(viewer, input.q, input.role) }),
});
