"use client";
import { useTranslations } from "next-intl";
import { setUserDisabled } from "@/lib/actions/admin/set-user-disabled";
import { StatusLine, SubmitButton } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type { setUserDisabledSchema } from "@/lib/validation/admin";

/** Disable (ending the user's sessions at once) or enable a user. */
export function UserStatusForm({ userId, username, disabled }: { userId: string; username: string; disabled: boolean }) {
  const t = useTranslations("admin.user");
  const { state, dispatch: action, pending } = useFormAction(setUserDisabled, schemaOf<typeof setUserDisabledSchema>());
  return (
    <form
      action={action}
      className="space-y-3"
      onSubmit={(e) => {
        if (!disabled && !window.confirm(t("confirmDisable", { username }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <p className="text-sm text-stone-600">{disabled ? t("disabledNote") : t("disableNote")}</p>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending} tone={disabled ? "brand" : "danger"}>
        {disabled ? t("enable") : t("disable")}
      </SubmitButton>
    </form>
  );
}
