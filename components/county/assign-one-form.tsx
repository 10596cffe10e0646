"use client";
// Give one household a cadre, or move it to another: the cadre, and a reason (required, audited).
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { assignHousehold } from "@/lib/actions/county/assign-household";
import { initialActionState, type ActionResult } from "@/lib/actions/result";
import type { CadreOption } from "@/lib/data/county-assignments";
import { CadrePicker } from "./cadre-picker";
import { useFocusResult } from "@/components/ui/use-focus-result";

const errorsOf = (s: ActionResult<unknown>, name: string) => (s.ok ? undefined : s.fieldErrors?.[name]);

export function AssignOneForm({ householdId, villageId, hasCadre }: { householdId: string; villageId: string; hasCadre: boolean }) {
  const t = useTranslations("county.assign");
  const [state, action, pending] = useActionState(assignHousehold, initialActionState);
  const [cadre, setCadre] = useState<CadreOption[]>([]);
  const [reason, setReason] = useState("");
  const reasonErrors = errorsOf(state, "reason");
  const status = useFocusResult<HTMLDivElement>(state, Boolean(state.message));
  return (
    <form action={action} noValidate className="space-y-3" data-testid="assign-one-form">
      <input type="hidden" name="householdId" value={householdId} />
      <CadrePicker
        refresh={state}
        near={villageId}
        name="cadreId"
        label={hasCadre ? t("newCadre") : t("cadre")}
        value={cadre}
        onChange={setCadre}
        errors={errorsOf(state, "cadreId")}
      />
      <div>
        <label htmlFor="assign-reason" className="block text-sm font-medium">
          {t("reason")}
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        </label>
        <textarea
          id="assign-reason"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          maxLength={500}
          required
          aria-required
          aria-invalid={Boolean(reasonErrors)}
          aria-describedby={reasonErrors ? "assign-reason-error" : "assign-reason-hint"}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600"
          placeholder={t("reasonPlaceholder")}
        />
        {reasonErrors ? (
          <p id="assign-reason-error" className="mt-1 text-sm text-red-700">
            {reasonErrors.join(" ")}
          </p>
        ) : (
          <p id="assign-reason-hint" className="mt-1 text-xs text-stone-500">
            {t("reasonHint")}
          </p>
        )}
      </div>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite" data-testid="assign-status" className="outline-none">
        {state.message && (
          <p className={`rounded px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
            {state.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("saving") : hasCadre ? t("submitReassign") : t("submitAssign")}
      </button>
    </form>
  );
}
