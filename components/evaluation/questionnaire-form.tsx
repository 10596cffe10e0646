"use client";
// The field check of one sampled household, on a phone (360 px first): income re-survey by
// item, the six other indicators re-checked with the evidence seen, the household's view, notes.
// The id is generated here (or the stored one reused), so a retry stores one questionnaire;
// saving again while the evaluation is open updates it. The discrepancies come back from the
// server, which compares with the record.
import { startTransition, useState } from "react";
import { useTranslations } from "next-intl";
import { saveQuestionnaire } from "@/lib/actions/evaluation/save-questionnaire";
import { APPROVAL_ANSWERS, CHECKED_INDICATORS, EVIDENCE_FOR, INCOME_ITEMS, type IncomeItem } from "@/lib/validation/evaluation";
import type { questionnaireSchema } from "@/lib/validation/evaluation";
import {
  ErrorSummary,
  FieldErrors,
  StatusLine,
  SubmitButton,
  TextAreaField,
  TextField,
  a11yOf,
  errorsAt,
  fieldId,
} from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type { KeyUnder } from "@/i18n/keys";
import { formatQuantity } from "@/lib/domain/format";

interface Stored {
  id: string;
  income: Record<string, number>;
  indicators: Record<string, { met?: boolean; evidence: string[] }>;
  approval: string;
  notes: string;
}

type Met = "" | "true" | "false";

const cents = (s: string) => {
  const n = Number(s);
  return s.trim() === "" || !Number.isFinite(n) ? null : Math.round(n * 100);
};

