"use client";
// The evaluation page's small forms: draw the sample, re-draw to verify, set the release time,
// close. Each posts a plain form to its server action; the server decides.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { drawSample } from "@/lib/actions/evaluation/draw-sample";
import { verifyDraw } from "@/lib/actions/evaluation/verify-draw";
import { setRelease } from "@/lib/actions/evaluation/set-release";
import { closeEvaluation } from "@/lib/actions/evaluation/close-evaluation";
import type { drawSchema, evaluationRefSchema, releaseSchema } from "@/lib/validation/evaluation";
import { FieldErrors, StatusLine, SubmitButton, TextField, fieldId } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

export function DrawForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation.draw");
  const { state, dispatch, pending, fields } = useFormAction(drawSample, schemaOf<typeof drawSchema>(), { idPrefix: "ev-" });
  const errors = fields.errors;
  return (
    <form action={dispatch} className="space-y-3" data-testid="draw-form">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <div>
        <TextField form={fields} name="seed" label={t("seedLabel")} maxLength={128} hint={t("seedHint")} />
        {/* the plan is the evaluation's, not this form's: its error (too few villages) shows here */}
        <FieldErrors id={`${fieldId("ev-", "plan.villages")}`} errors={errors?.["plan.villages"]} />
      </div>
      <SubmitButton pending={pending} size="lg" pendingLabel={t("submitting")} testId="draw-submit">
        {t("submit")}
      </SubmitButton>
      <StatusLine state={{ ok: state.ok, message: !state.ok && errors ? undefined : state.message }} testId="draw-status" />
    </form>
  );
}

export function VerifyButton({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation.verify");
  const { state, dispatch, pending } = useFormAction(verifyDraw, schemaOf<typeof evaluationRefSchema>());
  const result = state.ok ? state.data : undefined;
  return (
    <form action={dispatch} className="no-print">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <SubmitButton pending={pending} tone="plain" pendingLabel={t("submitting")} testId="verify-submit">
        {t("submit")}
      </SubmitButton>
      {result && (
        <div
          role="status"
          aria-live="polite"
          data-testid="verify-result"
          className={`mt-2 rounded-lg px-3 py-2 text-sm ${result.same ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
        >
          <p className="font-semibold">{result.same ? `✓ ${t("same")}` : `✕ ${t("differs")}`}</p>
          {!result.same && <p>{result.message}</p>}
          {result.differences && !result.same && (
            <ul className="mt-1 list-disc pl-5 font-mono text-xs">
              {result.differences.listHash && (
                <li>
                  {t("hashDiffers", { expected: result.differences.listHash.expected, claimed: result.differences.listHash.claimed })}
                </li>
              )}
              {result.differences.householdsMissing.slice(0, 20).map((h) => (
                <li key={`m${h}`}>{t("missing", { id: h })}</li>
              ))}
              {result.differences.householdsUnexpected.slice(0, 20).map((h) => (
                <li key={`u${h}`}>{t("unexpected", { id: h })}</li>
              ))}
            </ul>
          )}
          <p className="mt-1 break-all font-mono text-xs text-stone-600">{t("hashNow", { hash: result.listHash })}</p>
        </div>
      )}
      {!state.ok && <StatusLine state={state} />}
    </form>
  );
}

export function ReleaseForm({ evaluationId, suggested }: { evaluationId: string; suggested: string }) {
  const t = useTranslations("evaluation.release");
  const { state, dispatch, pending, fields } = useFormAction(setRelease, schemaOf<typeof releaseSchema>(), { idPrefix: "ev-" });
  const [value, setValue] = useState(suggested);
  return (
    <form action={dispatch} className="space-y-2" data-testid="release-form">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <TextField
        form={fields}
        name="releaseAt"
        type="datetime-local"
        label={t("label")}
        value={value}
        onChange={setValue}
        hint={t("hint")}
      />
      <SubmitButton pending={pending} tone="plain" pendingLabel={t("submitting")} testId="release-submit">
        {t("submit")}
      </SubmitButton>
      <StatusLine state={{ ok: state.ok, message: state.ok ? state.message : fields.errors ? undefined : state.message }} />
    </form>
  );
}

export function CloseForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation.close");
  const { state, dispatch, pending } = useFormAction(closeEvaluation, schemaOf<typeof evaluationRefSchema>());
  const [sure, setSure] = useState(false);
  return (
    <form action={dispatch} className="space-y-2" data-testid="close-form">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="close-confirm" />
        {t("confirm")}
      </label>
      <SubmitButton pending={pending} disabled={!sure} tone="dangerOutline" pendingLabel={t("submitting")} testId="close-submit">
        {t("submit")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
