"use client";
// The evaluation page's small forms: draw the sample, re-draw to verify, set the release time,
// close. Each posts a plain form to its server action; the server decides.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { drawSample } from "@/lib/actions/evaluation/draw-sample";
import { verifyDraw } from "@/lib/actions/evaluation/verify-draw";
import { setRelease } from "@/lib/actions/evaluation/set-release";
import { closeEvaluation } from "@/lib/actions/evaluation/close-evaluation";
import { initialActionState } from "@/lib/actions/result";
import { FieldError, StatusLine, errorProps, fid, inputClass, primaryButton, secondaryButton } from "./form-bits";

export function DrawForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation.draw");
  const [state, action, pending] = useActionState(drawSample, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-3" data-testid="draw-form">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <div>
        <label htmlFor={fid("seed")} className="block text-sm font-medium">
          {t("seedLabel")}
        </label>
        <input
          id={fid("seed")}
          name="seed"
          maxLength={128}
          autoComplete="off"
          className={`${inputClass} font-mono`}
          {...errorProps("seed", errors, "seed-hint")}
        />
        <p id="seed-hint" className="mt-1 text-xs text-stone-600">
          {t("seedHint")}
        </p>
        <FieldError path="seed" errors={errors} />
        <FieldError path="plan.villages" errors={errors} />
      </div>
      <button disabled={pending} className={primaryButton} data-testid="draw-submit">
        {pending ? t("submitting") : t("submit")}
      </button>
      <StatusLine ok={state.ok} message={!state.ok && errors ? undefined : state.message} testId="draw-status" />
    </form>
  );
}

export function VerifyButton({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation.verify");
  const [state, action, pending] = useActionState(verifyDraw, initialActionState);
  const result = state.ok ? state.data : undefined;
  return (
    <form action={action} className="no-print">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <button disabled={pending} className={secondaryButton} data-testid="verify-submit">
        {pending ? t("submitting") : t("submit")}
      </button>
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
      {!state.ok && <StatusLine ok={false} message={state.message} />}
    </form>
  );
}

export function ReleaseForm({ evaluationId, suggested }: { evaluationId: string; suggested: string }) {
  const t = useTranslations("evaluation.release");
  const [state, action, pending] = useActionState(setRelease, initialActionState);
  const [value, setValue] = useState(suggested);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="space-y-2" data-testid="release-form">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <label htmlFor={fid("releaseAt")} className="block text-sm font-medium">
        {t("label")}
      </label>
      <input
        id={fid("releaseAt")}
        type="datetime-local"
        name="releaseAt"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className={inputClass}
        {...errorProps("releaseAt", errors, "release-hint")}
      />
      <p id="release-hint" className="text-xs text-stone-600">
        {t("hint")}
      </p>
      <FieldError path="releaseAt" errors={errors} />
      <button disabled={pending} className={secondaryButton} data-testid="release-submit">
        {pending ? t("submitting") : t("submit")}
      </button>
      <StatusLine ok={state.ok} message={state.ok ? state.message : errors ? undefined : state.message} />
    </form>
  );
}

export function CloseForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation.close");
  const [state, action, pending] = useActionState(closeEvaluation, initialActionState);
  const [sure, setSure] = useState(false);
  return (
    <form action={action} className="space-y-2" data-testid="close-form">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="close-confirm" />
        {t("confirm")}
      </label>
      <button
        disabled={pending || !sure}
        className="min-h-11 rounded-lg border border-red-700 bg-white px-4 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-50"
        data-testid="close-submit"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
      <StatusLine ok={state.ok} message={state.message} />
    </form>
  );
}
