"use client";
// The forms of one region node: add a child, rename, a province's zone, a county's hotline, a
// village's designated-poor-village flag.
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { createRegion } from "@/lib/actions/admin/create-region";
import { renameRegion } from "@/lib/actions/admin/rename-region";
import { setRegionZone } from "@/lib/actions/admin/set-region-zone";
import { setRegionHotline } from "@/lib/actions/admin/set-region-hotline";
import { setRegionDesignated } from "@/lib/actions/admin/set-region-designated";
import { CODE_LENGTH, ZONES, type RegionLevel, type Zone } from "@/lib/validation/admin";
import { FormStatus, SelectField, SubmitButton, TextField, errorsOf, initialActionState, useFields } from "./form-bits";

export function CreateRegionForm({ parentId, childLevel }: { parentId: string; childLevel: RegionLevel }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createRegion, initialActionState);
  const { values, set, reset } = useFields({ id: parentId, name: "" });
  useEffect(() => {
    if (state.ok && state.data) reset();
  }, [state, reset]);
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
          errors={errorsOf(state, "id") ?? errorsOf(state, "parentId")}
          maxLength={digits}
          required
          hint={t("admin.regions.codeHint", { parent: parentId, digits, level: t(`levels.${childLevel}`) })}
        />
        <TextField
          name="name"
          label={t("admin.regions.name")}
          value={values.name}
          onChange={(v) => set("name", v)}
          errors={errorsOf(state, "name")}
          maxLength={64}
          required
        />
      </div>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("admin.regions.addChild", { level: t(`levels.${childLevel}`) })}</SubmitButton>
    </form>
  );
}

export function RenameRegionForm({ id, name, nameEn }: { id: string; name: string; nameEn: string | null }) {
  const t = useTranslations("admin.regions");
  const [state, action, pending] = useActionState(renameRegion, initialActionState);
  const { values, set } = useFields({ name, nameEn: nameEn ?? "" });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="name"
          label={t("name")}
          value={values.name}
          onChange={(v) => set("name", v)}
          errors={errorsOf(state, "name")}
          maxLength={64}
          required
        />
        <TextField
          name="nameEn"
          label={t("nameEn")}
          value={values.nameEn}
          onChange={(v) => set("nameEn", v)}
          errors={errorsOf(state, "nameEn")}
          maxLength={128}
        />
      </div>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("rename")}</SubmitButton>
    </form>
  );
}

export function ZoneForm({ id, zone }: { id: string; zone: Zone | null }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(setRegionZone, initialActionState);
  const { values, set } = useFields({ zone: zone ?? "" });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <SelectField
        name="zone"
        label={t("regions.zone")}
        value={values.zone}
        onChange={(v) => set("zone", v)}
        errors={errorsOf(state, "zone")}
        required
        hint={t("regions.zoneHint")}
        options={[{ value: "", label: t("regions.zoneUnset") }, ...ZONES.map((z) => ({ value: z, label: t(`zones.${z}`) }))]}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("regions.setZone")}</SubmitButton>
    </form>
  );
}

export function HotlineForm({ id, hotline }: { id: string; hotline: string | null }) {
  const t = useTranslations("admin.regions");
  const [state, action, pending] = useActionState(setRegionHotline, initialActionState);
  const { values, set } = useFields({ hotline: hotline ?? "" });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TextField
        name="hotline"
        type="tel"
        inputMode="tel"
        label={t("hotline")}
        value={values.hotline}
        onChange={(v) => set("hotline", v)}
        errors={errorsOf(state, "hotline")}
        hint={t("hotlineHint")}
        maxLength={32}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("setHotline")}</SubmitButton>
    </form>
  );
}

export function DesignatedForm({ id, designatedPoor }: { id: string; designatedPoor: boolean }) {
  const t = useTranslations("admin.regions");
  const [state, action, pending] = useActionState(setRegionDesignated, initialActionState);
  const { values, set } = useFields({ designatedPoor: designatedPoor ? "true" : "false" });
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="designatedPoor" value={values.designatedPoor} />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={values.designatedPoor === "true"}
          onChange={(e) => set("designatedPoor", e.target.checked ? "true" : "false")}
          data-testid="designated-checkbox"
        />
        {t("designatedLabel")}
      </label>
      <p className="text-xs text-stone-600">{t("designatedHint")}</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("setDesignated")}</SubmitButton>
    </form>
  );
}
