"use client";
// A lost or stolen card: end its link now (audited with the reason).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeCard } from "@/lib/actions/card/revoke-card";
import type { ActionResult } from "@/lib/actions/result";

export function RevokeCardForm({ householdId }: { householdId: string }) {
  const t = useTranslations("card");
  const [state, action, pending] = useActionState<ActionResult | undefined, FormData>(revokeCard, undefined);
  if (state?.ok)
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
        <label className="flex-1 text-sm">
          <span className="block text-stone-600">{t("print.revokeReason")}</span>
          <input
            name="reason"
            required
            maxLength={200}
            placeholder={t("print.revokeDefault")}
            className="mt-1 w-full rounded border border-stone-300 px-2 py-1.5"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-700"
          data-testid="revoke-card"
        >
          {t("print.revoke")}
        </button>
        {state && !state.ok && (
          <p role="alert" className="w-full text-sm text-red-700">
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
