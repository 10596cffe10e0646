"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin/create-user";
import { ROLES, type Role } from "@/lib/auth/roles";
import { PASSWORD_MIN, SCOPE_LEVELS } from "@/lib/validation/admin";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import type { createUserSchema } from "@/lib/validation/admin";
import { RegionPicker } from "./region-picker";

const EMPTY = { username: "", name: "", phone: "", role: "cadre", regionId: "", password: "", confirm: "" };

export function CreateUserForm() {
  const t = useTranslations();
  const { values, set, reset } = useFormValues(EMPTY);
  const {
    state,
    dispatch: action,
    pending,
    fields,
  } = useFormAction(createUser, schemaOf<typeof createUserSchema>(), {
    onSuccess: (data) => data && reset(),
  });
  const field = bindFields(fields, values, set);

  const role = values.role as Role;
  return (
    <form action={action} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          {...field("username")}
          label={t("admin.users.username")}
          hint={t("admin.users.usernameHint")}
          autoComplete="off"
          maxLength={32}
          required
        />
        <TextField {...field("name")} label={t("admin.users.name")} autoComplete="off" maxLength={64} required />
        <TextField {...field("phone")} type="tel" inputMode="tel" label={t("admin.users.phone")} autoComplete="off" maxLength={32} />
        <SelectField
          {...field("role")}
          label={t("admin.users.role")}
          required
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <RegionPicker
          name="regionId"
          label={t("admin.users.scope")}
          value={values.regionId}
          onChange={(v) => set("regionId", v)}
          role={role}
          form={fields}
          hint={t("admin.users.scopeFits", { levels: SCOPE_LEVELS[role].map((l) => t(`levels.${l}`)).join(t("admin.listSeparator")) })}
        />
        <div className="hidden sm:block" />
        <TextField
          {...field("password")}
          type="password"
          label={t("admin.users.initialPassword")}
          hint={t("admin.users.passwordHint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <TextField {...field("confirm")} type="password" label={t("admin.users.confirmPassword")} autoComplete="new-password" required />
      </div>
      <StatusLine state={state}>
        {state.ok && state.data && (
          <>
            {" "}
            <Link className="font-medium underline" href={`/admin/users/${state.data.id}`}>
              {t("admin.users.openCreated", { username: state.data.username })}
            </Link>
          </>
        )}
      </StatusLine>
      <SubmitButton showPending pending={pending}>
        {t("admin.users.create")}
      </SubmitButton>
    </form>
  );
}
