"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { jobProgress } from "@/lib/actions/policy/job-progress";
import type { KeyUnder } from "@/i18n/keys";

interface Job {
  id: string;
  state: string;
  total: number;
  done: number;
  error: string | null;
  regionId: string;
}

/** A recompute job's progress, polled every second until it ends. */
export function JobProgress({ id, initial }: { id: string; initial?: Job }) {
  const t = useTranslations("policy");
  const [job, setJob] = useState<Job | undefined>(initial);
  useEffect(() => {
    let stop = false;
    const tick = async () => {
      const r = await jobProgress(undefined, { id });
      if (stop) return;
      if (r.ok && r.data) setJob(r.data as Job);
      const state = r.ok ? (r.data as Job).state : "failed";
      if (state === "queued" || state === "running") setTimeout(tick, 1000);
    };
    if (!initial || initial.state === "queued" || initial.state === "running") void tick();
    return () => {
      stop = true;
    };
  }, [id, initial]);
  if (!job) return null;
  const pct = job.total ? Math.round((100 * job.done) / job.total) : job.state === "done" ? 100 : 0;
  return (
    <div className="rounded border border-stone-200 p-2 text-sm" data-testid="job-progress" data-state={job.state}>
      <div className="flex justify-between gap-2">
        <span>
          {job.regionId || "*"} · {t(`state.${job.state as KeyUnder<"policy.state">}`)}
        </span>
        <span className="tabular-nums">{t("progress", { done: job.done, total: job.total })}</span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded bg-stone-200"
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={t("jobs")}
      >
        <div className={`h-full ${job.state === "failed" ? "bg-red-600" : "bg-emerald-600"}`} style={{ width: `${pct}%` }} />
      </div>
      {job.error && <p className="mt-1 text-red-700">{job.error}</p>}
    </div>
  );
}