export function QuestionnaireForm({
  evaluationId,
  householdId,
  stored,
  countedMembers,
  povertyLine,
}: {
  evaluationId: string;
  householdId: string;
  stored: Stored | null;
  countedMembers: number;
  povertyLine: number | null;
}) {
  const t = useTranslations("evaluation");
  const tq = useTranslations("evaluation.questionnaire");
  const ti = useTranslations("indicators");
  const ta = useTranslations("assessed");
  const [id] = useState(() => stored?.id ?? crypto.randomUUID());
  const [income, setIncome] = useState<Record<IncomeItem, string>>(
    () => Object.fromEntries(INCOME_ITEMS.map((k) => [k, stored ? String(stored.income[k] ?? "") : ""])) as Record<IncomeItem, string>,
  );
  const [met, setMet] = useState<Record<string, Met>>(() =>
    Object.fromEntries(
      CHECKED_INDICATORS.map((k) => [k, stored?.indicators[k]?.met === undefined ? "" : stored.indicators[k]!.met ? "true" : "false"]),
    ),
  );
  const [evidence, setEvidence] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(["income", ...CHECKED_INDICATORS].map((k) => [k, stored?.indicators[k]?.evidence ?? []])),
  );
  const [approval, setApproval] = useState(stored?.approval ?? "");
  const [notes, setNotes] = useState(stored?.notes ?? "");

  const { state, dispatch, pending, fields } = useFormAction(saveQuestionnaire, schemaOf<typeof questionnaireSchema>(), {
    idPrefix: "ev-",
  });
  const errors = fields.errors;
  const idOf = (path: Parameters<typeof errorsAt<typeof questionnaireSchema>>[1]) => fieldId(fields.idPrefix, path);
  const errorsFor = (path: Parameters<typeof errorsAt<typeof questionnaireSchema>>[1]) => errorsAt(fields, path);
  const saved = state.ok ? state.data : undefined;

  const parts = INCOME_ITEMS.map((k) => cents(income[k]));
  const net = parts.every((c) => c !== null) ? parts[0]! + parts[1]! - parts[2]! + parts[3]! + parts[4]! : null;
  const perCapita = net !== null && countedMembers > 0 ? Math.round(net / countedMembers) : null;
  const yuan = (c: number) => formatQuantity(c / 100);

  function toggle(key: string, kind: string, on: boolean) {
    setEvidence((old) => ({ ...old, [key]: on ? [...(old[key] ?? []), kind] : (old[key] ?? []).filter((x) => x !== kind) }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const indicators: Record<string, unknown> = { income: { evidence: evidence.income ?? [] } };
    for (const k of CHECKED_INDICATORS) indicators[k] = { met: met[k], evidence: evidence[k] ?? [] };
    startTransition(() => dispatch({ id, evaluationId, householdId, income, indicators, approval, notes }));
  }

  const evidenceBoxes = (key: keyof typeof EVIDENCE_FOR) => (
    <fieldset className="mt-2">
      <legend className="text-xs text-stone-600">{tq("evidenceSeen")}</legend>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1" id={idOf(`indicators.${key}.evidence`)}>
        {EVIDENCE_FOR[key].map((kind) => (
          <label key={kind} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={(evidence[key] ?? []).includes(kind)}
              onChange={(e) => toggle(key, kind, e.target.checked)}
              data-testid={`evidence-${key}-${kind}`}
            />
            {tq(`evidence.${kind}`)}
          </label>
        ))}
      </div>
      <FieldErrors id={idOf(`indicators.${key}.evidence`)} errors={errorsFor(`indicators.${key}.evidence`)} />
    </fieldset>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4 pb-24" data-testid="questionnaire-form">
      <ErrorSummary title={t("form.errorsTitle")} errors={errors} idPrefix={fields.idPrefix} testId="error-summary" />

      <section className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
        <h2 className="text-base font-semibold">{tq("incomeSection")}</h2>
        <p className="text-xs text-stone-600">{tq("incomeHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
          {INCOME_ITEMS.map((k) => (
            <TextField
              key={k}
              form={fields}
              name={`income.${k}`}
              label={t(`fields.income.${k}`)}
              inputMode="decimal"
              value={income[k]}
              placeholder="0"
              onChange={(v) => setIncome((old) => ({ ...old, [k]: v }))}
              data-testid={`income-${k}`}
            />
          ))}
        </div>
        <p className="mt-2 rounded-lg bg-stone-50 p-2 text-sm tabular-nums" aria-live="polite" data-testid="income-computed">
          {net === null || perCapita === null
            ? tq("computedPending")
            : tq("computed", {
                net: yuan(net),
                pc: yuan(perCapita),
                n: countedMembers,
                line: povertyLine === null ? "—" : formatQuantity(povertyLine),
              })}
          {perCapita !== null && povertyLine !== null && (
            <span className={`ml-1 font-semibold ${perCapita > Math.round(povertyLine * 100) ? "text-emerald-700" : "text-red-700"}`}>
              {perCapita > Math.round(povertyLine * 100) ? tq("aboveLine") : tq("notAboveLine")}
            </span>
          )}
        </p>
        {evidenceBoxes("income")}
      </section>

      <section className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
        <h2 className="text-base font-semibold">{tq("indicatorsSection")}</h2>
        <ul className="mt-1 divide-y divide-stone-100">
          {CHECKED_INDICATORS.map((k) => (
            <li key={k} className="py-3">
              <fieldset {...a11yOf(idOf(`indicators.${k}.met`), null, errorsFor(`indicators.${k}.met`))} className="">
                <legend className="text-sm font-semibold">{ti(k)}</legend>
                <div className="mt-1 grid grid-cols-2 gap-2">
                  {(["true", "false"] as const).map((v) => (
                    <label
                      key={v}
                      className={`flex min-h-12 items-center justify-center gap-2 rounded-lg border text-sm font-medium ${met[k] === v ? (v === "true" ? "border-emerald-600 bg-emerald-50 text-emerald-900" : "border-red-600 bg-red-50 text-red-900") : "border-stone-300 bg-white"}`}
                    >
                      <input
                        type="radio"
                        className="h-5 w-5"
                        name={`met-${k}`}
                        value={v}
                        checked={met[k] === v}
                        onChange={() => setMet((old) => ({ ...old, [k]: v }))}
                        data-testid={`met-${k}-${v}`}
                      />
                      {v === "true" ? tq("met") : tq("notMet")}
                    </label>
                  ))}
                </div>
                <FieldErrors id={idOf(`indicators.${k}.met`)} errors={errorsFor(`indicators.${k}.met`)} />
              </fieldset>
              {evidenceBoxes(k)}
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
        <fieldset {...a11yOf(idOf("approval"), null, errorsFor("approval"))} className="">
          <legend className="text-base font-semibold">{t("fields.approval")}</legend>
          <p className="text-xs text-stone-600">{tq("approvalHint")}</p>
          <div className="mt-2 grid grid-cols-3 gap-2">
            {APPROVAL_ANSWERS.map((a) => (
              <label
                key={a}
                className={`flex min-h-12 items-center justify-center gap-1 rounded-lg border px-1 text-sm font-medium ${approval === a ? "border-brand-700 bg-brand-50" : "border-stone-300 bg-white"}`}
              >
                <input
                  type="radio"
                  className="h-5 w-5"
                  name="approval"
                  value={a}
                  checked={approval === a}
                  onChange={() => setApproval(a)}
                  data-testid={`approval-${a}`}
                />
                {tq(`approval.${a}`)}
              </label>
            ))}
          </div>
          <FieldErrors id={idOf("approval")} errors={errorsFor("approval")} />
        </fieldset>
      </section>

      <section className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
        <TextAreaField form={fields} name="notes" label={t("fields.notes")} rows={3} maxLength={2000} value={notes} onChange={setNotes} />
      </section>

      {saved && (
        <section
          role="status"
          aria-live="polite"
          className={`rounded-xl border p-3 text-sm ${saved.discrepancies.length ? "border-amber-400 bg-amber-50" : "border-emerald-400 bg-emerald-50"}`}
          data-testid="questionnaire-result"
        >
          <p className="font-semibold">{state.message}</p>
          <p className="mt-1">{tq("recheckStatus", { status: ta(saved.status), pc: formatQuantity(saved.perCapitaIncome) })}</p>
          {saved.discrepancies.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="questionnaire-discrepancies">
              {saved.discrepancies.map((d) => (
                <li key={`${d.kind}${d.indicator ?? ""}`}>
                  <span className="font-semibold">{t(`discrepancy.kinds.${d.kind as KeyUnder<"evaluation.discrepancy.kinds">}`)}</span>：
                  {d.zh}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {!state.ok && !errors && <StatusLine state={state} />}

      <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white/95 p-3 backdrop-blur">
        <div className="mx-auto max-w-3xl">
          <SubmitButton pending={pending} size="lg" className="w-full" pendingLabel={tq("submitting")} testId="questionnaire-submit">
            {stored ? tq("update") : tq("submit")}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
