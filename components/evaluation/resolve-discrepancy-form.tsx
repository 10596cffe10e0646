"use client";
// Record how a discrepancy was dealt with (the county's follow-up).
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { resolveDiscrepancy } from "@/lib/actions/evaluation/resolve-discrepancy";
import { initialActionState } from "@/lib/actions/result";
import { FieldError, StatusLine, errorProps, fid, inputClass, secondaryButton } from "./form-bits";

export function ResolveDiscrepancyForm({ discrepancyId }: { discrepancyId: string }) {
  const t = useTranslations("evaluation.followups");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(resolveDiscrepancy, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  const key = `resolution-${discrepancyId}`;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${secondaryButton} mt-2 text-sm`}>
        {t("resolve")}
      </button>
    );
  }
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="discrepancyId" value={discrepancyId} />
      <label htmlFor={fid(key)} className="block text-sm font-medium">
        {t("resolution")}
      </label>
      <textarea
        id={fid(key)}
        name="resolution"
        rows={2}
        maxLength={1000}
        required
        className={inputClass}
        {...errorProps("resolution", errors)}
      />
      <FieldError path="resolution" errors={errors} />
      <button disabled={pending} className={secondaryButton}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <StatusLine ok={state.ok} message={state.message} />
    </form>
  );
}
