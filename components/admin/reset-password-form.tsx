"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { PASSWORD_MIN } from "@/lib/validation/admin";
import { FormStatus, SubmitButton, TextField, errorsOf, initialActionState, useFields } from "./form-bits";

const EMPTY = { password: "", confirm: "" };

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(resetUserPassword, initialActionState);
  const { values, set, reset } = useFields(EMPTY);
  useEffect(() => {
    if (state.ok && state.message) reset();
  }, [state, reset]);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="password"
          type="password"
          label={t("user.newPassword")}
          value={values.password}
          onChange={(v) => set("password", v)}
          errors={errorsOf(state, "password")}
          hint={t("users.passwordHint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <TextField
          name="confirm"
          type="password"
          label={t("users.confirmPassword")}
          value={values.confirm}
          onChange={(v) => set("confirm", v)}
          errors={errorsOf(state, "confirm")}
          autoComplete="new-password"
          required
        />
      </div>
      <p className="text-sm text-stone-600">{t("user.resetNote")}</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("user.resetPassword")}</SubmitButton>
    </form>
  );
}
