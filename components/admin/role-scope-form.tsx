"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeUserRole } from "@/lib/actions/admin/change-user-role";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { RegionOption } from "@/lib/data/admin/regions";
import { SCOPE_LEVELS } from "@/lib/validation/admin";
import { FormStatus, SelectField, SubmitButton, errorsOf, initialActionState, useFields } from "./form-bits";
import { RegionPicker } from "./region-picker";

export function RoleScopeForm({ userId, role, region }: { userId: string; role: Role; region: RegionOption }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(changeUserRole, initialActionState);
  const { values, set } = useFields({ role: role as string, regionId: region.id });
  const chosenRole = values.role as Role;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
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
          role={chosenRole}
          initialOption={region}
          errors={errorsOf(state, "regionId")}
          hint={t("admin.users.scopeFits", {
            levels: SCOPE_LEVELS[chosenRole].map((l) => t(`levels.${l}`)).join(t("admin.listSeparator")),
          })}
        />
      </div>
      <p className="text-sm text-stone-600">{t("admin.user.roleNote")}</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("admin.user.changeRole")}</SubmitButton>
    </form>
  );
}
