"use client";
import { useActionState, useEffect } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin/create-user";
import { ROLES, type Role } from "@/lib/auth/roles";
import { PASSWORD_MIN, SCOPE_LEVELS } from "@/lib/validation/admin";
import { FormStatus, SelectField, SubmitButton, TextField, errorsOf, initialActionState, useFields } from "./form-bits";
import { RegionPicker } from "./region-picker";

const EMPTY = { username: "", name: "", phone: "", role: "cadre", regionId: "", password: "", confirm: "" };

export function CreateUserForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createUser, initialActionState);
  const { values, set, reset } = useFields(EMPTY);

  useEffect(() => {
    if (state.ok && state.data) reset();
  }, [state, reset]);

  const role = values.role as Role;
  return (
    <form action={action} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="username"
          label={t("admin.users.username")}
          value={values.username}
          onChange={(v) => set("username", v)}
          errors={errorsOf(state, "username")}
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
          errors={errorsOf(state, "name")}
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
          errors={errorsOf(state, "phone")}
          autoComplete="off"
          maxLength={32}
        />
        <SelectField
          name="role"
          label={t("admin.users.role")}
          value={values.role}
          onChange={(v) => set("role", v)}
          errors={errorsOf(state, "role")}
          required
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <RegionPicker
          name="regionId"
          label={t("admin.users.scope")}
          value={values.regionId}
          onChange={(v) => set("regionId", v)}
          role={role}
          errors={errorsOf(state, "regionId")}
          hint={t("admin.users.scopeFits", { levels: SCOPE_LEVELS[role].map((l) => t(`levels.${l}`)).join(t("admin.listSeparator")) })}
        />
        <div className="hidden sm:block" />
        <TextField
          name="password"
          type="password"
          label={t("admin.users.initialPassword")}
          value={values.password}
          onChange={(v) => set("password", v)}
          errors={errorsOf(state, "password")}
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
          errors={errorsOf(state, "confirm")}
          autoComplete="new-password"
          required
        />
      </div>
      <FormStatus state={state}>
        {state.ok && state.data && (
          <>
            {" "}
            <Link className="font-medium underline" href={`/admin/users/${state.data.id}`}>
              {t("admin.users.openCreated", { username: state.data.username })}
            </Link>
          </>
        )}
      </FormStatus>
      <SubmitButton pending={pending}>{t("admin.users.create")}</SubmitButton>
    </form>
  );
}
