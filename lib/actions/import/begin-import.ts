"use server";
import { defineAction } from "@/lib/actions/safe-action";
import { beginImportSchema } from "@/lib/validation/import";
import { createJob, MAX_UPLOAD_BYTES } from "@/lib/import/jobs";

/** A new bulk import: a folder for the files the page uploads next (to /admin/import/upload). */
export const beginImport = defineAction({
  name: "import.begin",
  permission: "data.import",
  schema: beginImportSchema,
  handler: async (_input, viewer) => {
    const job = createJob({ id: viewer.id, role: viewer.role }, viewer.regionId);
    return { jobId: job.id, maxBytes: MAX_UPLOAD_BYTES };
  },
});
