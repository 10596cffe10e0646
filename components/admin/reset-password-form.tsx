"use client";
import { useTranslations } from "next-intl";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { PASSWORD_MIN } from "@/lib/validation/admin";
import { StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
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
  const field = bindFields(fields, values, set);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          {...field("password")}
          type="password"
          label={t("user.newPassword")}
          hint={t("users.passwordHint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <TextField {...field("confirm")} type="password" label={t("users.confirmPassword")} autoComplete="new-password" required />
      </div>
      <p className="text-sm text-stone-600">{t("user.resetNote")}</p>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("user.resetPassword")}
      </SubmitButton>
    </form>
  );
}
