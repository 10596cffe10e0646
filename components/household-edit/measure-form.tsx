"use client";
// Recording one assistance measure (帮扶措施) for a household: category, what was done, amount
// (≥ 0), start and optional end (not before the start). Checked here, checked again on the server.
import { startTransition, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { MEASURE_CATEGORIES, addMeasureSchema, measureProblems } from "@/lib/validation/household-register";
import {
  ErrorSummary,
  FormSection as Section,
  SelectField,
  SubmitBar,
  TextAreaField,
  TextField,
  formFields,
  issuesToErrors,
  type ErrorMap,
} from "@/components/ui/form";
import { SavedPanel } from "@/components/ui/saved-panel";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

const FIELDS = ["category", "description", "amount", "startDate", "endDate"] as const;

export function MeasureForm({ householdId, today }: { householdId: string; today: string }) {
  const t = useTranslations("householdEdit");
  const tAll = useTranslations();
  const tv = useTranslations("validation");
  const [v, setV] = useState({ category: "", description: "", amount: "0", startDate: today, endDate: "" });
  // made once per form: a retried (or doubled) submission stores one measure
  const [id] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<ErrorMap>({});
  const summary = useRef<HTMLDivElement>(null);
  const set = (k: keyof typeof v) => (x: string) => setV((cur) => ({ ...cur, [k]: x }));
  const labelOf = (k: string) => ((FIELDS as readonly string[]).includes(k) ? t(`measure.${k}` as never) : k);

  const fields = formFields<typeof addMeasureSchema>("f-", errors);
  // a refusal: the server's errors (already keyed by field) shown, the summary focused — as the action settles
  const { state, dispatch, pending } = useFormAction(addMeasure, schemaOf<typeof addMeasureSchema>(), {
    onFailure: (r) => {
      if (!r.ok && r.fieldErrors) setErrors(r.fieldErrors);
      requestAnimationFrame(() => summary.current?.focus());
    },
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const payload = { id, householdId, ...v };
    const check = addMeasureSchema.safeParse(payload);
    const map: ErrorMap = check.success ? {} : issuesToErrors(check.error.issues, (k) => tv(k), tAll("errors.invalid"));
    if (!v.category) map.category = [tv("required")];
    for (const [f, key] of Object.entries(measureProblems(v))) (map[f] ??= []).push(t(`problems.${key}` as never));
    if (Object.keys(map).length) {
      setErrors(map);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    startTransition(() => dispatch(payload));
  };

  if (state.ok && state.data) {
    return (
      <SavedPanel
        message={state.message ?? t("measure.saved")}
        links={[
          { href: `/households/${householdId}`, label: t("back"), primary: true },
          { href: `/households/${householdId}/measures/new`, label: t("measure.another") },
        ]}
      />
    );
  }
  const failed = !state.ok ? state.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <Section title={t("measure.title")}>
        <SelectField
          form={fields}
          name="category"
          label={t("measure.category")}
          value={v.category}
          onChange={set("category")}
          required
          options={[
            { value: "", label: t("measure.choose") },
            ...MEASURE_CATEGORIES.map((c) => ({ value: c, label: tAll(`measure.${c}`) })),
          ]}
        />
        <TextAreaField
          form={fields}
          name="description"
          label={t("measure.description")}
          value={v.description}
          onChange={set("description")}
          required
          rows={4}
          maxLength={1000}
          hint={t("measure.descriptionHint")}
        />
        <TextField
          form={fields}
          name="amount"
          label={t("measure.amount")}
          value={v.amount}
          onChange={set("amount")}
          inputMode="decimal"
          required
          hint={t("measure.amountHint")}
        />
        <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
          <TextField
            form={fields}
            name="startDate"
            type="date"
            label={t("measure.startDate")}
            value={v.startDate}
            onChange={set("startDate")}
            required
          />
          <TextField
            form={fields}
            name="endDate"
            type="date"
            label={t("measure.endDate")}
            value={v.endDate}
            onChange={set("endDate")}
            min={v.startDate || undefined}
            hint={t("measure.endDateHint")}
          />
        </div>
      </Section>
      <ErrorSummary
        ref={summary}
        title={t("measure.errorSummary")}
        message={failed}
        errors={errors}
        idPrefix={fields.idPrefix}
        labelOf={labelOf}
      />
      <SubmitBar pending={pending} label={t("measure.submit")} pendingLabel={t("measure.saving")} />
    </form>
  );
}
