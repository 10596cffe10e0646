"use client";
// Give one household a cadre, or move it to another: the cadre, and a reason (required, audited).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { assignHousehold } from "@/lib/actions/county/assign-household";
import type { assignOneSchema } from "@/lib/validation/county";
import type { CadreOption } from "@/lib/data/county-assignments";
import { StatusLine, SubmitButton, TextAreaField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { CadrePicker } from "./cadre-picker";

export function AssignOneForm({ householdId, villageId, hasCadre }: { householdId: string; villageId: string; hasCadre: boolean }) {
  const t = useTranslations("county.assign");
  const { state, dispatch, pending, fields } = useFormAction(assignHousehold, schemaOf<typeof assignOneSchema>(), { idPrefix: "assign-" });
  const [cadre, setCadre] = useState<CadreOption[]>([]);
  const [reason, setReason] = useState("");
  return (
    <form action={dispatch} noValidate className="space-y-3" data-testid="assign-one-form">
      <input type="hidden" name="householdId" value={householdId} />
      <CadrePicker
        refresh={state}
        near={villageId}
        form={fields}
        name="cadreId"
        label={hasCadre ? t("newCadre") : t("cadre")}
        value={cadre}
        onChange={setCadre}
      />
      <TextAreaField
        form={fields}
        name="reason"
        label={t("reason")}
        value={reason}
        onChange={setReason}
        rows={2}
        maxLength={500}
        required
        placeholder={t("reasonPlaceholder")}
        hint={t("reasonHint")}
      />
      <StatusLine state={state} testId="assign-status" />
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {hasCadre ? t("submitReassign") : t("submitAssign")}
      </SubmitButton>
    </form>
  );
}
