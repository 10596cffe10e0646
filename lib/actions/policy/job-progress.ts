"use server";
import { defineAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import { jobProgressSchema } from "@/lib/validation/policy";

/** Progress of a recompute job, for the page's progress bar. */
export const jobProgress = defineAction({
  name: "policy.job_progress",
  permission: "policy.edit",
  schema: jobProgressSchema,
  handler: async ({ id }, viewer) => {
    // a job of the admin's region, or one the admin started (a national policy change): else not found
    const job = await db().recomputeJob.findFirst({
      where: { id, OR: [{ regionId: { startsWith: viewer.regionId } }, { createdById: viewer.id }] },
      select: { id: true, state: true, total: true, done: true, error: true, regionId: true },
    });
    if (!job) throw new AppError("not_found");
    return job;
  },
});
