"use client";
import { useTranslations } from "next-intl";
import { importRegions } from "@/lib/actions/admin/import-regions";
import { StatusLine, SubmitButton, errorsAt, fieldId } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type { importRegionsSchema } from "@/lib/validation/admin";

/** Upload an official tree file; row errors are listed, and nothing is written if any. */
export function ImportRegionsForm() {
  const t = useTranslations("admin.import");
  const { state, dispatch: action, pending, fields } = useFormAction(importRegions, schemaOf<typeof importRegionsSchema>());
  const id = fieldId(fields.idPrefix, "file");
  const errors = errorsAt(fields, "file");
  const errorId = `${id}-error`;
  return (
    <form action={action} noValidate className="space-y-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {t("file")}
        </label>
        <input
          id={id}
          name="file"
          type="file"
          accept="application/json,.json"
          required
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={[`${id}-hint`, errors?.length ? errorId : ""].filter(Boolean).join(" ")}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {t("fileHint")}
        </p>
      </div>
      <StatusLine state={state}>
        {state.ok && state.data && <span className="mt-1 block text-xs">{t("summary", state.data)}</span>}
      </StatusLine>
      {errors?.length ? (
        <ul
          id={errorId}
          className="max-h-80 list-disc overflow-y-auto rounded border border-red-200 bg-red-50 py-2 pl-8 pr-3 text-sm text-red-800"
          tabIndex={0}
          aria-label={t("errorList")}
        >
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      <SubmitButton showPending pending={pending}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
