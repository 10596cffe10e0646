"use client";
// Household type (户属性) on the household page: an official over the household's region sets it
// (一般户, 低保户, 特困供养户) from a date with its basis (the civil-affairs decision and its number).
// The history stays; the page lists it beside the form. lib/actions/income/set-household-type.ts.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { setHouseholdType } from "@/lib/actions/income/set-household-type";
import type { setHouseholdTypeSchema } from "@/lib/validation/income-record";
import { HOUSEHOLD_TYPES } from "@/lib/validation/household-type";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import { newId } from "@/components/ui/new-id";

export function HouseholdTypeForm({ householdId, current }: { householdId: string; current: string | null }) {
  const t = useTranslations("countyRecords.type");
  const [id, setId] = useState(newId);
  const { values, set, reset } = useFormValues({ type: current ?? "subsistence", since: "", basis: "" });
  const { state, dispatch, pending, fields } = useFormAction(setHouseholdType, schemaOf<typeof setHouseholdTypeSchema>(), {
    idPrefix: "htype-",
    after: "refresh",
    onSuccess: () => {
      reset();
      setId(newId());
    },
  });
  const field = bindFields(fields, values, set);
  return (
    <form action={dispatch} noValidate className="no-print space-y-3" data-testid="household-type-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="householdId" value={householdId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField {...field("type")} label={t("title")} options={HOUSEHOLD_TYPES.map((v) => ({ value: v, label: t(v) }))} required />
        <TextField {...field("since")} type="date" label={t("since")} required />
        <TextField {...field("basis")} label={t("basis")} hint={t("basisHint")} required maxLength={200} />
      </div>
      <StatusLine state={state} testId="household-type-status" />
      <SubmitButton pending={pending} size="sm">
        {t("set")}
      </SubmitButton>
    </form>
  );
}
