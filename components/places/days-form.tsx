"use client";
// One resident's days in the village for the month shown: a small inline form on the teams page.
import { useTranslations } from "next-intl";
import { recordResidentDays } from "@/lib/actions/places/record-resident-days";
import type { residentDaysSchema } from "@/lib/validation/resident";
import { FieldErrors, SubmitButton, errorsAt, inputClass } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";

export function DaysForm({ postingId, month, days, label }: { postingId: string; month: string; days: number | null; label: string }) {
  const t = useTranslations("places.teams");
  const prefix = `days-${postingId.slice(0, 8)}-`;
  const { state, dispatch, pending, fields } = useFormAction(recordResidentDays, schemaOf<typeof residentDaysSchema>(), {
    idPrefix: prefix,
    after: "refresh",
  });
  const { values, set } = useFormValues({ days: days === null ? "" : String(days) });
  const errors = errorsAt(fields, "days");
  const id = `${prefix}days`;
  return (
    <form action={dispatch} noValidate className="flex items-start gap-2" data-testid="days-form">
      <input type="hidden" name="postingId" value={postingId} />
      <input type="hidden" name="month" value={month} />
      <div>
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          name="days"
          inputMode="numeric"
          value={values.days}
          onChange={(e) => set("days", e.target.value)}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-error` : undefined}
          className={`${inputClass} !mt-0 w-20`}
        />
        <FieldErrors id={id} errors={errors} />
        {!state.ok && !errors && state.message && <p className="text-xs text-red-700">{state.message}</p>}
      </div>
      <SubmitButton pending={pending} size="sm" tone="plain">
        {t("recordDays")}
      </SubmitButton>
    </form>
  );
}
