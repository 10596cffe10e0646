"use server";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { runImportSchema } from "@/lib/validation/import";
import { anyRunning, jobOf, startJob, viewOf } from "@/lib/import/jobs";

/** Check (dryRun) or import the files uploaded for a job; the page then polls importProgress. */
export const runImport = defineAction({
  name: "import.run",
  permission: "data.import",
  schema: runImportSchema,
  handler: async ({ jobId, dryRun, encoding }, viewer) => {
    const t = await getTranslations("bulkImport");
    const job = jobOf(jobId, viewer.id);
    if (!job) {
      // another user's job (or one a restart forgot): not found, and recorded like every refusal
      await audit(
        db(),
        { id: viewer.id, role: viewer.role },
        { action: "access.denied", entity: "import_job", entityId: jobId, after: { code: "not_found" } },
      ).catch(() => {});
      return { ok: false as const, code: "not_found", message: t("errors.jobMissing") };
    }
    if (job.files.size === 0) return { ok: false as const, code: "invalid", message: t("errors.noFiles") };
    if (anyRunning()) return { ok: false as const, code: "conflict", message: t("errors.busy") };
    // importing needs a clean check of the same files first
    if (!dryRun && !(job.report?.ok && job.report.dryRun)) return { ok: false as const, code: "invalid", message: t("errors.checkFirst") };
    startJob(job, dryRun, encoding);
    return viewOf(job);
  },
});
