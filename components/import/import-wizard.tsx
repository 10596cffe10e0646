"use client";
// Choose the CSV (or .xlsx) files and, for CSV, their encoding → upload them (one PUT each, streamed to the server) → check them (a dry
// run, progress polled every second) → the problems as a table, or the counts and an Import
// button → import (polled the same way) → what was added.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { beginImport } from "@/lib/actions/import/begin-import";
import { runImport } from "@/lib/actions/import/run-import";
import { importProgress } from "@/lib/actions/import/import-progress";
import type { JobView } from "@/lib/import/jobs";
import { IMPORT_FILES } from "@/lib/import/spec";
import { IssueTable } from "./issue-table";
import { CountsTable } from "./counts-table";
import { buttonClass } from "@/components/ui/button-style";

const FILES: string[] = IMPORT_FILES.flatMap((f) => [f, f.replace(/\.csv$/, ".xlsx")]);
const ENCODINGS = ["auto", "utf-8", "gb18030"] as const;
type Step = "idle" | "uploading" | "running" | "finished";

export function ImportWizard({ maxBytes, pglite }: { maxBytes: number; pglite: boolean }) {
  const t = useTranslations("bulkImport");
  const router = useRouter();
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [encoding, setEncoding] = useState<(typeof ENCODINGS)[number]>("auto");
  const [step, setStep] = useState<Step>("idle");
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true; // (again: React's development mode mounts twice)
    return () => void (alive.current = false);
  }, []);

  const maxMb = Math.round(maxBytes / 1048576);
  const total = files.reduce((a, f) => a + f.size, 0);
  const unknown = files.filter((f) => !FILES.includes(f.name));
  const problems = [
    ...unknown.map((f) => t("errors.unknownFile", { name: f.name })),
    ...(total > maxBytes ? [t("errors.tooLarge", { maxMb })] : []),
  ];
  const busy = step === "uploading" || step === "running";

  const poll = useCallback(
    async (jobId: string) => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        if (!alive.current) return;
        const r = await importProgress(undefined, { jobId });
        if (!r.ok) {
          setError(r.message);
          setStep("finished");
          return;
        }
        const view = r.data as JobView;
        setJob(view);
        if (view.state === "done" || view.state === "failed") {
          setStep("finished");
          requestAnimationFrame(() => resultRef.current?.focus());
          if (view.report?.ok && !view.report.dryRun) router.refresh(); // the recent imports list
          return;
        }
      }
    },
    [router],
  );

  async function start(dryRun: boolean) {
    setError(null);
    let jobId = job?.id;
    if (dryRun) {
      setStep("uploading");
      setJob(null);
      const begun = await beginImport(undefined, {});
      if (!begun.ok || !begun.data) {
        setError(begun.ok ? t("errors.uploadFailed") : begun.message);
        setStep("idle");
        return;
      }
      jobId = (begun.data as { jobId: string }).jobId;
      for (const file of files) {
        const res = await fetch(`/admin/import/upload?job=${jobId}&name=${encodeURIComponent(file.name)}`, { method: "PUT", body: file });
        if (!res.ok) {
          setError(res.status === 413 ? t("errors.tooLarge", { maxMb }) : t("errors.uploadFailed"));
          setStep("idle");
          return;
        }
      }
    }
    if (!jobId) return;
    const started = await runImport(undefined, { jobId, dryRun, encoding });
    if (!started.ok) {
      setError(started.message);
      setStep(dryRun ? "idle" : "finished");
      return;
    }
    setJob(started.data as JobView);
    setStep("running");
    void poll(jobId);
  }

  function reset() {
    setFiles([]);
    setJob(null);
    setError(null);
    setStep("idle");
  }

  const report = job?.report ?? null;
  const p = job?.progress ?? null;
  const pct = p
    ? p.phase === "read" && p.totalBytes
      ? Math.min(100, Math.round((100 * p.bytes) / p.totalBytes))
      : p.phase === "assess" && p.total
        ? Math.round((100 * (p.done ?? 0)) / p.total)
        : p.phase === "done"
          ? 100
          : null
    : null;

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium">
          {t("files.label")}
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            setJob(null);
            setError(null);
            setStep("idle");
          }}
          aria-describedby={`${inputId}-hint`}
          aria-invalid={problems.length > 0}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2"
        />
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-stone-500">
          {t("files.hint", { maxMb })}
        </p>
      </div>

      <div>
        <label htmlFor={`${inputId}-encoding`} className="block text-sm font-medium">
          {t("encoding.label")}
        </label>
        <select
          id={`${inputId}-encoding`}
          value={encoding}
          disabled={busy}
          onChange={(e) => setEncoding(e.target.value as typeof encoding)}
          aria-describedby={`${inputId}-encoding-hint`}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 text-base sm:w-auto"
          data-testid="import-encoding"
        >
          {ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {t(`encoding.${e}`)}
            </option>
          ))}
        </select>
        <p id={`${inputId}-encoding-hint`} className="mt-1 text-xs text-stone-500">
          {t("encoding.hint")}
        </p>
      </div>

      {files.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">{t("files.selected")}</h3>
          <ul className="mt-1 divide-y divide-stone-100 text-sm">
            {files.map((f) => (
              <li key={f.name} className="flex justify-between gap-2 py-1">
                <span className={`font-mono text-xs ${FILES.includes(f.name) ? "" : "text-red-700"}`}>{f.name}</span>
                <span className="tabular-nums text-stone-600">
                  {t("files.size", { size: Math.max(1, Math.round(f.size / 1024)).toLocaleString() })}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-stone-500">
            {total < 1048576
              ? t("files.totalKb", { size: Math.max(1, Math.round(total / 1024)) })
              : t("files.total", { size: (total / 1048576).toFixed(1) })}
          </p>
        </div>
      )}

      {problems.length > 0 && (
        <ul className="list-disc rounded-lg border border-red-200 bg-red-50 py-2 pl-8 pr-3 text-sm text-red-800" role="alert">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void start(true)}
          disabled={busy || files.length === 0 || problems.length > 0}
          className={buttonClass()}
        >
          {busy ? t("actions.busy") : t("actions.validate")}
        </button>
        {report?.ok && report.dryRun && step === "finished" && (
          <button
            type="button"
            onClick={() => void start(false)}
            className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
            data-testid="import-confirm"
          >
            {t("actions.import")}
          </button>
        )}
        {(files.length > 0 || job) && !busy && (
          <button type="button" onClick={reset} className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm hover:bg-stone-50">
            {t("actions.reset")}
          </button>
        )}
      </div>

      <div role="status" aria-live="polite" className="text-sm">
        {busy && (
          <div
            className="rounded-lg border border-stone-200 p-3"
            data-testid="import-progress"
            data-phase={step === "uploading" ? "upload" : (p?.phase ?? "read")}
          >
            <div className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">{step === "uploading" ? t("phase.upload") : t(`phase.${p?.phase ?? "read"}`)}</span>
              {p && p.phase === "read" && (
                <span className="tabular-nums text-stone-600">{t("progress.rows", { rows: p.rows, rate: p.rowsPerSecond })}</span>
              )}
              {p && p.phase === "assess" && (
                <span className="tabular-nums text-stone-600">{t("progress.households", { done: p.done ?? 0, total: p.total ?? 0 })}</span>
              )}
            </div>
            <div
              className="mt-2 h-2 overflow-hidden rounded bg-stone-200"
              role="progressbar"
              aria-label={t("progress.label")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct ?? undefined}
            >
              <div
                className={`h-full bg-emerald-600 ${pct === null ? "w-1/3 animate-pulse" : ""}`}
                style={pct === null ? undefined : { width: `${pct}%` }}
              />
            </div>
            {p?.phase === "read" && p.file && <p className="mt-1 text-xs text-stone-500">{t("progress.file", { file: p.file })}</p>}
            {pglite && !job?.dryRun && <p className="mt-1 text-xs text-amber-800">{t("progress.pgliteNote")}</p>}
          </div>
        )}
        {error && <p className="rounded-lg bg-red-50 px-3 py-2 text-red-800">{error}</p>}
      </div>

      {step === "finished" && job?.state === "failed" && (
        <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <h3 ref={resultRef} tabIndex={-1} className="font-semibold">
            {t("phase.failed")}
          </h3>
          <p>{t("errors.internal", { ref: job.errorRef ?? "?" })}</p>
        </div>
      )}

      {step === "finished" && report && (
        <section aria-labelledby={`${inputId}-result`} className="space-y-3" data-testid="import-result" data-ok={report.ok}>
          {report.ok ? (
            <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
              <h3 id={`${inputId}-result`} ref={resultRef} tabIndex={-1} className="font-semibold">
                {report.dryRun ? t("result.validTitle") : t("result.doneTitle")}
              </h3>
              <p className="mt-1">
                {report.dryRun
                  ? t("result.valid", {
                      households: report.counts.households.inserted,
                      members: report.counts.members.inserted,
                      regions: report.counts.regions.inserted,
                      skipped: report.counts.households.skipped,
                    })
                  : t("result.done", {
                      households: report.counts.households.inserted,
                      members: report.counts.members.inserted,
                      regions: report.counts.regions.inserted,
                      skipped: report.counts.households.skipped,
                      assessments: report.counts.assessments,
                    })}{" "}
                {t("result.duration", { seconds: (report.durationMs / 1000).toFixed(1) })}
              </p>
              <p className="mt-1 text-xs" data-testid="import-encodings">
                {report.files
                  .map((f) =>
                    t("encoding.read", {
                      file: f.source,
                      how: f.format === "xlsx" ? t("encoding.xlsx") : f.encoding === "gb18030" ? "GB18030" : "UTF-8",
                    }),
                  )
                  .join(" · ")}
              </p>
            </div>
          ) : (
            <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              <h3 id={`${inputId}-result`} ref={resultRef} tabIndex={-1} className="font-semibold">
                {t("result.failedTitle", { count: report.issueCount })}
              </h3>
              <ul className="mt-1 text-xs">
                {Object.entries(report.issuesByFile).map(([file, count]) => (
                  <li key={file}>{t("result.byFile", { file: file === "-" ? "—" : file, count: count ?? 0 })}</li>
                ))}
              </ul>
              {report.truncated && (
                <p className="mt-1 text-xs">{t("result.truncated", { shown: report.issues.length, count: report.issueCount })}</p>
              )}
            </div>
          )}
          {!report.ok && report.issues.length > 0 && <IssueTable issues={report.issues} />}
          {report.ok && <CountsTable counts={report.counts} />}
        </section>
      )}

      {step === "idle" && !job && !error && files.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-center text-sm text-stone-500">{t("result.empty")}</p>
      )}
    </div>
  );
}
