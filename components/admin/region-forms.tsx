"use client";
// The forms of one region node: add a child, rename, a province's zone, a county's hotline, a
// village's designated-poor-village flag.
import { useTranslations } from "next-intl";
import { createRegion } from "@/lib/actions/admin/create-region";
import { renameRegion } from "@/lib/actions/admin/rename-region";
import { setRegionZone } from "@/lib/actions/admin/set-region-zone";
import { setRegionHotline } from "@/lib/actions/admin/set-region-hotline";
import { setRegionDesignated } from "@/lib/actions/admin/set-region-designated";
import { CODE_LENGTH, ZONES, type RegionLevel, type Zone } from "@/lib/validation/admin";
import { CheckField, SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import type { createRegionSchema, renameRegionSchema, setDesignatedSchema, setHotlineSchema, setZoneSchema } from "@/lib/validation/admin";

export function CreateRegionForm({ parentId, childLevel }: { parentId: string; childLevel: RegionLevel }) {
  const t = useTranslations();
  const { values, set, reset } = useFormValues({ id: parentId, name: "" });
  const {
    state,
    dispatch: action,
    pending,
    fields,
  } = useFormAction(createRegion, schemaOf<typeof createRegionSchema>(), {
    onSuccess: (data) => data && reset(),
  });
  const field = bindFields(fields, values, set);
  const digits = CODE_LENGTH[childLevel];
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="parentId" value={parentId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="id"
          inputMode="numeric"
          label={t("admin.regions.code")}
          value={values.id}
          onChange={(v) => set("id", v.replace(/\s/g, ""))}
          form={fields}
          also={["parentId"]}
          maxLength={digits}
          required
          hint={t("admin.regions.codeHint", { parent: parentId, digits, level: t(`levels.${childLevel}`) })}
        />
        <TextField {...field("name")} label={t("admin.regions.name")} maxLength={64} required />
      </div>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("admin.regions.addChild", { level: t(`levels.${childLevel}`) })}
      </SubmitButton>
    </form>
  );
}

export function RenameRegionForm({ id, name, nameEn }: { id: string; name: string; nameEn: string | null }) {
  const t = useTranslations("admin.regions");
  const { state, dispatch: action, pending, fields } = useFormAction(renameRegion, schemaOf<typeof renameRegionSchema>());
  const { values, set } = useFormValues({ name, nameEn: nameEn ?? "" });
  const field = bindFields(fields, values, set);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField {...field("name")} label={t("name")} maxLength={64} required />
        <TextField {...field("nameEn")} label={t("nameEn")} maxLength={128} />
      </div>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("rename")}
      </SubmitButton>
    </form>
  );
}

export function ZoneForm({ id, zone }: { id: string; zone: Zone | null }) {
  const t = useTranslations("admin");
  const { state, dispatch: action, pending, fields } = useFormAction(setRegionZone, schemaOf<typeof setZoneSchema>());
  const { values, set } = useFormValues({ zone: zone ?? "" });
  const field = bindFields(fields, values, set);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <SelectField
        {...field("zone")}
        label={t("regions.zone")}
        required
        hint={t("regions.zoneHint")}
        options={[{ value: "", label: t("regions.zoneUnset") }, ...ZONES.map((z) => ({ value: z, label: t(`zones.${z}`) }))]}
      />
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("regions.setZone")}
      </SubmitButton>
    </form>
  );
}

export function HotlineForm({ id, hotline }: { id: string; hotline: string | null }) {
  const t = useTranslations("admin.regions");
  const { state, dispatch: action, pending, fields } = useFormAction(setRegionHotline, schemaOf<typeof setHotlineSchema>());
  const { values, set } = useFormValues({ hotline: hotline ?? "" });
  const field = bindFields(fields, values, set);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TextField {...field("hotline")} type="tel" inputMode="tel" label={t("hotline")} hint={t("hotlineHint")} maxLength={32} />
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("setHotline")}
      </SubmitButton>
    </form>
  );
}

export function DesignatedForm({ id, designatedPoor }: { id: string; designatedPoor: boolean }) {
  const t = useTranslations("admin.regions");
  const { state, dispatch: action, pending, fields } = useFormAction(setRegionDesignated, schemaOf<typeof setDesignatedSchema>());
  const { values, set } = useFormValues({ designatedPoor: designatedPoor ? "true" : "false" });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <CheckField
        name="designatedPoor"
        label={t("designatedLabel")}
        hint={t("designatedHint")}
        checked={values.designatedPoor === "true"}
        onChange={(on) => set("designatedPoor", on ? "true" : "false")}
        form={fields}
        data-testid="designated-checkbox"
      />
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("setDesignated")}
      </SubmitButton>
    </form>
  );
}
