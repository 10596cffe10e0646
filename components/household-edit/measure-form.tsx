"use client";
// Recording one assistance measure (帮扶措施) for a household: its kind, the cause or risk it answers,
// what was done, amount (≥ 0), start and optional end (not before the start), and the kind's own
// details (a microcredit's loan, a job's post and pay). Checked here, checked again on the server.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { isOneOf } from "@/i18n/keys";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { MEASURE_ANSWERS, measureSchema, measureProblems } from "@/lib/validation/measure";
import { LOAN_STATUSES, MEASURE_KINDS, MEASURE_RISKS, detailsOf, type MeasureDetail, type MeasureKind } from "@/lib/domain/measures";
import { ErrorSummary, FormSection as Section, SelectField, SubmitBar, TextAreaField, TextField } from "@/components/ui/form";
import { SavedPanel } from "@/components/ui/saved-panel";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { bindFields } from "@/components/ui/bind-fields";

const TEXT_FIELDS = ["description", "amount", "startDate", "endDate"] as const;
const BASE = ["kind", "answers", ...TEXT_FIELDS] as const;
const DETAILS = ["bank", "termMonths", "interestSubsidy", "loanStatus", "repaidOn", "overdueSince", "post", "monthlyPay"] as const;

type Values = Record<(typeof BASE)[number] | MeasureDetail, string>;

export function MeasureForm({ householdId, today }: { householdId: string; today: string }) {
  const t = useTranslations("householdEdit");
  const tp = useTranslations("plan");
  const tAll = useTranslations();
  const tv = useTranslations("validation");
  const [v, setV] = useState<Values>({
    kind: "",
    answers: "",
    description: "",
    amount: "0",
    startDate: today,
    endDate: "",
    bank: "",
    termMonths: "36",
    interestSubsidy: "0",
    loanStatus: "current",
    repaidOn: "",
    overdueSince: "",
    post: "",
    monthlyPay: "",
  });
  // made once per form: a retried (or doubled) submission stores one measure
  const [id] = useState(() => crypto.randomUUID());
  const kind = (MEASURE_KINDS as readonly string[]).includes(v.kind) ? (v.kind as MeasureKind) : null;
  const details = kind ? detailsOf(kind) : [];
  const has = (d: MeasureDetail) => details.includes(d);
  const labelOf = (k: string) =>
    k === "kind" || k === "answers" || isOneOf(DETAILS, k) ? tp(`form.${k}`) : isOneOf(TEXT_FIELDS, k) ? t(`measure.${k}`) : k;

  const { state, pending, errors, summary, submit, fields } = useCheckedForm(addMeasure, measureSchema);
  const field = bindFields(fields, v, (k, x) => setV((cur) => ({ ...cur, [k]: x })));

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    // only the chosen kind's details are sent
    const payload = {
      id,
      householdId,
      ...Object.fromEntries(BASE.map((k) => [k, v[k]])),
      ...Object.fromEntries(details.map((k) => [k, v[k]])),
    };
    submit(payload, (map) => {
      if (!v.kind) map.kind = [tv("required")];
      if (!v.answers) map.answers = [tv("required")];
      for (const [f, key] of Object.entries(measureProblems(v))) (map[f] ??= []).push(t(`problems.${key}`));
    });
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
  const risks = new Set<string>(MEASURE_RISKS);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <Section title={t("measure.title")}>
        <SelectField
          {...field("kind")}
          label={tp("form.kind")}
          required
          options={[{ value: "", label: t("measure.choose") }, ...MEASURE_KINDS.map((k) => ({ value: k, label: tp(`kind.${k}`) }))]}
        />
        <SelectField
          {...field("answers")}
          label={tp("form.answers")}
          required
          options={[
            { value: "", label: t("measure.choose") },
            ...MEASURE_ANSWERS.map((a) => ({
              value: a,
              label: risks.has(a)
                ? `${tp("form.answersRisks")}：${tp(`risk.${a as (typeof MEASURE_RISKS)[number]}`)}`
                : `${tp("form.answersCauses")}：${tAll(`causes.${a as Exclude<(typeof MEASURE_ANSWERS)[number], (typeof MEASURE_RISKS)[number]>}`)}`,
            })),
          ]}
        />
        <TextAreaField
          {...field("description")}
          label={t("measure.description")}
          required
          rows={3}
          maxLength={1000}
          hint={t("measure.descriptionHint")}
        />
        <TextField {...field("amount")} label={t("measure.amount")} inputMode="decimal" required hint={t("measure.amountHint")} />
        <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
          <TextField {...field("startDate")} type="date" label={has("bank") ? tp("form.startLoan") : t("measure.startDate")} required />
          <TextField
            {...field("endDate")}
            type="date"
            label={t("measure.endDate")}
            min={v.startDate || undefined}
            hint={has("bank") ? tp("form.loanEndHint") : t("measure.endDateHint")}
          />
        </div>
      </Section>
      {has("bank") && (
        <Section title={tp("form.loanSection")}>
          <TextField {...field("bank")} label={tp("form.bank")} required maxLength={100} />
          <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
            <TextField {...field("termMonths")} label={tp("form.termMonths")} inputMode="numeric" required />
            <TextField {...field("interestSubsidy")} label={tp("form.interestSubsidy")} inputMode="decimal" required />
          </div>
          <SelectField
            {...field("loanStatus")}
            label={tp("form.loanStatus")}
            required
            options={LOAN_STATUSES.map((s) => ({ value: s, label: tp(`loan.${s}`) }))}
          />
          {v.loanStatus === "repaid" && <TextField {...field("repaidOn")} type="date" label={tp("form.repaidOn")} required />}
          {v.loanStatus === "overdue" && <TextField {...field("overdueSince")} type="date" label={tp("form.overdueSince")} required />}
        </Section>
      )}
      {has("post") && (
        <Section title={tp("form.jobSection")}>
          <TextField {...field("post")} label={tp("form.post")} required maxLength={100} />
          <TextField {...field("monthlyPay")} label={tp("form.monthlyPay")} inputMode="decimal" required />
        </Section>
      )}
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
