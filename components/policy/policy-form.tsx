"use client";
// A policy row for a year and a province (blank: carried from an earlier year or the nation),
// from the form kit; saving starts the recompute jobs, followed below the form.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { savePolicy } from "@/lib/actions/policy/save-policy";
import type { savePolicySchema } from "@/lib/validation/policy";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { POLICY_GROUPS } from "./groups";
import { JobProgress } from "./job-progress";
import type { KeyUnder } from "@/i18n/keys";

export function PolicyForm({ provinces, defaultYear }: { provinces: { id: string; name: string }[]; defaultYear: number }) {
  const t = useTranslations("policy");
  const tc = useTranslations("common");
  const { state, dispatch: action, pending, fields } = useFormAction(savePolicy, schemaOf<typeof savePolicySchema>());
  // controlled: the values survive React's reset of the form after its action runs
  const [values, setValues] = useState<Record<string, string>>({ year: String(defaultYear), provinceId: provinces[0]?.id ?? "" });
  const bind = (name: string) => ({ value: values[name] ?? "", onChange: (v: string) => setValues((old) => ({ ...old, [name]: v })) });
  const formError = state.ok ? undefined : state.fieldErrors?._form?.join("；");
  const jobs = state.ok && state.data ? (state.data as { jobs: string[] }).jobs : [];
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="flex flex-wrap gap-3">
        <TextField form={fields} name="year" label={t("year")} type="number" inputMode="numeric" className="w-28" {...bind("year")} />
        <SelectField
          form={fields}
          name="provinceId"
          label={t("scope")}
          options={provinces.map((p) => ({ value: p.id, label: p.name }))}
          {...bind("provinceId")}
        />
      </div>
      <p className="text-xs text-stone-500">{t("blankHint")}</p>
      {POLICY_GROUPS.map((g) => (
        <fieldset key={g.key} className="rounded-lg border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium">{t(`groups.${g.key as KeyUnder<"policy.groups">}`)}</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {g.keys.map((k) => (
              <TextField
                key={k}
                form={fields}
                name={k}
                label={t(`keys.${k}`)}
                type="number"
                step="any"
                min={0}
                inputMode="decimal"
                {...bind(k)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <TextField form={fields} name="note" label={t("note")} {...bind("note")} />
      <StatusLine state={state}>{formError ? `：${formError}` : null}</StatusLine>
      {jobs.map((id) => (
        <JobProgress key={id} id={id} />
      ))}
      <SubmitButton pending={pending} pendingLabel={tc("loading")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
