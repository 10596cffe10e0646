"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin/create-user";
import { ROLES, type Role } from "@/lib/auth/roles";
import { PASSWORD_MIN, SCOPE_LEVELS } from "@/lib/validation/admin";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
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

  const role = values.role as Role;
  return (
    <form action={action} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="username"
          label={t("admin.users.username")}
          value={values.username}
          onChange={(v) => set("username", v)}
          form={fields}
          hint={t("admin.users.usernameHint")}
          autoComplete="off"
          maxLength={32}
          required
        />
        <TextField
          name="name"
          label={t("admin.users.name")}
          value={values.name}
          onChange={(v) => set("name", v)}
          form={fields}
          autoComplete="off"
          maxLength={64}
          required
        />
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t("admin.users.phone")}
          value={values.phone}
          onChange={(v) => set("phone", v)}
          form={fields}
          autoComplete="off"
          maxLength={32}
        />
        <SelectField
          name="role"
          label={t("admin.users.role")}
          value={values.role}
          onChange={(v) => set("role", v)}
          form={fields}
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
          name="password"
          type="password"
          label={t("admin.users.initialPassword")}
          value={values.password}
          onChange={(v) => set("password", v)}
          form={fields}
          hint={t("admin.users.passwordHint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <TextField
          name="confirm"
          type="password"
          label={t("admin.users.confirmPassword")}
          value={values.confirm}
          onChange={(v) => set("confirm", v)}
          form={fields}
          autoComplete="new-password"
          required
        />
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
