"use client";
// Set a pairing cadre's sending unit (结对帮扶: unit and cadre) on the county's teams page: the
// cadre, and the unit's name (a registered unit is offered; a new name registers the unit). The
// cadre's current pairings without a unit take it. lib/actions/places/set-cadre-unit.ts.
import { useTranslations } from "next-intl";
import { setCadreUnit } from "@/lib/actions/places/set-cadre-unit";
import type { cadreUnitSchema } from "@/lib/validation/resident";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";

export function CadreUnitForm({ cadres, units }: { cadres: { id: string; label: string; unit: string | null }[]; units: string[] }) {
  const t = useTranslations("places.teams");
  const { values, set } = useFormValues({ userId: "", unitName: "" });
  const { state, dispatch, pending, fields } = useFormAction(setCadreUnit, schemaOf<typeof cadreUnitSchema>(), {
    idPrefix: "cadre-unit-",
    after: "refresh",
  });
  const field = bindFields(fields, values, set);
  const chosen = cadres.find((c) => c.id === values.userId);
  return (
    <form action={dispatch} noValidate className="space-y-3" data-testid="cadre-unit-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          form={fields}
          name="userId"
          label={t("pairCadre")}
          hint={chosen ? t("unitNow", { unit: chosen.unit ?? "—" }) : undefined}
          value={values.userId}
          onChange={(v) => {
            set("userId", v);
            const c = cadres.find((x) => x.id === v);
            if (c?.unit && !values.unitName) set("unitName", c.unit);
          }}
          options={[
            { value: "", label: "—" },
            ...cadres.map((c) => ({ value: c.id, label: c.unit ? `${c.label}（${c.unit}）` : c.label })),
          ]}
          required
        />
        <TextField {...field("unitName")} label={t("unitName")} list="cadre-unit-names" required maxLength={60} />
        <datalist id="cadre-unit-names">
          {units.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </div>
      <StatusLine state={state} testId="cadre-unit-status" />
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("setUnit")}
      </SubmitButton>
    </form>
  );
}
