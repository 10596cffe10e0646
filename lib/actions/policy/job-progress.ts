"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";

/** Progress of a recompute job, for the page's progress bar. */
export const jobProgress = defineAction({
  name: "policy.job_progress",
  permission: "policy.edit",
  schema: z.object({ id: z.string().uuid() }).strict(),
  handler: async ({ id }) => {
    const job = await db().recomputeJob.findUnique({ where: { id }, select: { id: true, state: true, total: true, done: true, error: true, regionId: true } });
    if (!job) throw new AppError("not_found");
    return job;
  },
});
