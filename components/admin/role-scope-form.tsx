"use client";
import { useTranslations } from "next-intl";
import { changeUserRole } from "@/lib/actions/admin/change-user-role";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { RegionOption } from "@/lib/data/admin/regions";
import { SCOPE_LEVELS } from "@/lib/validation/admin";
import { SelectField, StatusLine, SubmitButton } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import type { changeRoleScopeSchema } from "@/lib/validation/admin";
import { RegionPicker } from "./region-picker";

export function RoleScopeForm({ userId, role, region }: { userId: string; role: Role; region: RegionOption }) {
  const t = useTranslations();
  const { state, dispatch: action, pending, fields } = useFormAction(changeUserRole, schemaOf<typeof changeRoleScopeSchema>());
  const { values, set } = useFormValues({ role: role as string, regionId: region.id });
  const field = bindFields(fields, values, set);
  const chosenRole = values.role as Role;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
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
          role={chosenRole}
          initialOption={region}
          form={fields}
          hint={t("admin.users.scopeFits", {
            levels: SCOPE_LEVELS[chosenRole].map((l) => t(`levels.${l}`)).join(t("admin.listSeparator")),
          })}
        />
      </div>
      <p className="text-sm text-stone-600">{t("admin.user.roleNote")}</p>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("admin.user.changeRole")}
      </SubmitButton>
    </form>
  );
}
