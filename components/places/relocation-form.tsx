"use client";
// An official records (or corrects) a household's relocation: origin, destination (a region node or a
// named site under it), how it was settled, floor area, own contribution (the cap shown), dates and
// follow-up support. The server checks everything again; its field errors land on these fields.
import { useTranslations } from "next-intl";
import { recordRelocation } from "@/lib/actions/places/record-relocation";
import type { relocationSchema } from "@/lib/validation/relocation";
import { CheckField, SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import { formatQuantity } from "@/lib/domain/format";

export type RelocationFormValues = {
  originName: string;
  originId: string;
  destinationId: string;
  siteName: string;
  mode: string;
  floorArea: string;
  contribution: string;
  movedOn: string;
  demolishedOn: string;
  reclaimedOn: string;
  supportJob: string;
  supportSchool: string;
  supportCommunity: string;
};

export function RelocationForm({
  householdId,
  version,
  initial,
  destinations,
  cap,
}: {
  householdId: string;
  version: number | null;
  initial: RelocationFormValues;
  destinations: { id: string; label: string }[];
  cap: number;
}) {
  const t = useTranslations("places.relocation");
  const { state, dispatch, pending, fields } = useFormAction(recordRelocation, schemaOf<typeof relocationSchema>(), {
    idPrefix: "reloc-",
    after: "refresh",
  });
  const { values, set } = useFormValues(initial);
  const field = bindFields(fields, values, set);
  return (
    <form action={dispatch} noValidate className="space-y-3" data-testid="relocation-form">
      <input type="hidden" name="householdId" value={householdId} />
      {version !== null && <input type="hidden" name="version" value={version} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField {...field("originName")} label={t("originName")} required maxLength={100} />
        <TextField {...field("originId")} label={t("originId")} hint={t("originHint")} inputMode="numeric" maxLength={12} />
        <SelectField
          {...field("destinationId")}
          label={t("destinationId")}
          options={[{ value: "", label: "—" }, ...destinations.map((d) => ({ value: d.id, label: d.label }))]}
          required
        />
        <TextField {...field("siteName")} label={t("siteName")} hint={t("siteHint")} maxLength={60} />
        <SelectField
          {...field("mode")}
          label={t("mode")}
          options={[
            { value: "centralised", label: t("modes.centralised") },
            { value: "scattered", label: t("modes.scattered") },
          ]}
          required
        />
        <TextField {...field("floorArea")} label={t("floorArea")} inputMode="decimal" required />
        <TextField
          {...field("contribution")}
          label={t("contribution")}
          hint={t("contributionHint", { cap: formatQuantity(cap) })}
          inputMode="decimal"
          required
        />
        <TextField {...field("movedOn")} type="date" label={t("movedOn")} required />
        <TextField {...field("demolishedOn")} type="date" label={t("demolishedOn")} />
        <TextField {...field("reclaimedOn")} type="date" label={t("reclaimedOn")} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("support")}</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {(["supportJob", "supportSchool", "supportCommunity"] as const).map((k) => (
            <CheckField key={k} form={fields} name={k} label={t(k)} checked={values[k] === "on"} onChange={(c) => set(k, c ? "on" : "")} />
          ))}
        </div>
      </fieldset>
      <StatusLine state={state} testId="relocation-status" />
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
