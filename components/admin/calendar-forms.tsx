"use client";
// The work calendar's forms (管理 → 节假日): set a day, remove a day, load a year (from the
// bundled data or as typed by hand), withdraw a year's "loaded" mark.
import { useTranslations } from "next-intl";
import { setCalendarDay } from "@/lib/actions/admin/set-calendar-day";
import { removeCalendarDay } from "@/lib/actions/admin/remove-calendar-day";
import { publishCalendarYear } from "@/lib/actions/admin/publish-calendar-year";
import { withdrawCalendarYear } from "@/lib/actions/admin/withdraw-calendar-year";
import { SelectField, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { bindFields } from "@/components/ui/bind-fields";
import type {
  publishCalendarYearSchema,
  removeCalendarDaySchema,
  setCalendarDaySchema,
  withdrawCalendarYearSchema,
} from "@/lib/validation/calendar";

export function SetDayForm({ year }: { year: number }) {
  const t = useTranslations("admin.calendar");
  const { values, set, reset } = useFormValues({ date: `${year}-`, kind: "holiday", name: "" });
  const {
    state,
    dispatch: action,
    pending,
    fields,
  } = useFormAction(setCalendarDay, schemaOf<typeof setCalendarDaySchema>(), {
    onSuccess: reset,
  });
  const field = bindFields(fields, values, set);
  return (
    <form action={action} noValidate className="space-y-3" data-testid="calendar-set-day">
      <p className="text-xs text-stone-600">{t("addHint")}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField {...field("date")} label={t("dateLabel")} maxLength={10} required hint="YYYY-MM-DD" />
        <SelectField
          {...field("kind")}
          label={t("kindLabel")}
          required
          options={[
            { value: "holiday", label: t("kindHoliday") },
            { value: "workday", label: t("kindWorkday") },
          ]}
        />
        <TextField {...field("name")} label={t("nameLabel")} maxLength={20} required />
      </div>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}

export function RemoveDayButton({ date, label }: { date: string; label: string }) {
  const { state, dispatch: action, pending } = useFormAction(removeCalendarDay, schemaOf<typeof removeCalendarDaySchema>());
  return (
    <form action={action} className="inline">
      <input type="hidden" name="date" value={date} />
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-red-700 underline disabled:opacity-50"
        aria-label={`${label} ${date}`}
      >
        {label}
      </button>
      {!state.ok && state.message && (
        <span role="status" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}

export function LoadFromPackageForm({ year, label, hint }: { year: number; label: string; hint?: string }) {
  const { state, dispatch: action, pending } = useFormAction(publishCalendarYear, schemaOf<typeof publishCalendarYearSchema>());
  return (
    <form action={action} noValidate className="space-y-2">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="mode" value="package" />
      {hint && <p className="text-xs text-stone-600">{hint}</p>}
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending}>
        {label}
      </SubmitButton>
    </form>
  );
}

export function MarkLoadedForm({ year }: { year: number }) {
  const t = useTranslations("admin.calendar");
  const { state, dispatch: action, pending, fields } = useFormAction(publishCalendarYear, schemaOf<typeof publishCalendarYearSchema>());
  const { values, set } = useFormValues({ notice: "" });
  const field = bindFields(fields, values, set);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="mode" value="manual" />
      <TextField {...field("notice")} label={t("sourceLabel")} maxLength={200} required hint={t("markLoadedHint")} />
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending} tone="plain">
        {t("markLoaded")}
      </SubmitButton>
    </form>
  );
}

export function WithdrawYearForm({ year }: { year: number }) {
  const t = useTranslations("admin.calendar");
  const { state, dispatch: action, pending } = useFormAction(withdrawCalendarYear, schemaOf<typeof withdrawCalendarYearSchema>());
  return (
    <form action={action} noValidate className="space-y-2">
      <input type="hidden" name="year" value={year} />
      <p className="text-xs text-stone-600">{t("withdrawHint")}</p>
      <StatusLine state={state} />
      <SubmitButton showPending pending={pending} tone="plain">
        {t("withdraw")}
      </SubmitButton>
    </form>
  );
}
