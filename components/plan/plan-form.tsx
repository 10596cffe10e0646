"use client";
// The household's plan for a year (一户一策): causes (prefilled from the household), the measures
// chosen among the household's own, the expected per-capita income, the steps (one a line) and a
// note. The version read travels with it: a plan changed meanwhile is refused, not overwritten.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { savePlan } from "@/lib/actions/plans/save-plan";
import { savePlanSchema } from "@/lib/validation/plan";
import { POVERTY_CAUSES } from "@/lib/domain/measures";
import { CheckRow, ErrorSummary, FormSection as Section, SelectField, SubmitBar, TextAreaField, TextField } from "@/components/ui/form";
import { SavedPanel } from "@/components/ui/saved-panel";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { bindFields } from "@/components/ui/bind-fields";

export interface PlanFormValues {
  householdId: string;
  year: number;
  baseVersion?: number;
  mainCause: string;
  secondaryCauses: string[];
  expectedIncome: string;
  measureIds: string[];
  items: string;
  note: string;
}

export function PlanForm({ initial, measures }: { initial: PlanFormValues; measures: { id: string; label: string }[] }) {
  const t = useTranslations("plan.plan");
  const tAll = useTranslations();
  const [v, setV] = useState(initial);
  const toggle = (k: "secondaryCauses" | "measureIds", id: string) => (on: boolean) =>
    setV((cur) => ({ ...cur, [k]: on ? [...cur[k], id] : cur[k].filter((x) => x !== id) }));
  const labelOf = (k: string) =>
    ["mainCause", "secondaryCauses", "expectedIncome", "measureIds", "items", "note", "year"].includes(k)
      ? t(k === "measureIds" ? "measures" : (k as "note"))
      : k;
  const { state, pending, errors, summary, submit, fields } = useCheckedForm(savePlan, savePlanSchema);
  const field = bindFields(fields, v, (k, x) => setV((cur) => ({ ...cur, [k]: x })));
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    submit({ ...v });
  };
  if (state.ok && state.data) {
    return (
      <SavedPanel
        message={state.message ?? t("saved")}
        links={[{ href: `/households/${v.householdId}`, label: tAll("householdEdit.back"), primary: true }]}
      />
    );
  }
  const failed = !state.ok ? state.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <Section title={t("causes")}>
        <SelectField
          {...field("mainCause")}
          label={t("mainCause")}
          options={[{ value: "", label: "—" }, ...POVERTY_CAUSES.map((c) => ({ value: c, label: tAll(`causes.${c}`) }))]}
        />
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium">{t("secondaryCauses")}</legend>
          <div className="grid grid-cols-1 gap-1 min-[400px]:grid-cols-2">
            {POVERTY_CAUSES.filter((c) => c !== v.mainCause).map((c) => (
              <CheckRow
                key={c}
                id={`f-sc-${c}`}
                label={tAll(`causes.${c}`)}
                checked={v.secondaryCauses.includes(c)}
                onChange={toggle("secondaryCauses", c)}
              />
            ))}
          </div>
        </fieldset>
      </Section>
      <Section title={t("measures")}>
        {measures.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noMeasures")}</p>
        ) : (
          <fieldset className="space-y-1" id="f-measureIds">
            <legend className="sr-only">{t("measures")}</legend>
            {measures.map((m) => (
              <CheckRow
                key={m.id}
                id={`f-m-${m.id}`}
                label={m.label}
                checked={v.measureIds.includes(m.id)}
                onChange={toggle("measureIds", m.id)}
              />
            ))}
          </fieldset>
        )}
        <TextField {...field("expectedIncome")} label={t("expectedIncome")} inputMode="decimal" required hint={t("expectedIncomeHint")} />
      </Section>
      <Section title={t("items")}>
        <TextAreaField {...field("items")} label={t("items")} rows={5} hint={t("itemsHint")} />
        <TextAreaField {...field("note")} label={t("note")} rows={2} maxLength={1000} />
      </Section>
      <ErrorSummary ref={summary} title={t("errorSummary")} message={failed} errors={errors} idPrefix={fields.idPrefix} labelOf={labelOf} />
      <SubmitBar pending={pending} label={t("submit")} pendingLabel={t("saving")} />
    </form>
  );
}
