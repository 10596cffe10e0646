"use client";
// Record a resident sent to a village: village, sending unit, who (a registry user or a named person), role, from–to.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { savePosting } from "@/lib/actions/places/save-posting";
import type { postingSchema } from "@/lib/validation/resident";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import { newId } from "@/components/ui/new-id";

const EMPTY = { villageId: "", unitName: "", personName: "", role: "team_member", validFrom: "", validTo: "" };

export function PostingForm({ villages }: { villages: { id: string; label: string }[] }) {
  const t = useTranslations("places.teams");
  const [id, setId] = useState(newId);
  const { values, set, reset } = useFormValues(EMPTY);
  const { state, dispatch, pending, fields } = useFormAction(savePosting, schemaOf<typeof postingSchema>(), {
    idPrefix: "posting-",
    after: "refresh",
    onSuccess: () => {
      reset();
      setId(newId());
    },
  });
  const field = bindFields(fields, values, set);
  return (
    <form action={dispatch} noValidate className="space-y-3" data-testid="posting-form">
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          {...field("villageId")}
          label={t("villageId")}
          options={[{ value: "", label: "—" }, ...villages.map((v) => ({ value: v.id, label: v.label }))]}
          required
        />
        <TextField {...field("unitName")} label={t("unitName")} required maxLength={60} />
        <TextField {...field("personName")} label={t("personName")} required maxLength={40} />
        <SelectField
          {...field("role")}
          label={t("role")}
          options={(["first_secretary", "team_leader", "team_member"] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          required
        />
        <TextField {...field("validFrom")} type="date" label={t("validFrom")} required />
        <TextField {...field("validTo")} type="date" label={t("validTo")} />
      </div>
      <StatusLine state={state} testId="posting-status" />
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
