"use client";
// Record how a discrepancy was dealt with (the county's follow-up).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { resolveDiscrepancy } from "@/lib/actions/evaluation/resolve-discrepancy";
import type { resolveDiscrepancySchema } from "@/lib/validation/evaluation";
import { Button, StatusLine, SubmitButton, TextAreaField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

export function ResolveDiscrepancyForm({ discrepancyId }: { discrepancyId: string }) {
  const t = useTranslations("evaluation.followups");
  const [open, setOpen] = useState(false);
  const { state, dispatch, pending, fields } = useFormAction(resolveDiscrepancy, schemaOf<typeof resolveDiscrepancySchema>(), {
    idPrefix: `ev-${discrepancyId}-`,
  });
  if (!open) {
    return (
      <Button tone="plain" size="md" onClick={() => setOpen(true)} className="mt-2">
        {t("resolve")}
      </Button>
    );
  }
  return (
    <form action={dispatch} className="mt-2 space-y-2">
      <input type="hidden" name="discrepancyId" value={discrepancyId} />
      <TextAreaField form={fields} name="resolution" label={t("resolution")} rows={2} maxLength={1000} required />
      <SubmitButton pending={pending} tone="plain" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
