"use client";
import { useTranslations } from "next-intl";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { PASSWORD_MIN } from "@/lib/validation/admin";
import { StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import type { resetPasswordSchema } from "@/lib/validation/admin";

const EMPTY = { password: "", confirm: "" };

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("admin");
  const { values, set, reset } = useFormValues(EMPTY);
  const {
    state,
    dispatch: action,
    pending,
    fields,
  } = useFormAction(resetUserPassword, schemaOf<typeof resetPasswordSchema>(), {
    onSuccess: (_data, result) => result.message && reset(),
  });
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
          form={fields}
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
          form={fields}
          autoComplete="new-password"
          required
        />
      </div>
      <p className="text-sm text-stone-600">{t("user.resetNote")}</p>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("user.resetPassword")}
      </SubmitButton>
    </form>
  );
}
