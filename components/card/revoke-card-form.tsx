"use client";
// A lost or stolen card: end its link now (audited with the reason).
import { useTranslations } from "next-intl";
import { revokeCard } from "@/lib/actions/card/revoke-card";
import type { revokeCardSchema } from "@/lib/validation/help";
import { StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

export function RevokeCardForm({ householdId }: { householdId: string }) {
  const t = useTranslations("card");
  const { state, dispatch: action, pending, fields } = useFormAction(revokeCard, schemaOf<typeof revokeCardSchema>());
  if (state.ok && state.message)
    return (
      <p role="status" className="text-sm text-emerald-800" data-testid="revoked">
        {state.message}
      </p>
    );
  // folded away, with no reason filled in: cancelling a card someone has just printed takes a deliberate step
  return (
    <details className="no-print rounded-lg border border-stone-200 p-2" data-testid="revoke-details">
      <summary className="cursor-pointer text-sm text-stone-700">{t("print.revokeOpen")}</summary>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="householdId" value={householdId} />
        <TextField
          form={fields}
          name="reason"
          label={t("print.revokeReason")}
          className="flex-1"
          required
          maxLength={200}
          placeholder={t("print.revokeDefault")}
        />
        <SubmitButton pending={pending} tone="dangerOutline" size="sm" testId="revoke-card">
          {t("print.revoke")}
        </SubmitButton>
        {!state.ok && <StatusLine state={state} className="w-full" />}
      </form>
    </details>
  );
}
