"use server";
// An admin or county official loads a department's file for people of their own area
// (docs/department-feeds.md): checked first, all or nothing, the report naming file, row,
// column and rule; the same file again creates nothing twice.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action";
import { loadFeedSchema } from "@/lib/validation/feeds";
import { loadFeedFor } from "@/lib/data/feeds";

export const loadDepartmentFeed = defineAction({
  name: "feed.load",
  permission: "feed.load",
  schema: loadFeedSchema,
  handler: async (input, viewer) => {
    const report = await loadFeedFor(viewer, input);
    if (report.ok && !report.replay) revalidatePath("/county/feeds");
    // wrapped: the report has its own `ok` (the file's check), which is not the action's result
    return { report };
  },
});
