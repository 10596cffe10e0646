"use client";
import { useTranslations } from "next-intl";
import { loadDepartmentFeed } from "@/lib/actions/feeds/load-feed";
import { SelectField, StatusLine, SubmitButton, TextField, errorsAt, fieldId } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type { loadFeedSchema } from "@/lib/validation/feeds";
import { DEPARTMENTS } from "@/lib/domain/feeds";

/** Upload one department's file: checked first, the report lists every problem by file, row, column and rule. */
export function FeedUploadForm({ today, scopeHint }: { today: string; scopeHint: string }) {
  const t = useTranslations("feeds");
  const { state, dispatch: action, pending, fields } = useFormAction(loadDepartmentFeed, schemaOf<typeof loadFeedSchema>());
  const id = fieldId(fields.idPrefix, "file");
  const errors = errorsAt(fields, "file");
  const report = state.ok ? state.data?.report : undefined;
  const where = (i: {
    file: string | null;
    row: number | null;
    column: string | null;
    rule: string;
    params?: Record<string, string | number>;
  }) => {
    const message = t(`rules.${i.rule}` as "rules.required", i.params ?? {});
    const w = i.row === null ? t("where.file", { file: i.file ?? "" }) : t("where.row", { file: i.file ?? "", row: i.row });
    return i.column ? t("where.withColumn", { where: w, column: i.column, message }) : t("where.noColumn", { where: w, message });
  };
  return (
    <form action={action} noValidate className="space-y-3" data-testid="feed-upload">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          name="department"
          label={t("upload.department")}
          form={fields}
          required
          options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
        />
        <TextField name="asOf" type="date" label={t("upload.asOf")} form={fields} max={today} defaultValue={today} required />
        <TextField name="scopeId" label={t("upload.scope")} form={fields} inputMode="numeric" placeholder={scopeHint} maxLength={12} />
      </div>
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {t("upload.file")}
        </label>
        <input
          id={id}
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ")}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {t("upload.hint")}
        </p>
        {errors?.length ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <StatusLine state={state} />
      {report && (
        <div role="status" className="space-y-2 rounded border border-stone-200 bg-stone-50 p-3 text-sm" data-testid="feed-report">
          {report.ok ? (
            <p>{report.replay ? t("report.replay") : t("report.ok", report.counts)}</p>
          ) : (
            <p className="font-medium text-red-800">{t("report.failed", { count: report.issueCount })}</p>
          )}
          {report.issues.length > 0 && (
            <ul className="max-h-80 list-disc overflow-y-auto pl-6 text-red-800" tabIndex={0}>
              {report.issues.map((i, n) => (
                <li key={n}>{where(i)}</li>
              ))}
            </ul>
          )}
          {report.ok && report.unmatchedRows.length > 0 && (
            <p className="text-stone-700">{t("report.unmatched", { rows: report.unmatchedRows.join("、") })}</p>
          )}
          <p className="break-all font-mono text-xs text-stone-500">SHA-256 {report.file.sha256}</p>
        </div>
      )}
      <SubmitButton showPending pending={pending}>
        {t("upload.submit")}
      </SubmitButton>
    </form>
  );
}
