"use client";
// Recording what was done about a lead: visited, proposed for monitoring, or no action (with
// the reason, required).
import { useActionState, useState } from "react";
import { useFocusOnMount } from "@/components/ui/use-focus-result";
import { useTranslations } from "next-intl";
import { recordOutcome } from "@/lib/actions/help/record-outcome";
import type { ActionResult } from "@/lib/actions/result";
import { HELP_OUTCOMES, REPORT_TEXT_MAX } from "@/lib/validation/help";

export function OutcomeForm({ id, state: current }: { id: string; state: string }) {
  const t = useTranslations("help");
  const [state, action, pending] = useActionState<ActionResult<{ id: string; state: string }> | undefined, FormData>(
    recordOutcome,
    undefined,
  );
  const [outcome, setOutcome] = useState<string>(current === "visited" ? "proposed" : "visited");
  if (state?.ok) return <Saved message={state.message} />;
  const options = HELP_OUTCOMES.filter((o) => o !== current);
  return (
    <form action={action} className="mt-2 space-y-2 rounded-lg bg-stone-50 p-3 text-sm" data-testid="outcome-form">
      <input type="hidden" name="id" value={id} />
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="mb-1 font-semibold">{t("leads.record")}</legend>
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1.5">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(`outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span className="text-stone-600">{outcome === "no_action" ? t("leads.reasonRequired") : t("leads.note")}</span>
        <textarea
          name="note"
          rows={2}
          maxLength={REPORT_TEXT_MAX}
          required={outcome === "no_action"}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1.5"
        />
      </label>
      {state && !state.ok && (
        <p role="alert" className="text-red-700">
          {state.fieldErrors?.note?.join("；") ?? state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-50">
        {t("leads.save")}
      </button>
    </form>
  );
}

/** The saved outcome, focused as it replaces the form. */
function Saved({ message }: { message?: string }) {
  const ref = useFocusOnMount<HTMLParagraphElement>();
  return (
    <p ref={ref} tabIndex={-1} role="status" className="text-sm text-emerald-800 outline-none" data-testid="outcome-saved">
      {message}
    </p>
  );
}
