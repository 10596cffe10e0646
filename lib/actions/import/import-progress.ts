"use server";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { importProgressSchema } from "@/lib/validation/import";
import { jobOf, viewOf } from "@/lib/import/jobs";

/** A job's state, progress and (when it ends) its report, for the page's poll. */
export const importProgress = defineAction({
  name: "import.progress",
  permission: "data.import",
  schema: importProgressSchema,
  handler: async ({ jobId }, viewer) => {
    const job = jobOf(jobId, viewer.id);
    if (!job) {
      // another user's job (or one a restart forgot): not found, and recorded like every refusal
      await audit(
        db(),
        { id: viewer.id, role: viewer.role },
        { action: "access.denied", entity: "import_job", entityId: jobId, after: { code: "not_found" } },
      ).catch(() => {});
      return { ok: false as const, code: "not_found", message: (await getTranslations("bulkImport"))("errors.jobMissing") };
    }
    return viewOf(job);
  },
});
