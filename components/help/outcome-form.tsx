"use client";
// Recording what was done about a lead: visited, proposed for monitoring, or no action (with
// the reason, required).
import { useState } from "react";
import { useFocusOnMount } from "@/components/ui/use-focus-result";
import { useTranslations } from "next-intl";
import { recordOutcome } from "@/lib/actions/help/record-outcome";
import { HELP_OUTCOMES, REPORT_TEXT_MAX, type leadOutcomeSchema } from "@/lib/validation/help";
import { StatusLine, SubmitButton, TextAreaField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

export function OutcomeForm({ id, state: current }: { id: string; state: string }) {
  const t = useTranslations("help");
  const { state, dispatch: action, pending, fields } = useFormAction(recordOutcome, schemaOf<typeof leadOutcomeSchema>());
  const [outcome, setOutcome] = useState<string>(current === "visited" ? "proposed" : "visited");
  if (state.ok && state.message) return <Saved message={state.message} />;
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
      <TextAreaField
        form={fields}
        name="note"
        label={outcome === "no_action" ? t("leads.reasonRequired") : t("leads.note")}
        rows={2}
        maxLength={REPORT_TEXT_MAX}
        required={outcome === "no_action"}
      />
      {!state.ok && !state.fieldErrors?.note && <StatusLine state={state} />}
      <SubmitButton pending={pending} size="sm">
        {t("leads.save")}
      </SubmitButton>
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
