"use client";
// One resident's days in the village for the month shown: a small inline form on the teams page.
import { useTranslations } from "next-intl";
import { recordResidentDays } from "@/lib/actions/places/record-resident-days";
import type { residentDaysSchema } from "@/lib/validation/resident";
import { Field, SubmitButton, errorsAt } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";

export function DaysForm({ postingId, month, days, label }: { postingId: string; month: string; days: number | null; label: string }) {
  const t = useTranslations("places.teams");
  const { state, dispatch, pending, fields } = useFormAction(recordResidentDays, schemaOf<typeof residentDaysSchema>(), {
    idPrefix: `days-${postingId.slice(0, 8)}-`,
    after: "refresh",
  });
  const { values, set } = useFormValues({ days: days === null ? "" : String(days) });
  return (
    <form action={dispatch} noValidate className="flex items-start gap-2" data-testid="days-form">
      <input type="hidden" name="postingId" value={postingId} />
      <input type="hidden" name="month" value={month} />
      <div>
        <Field form={fields} name="days" label={label} hideLabel>
          {(a11y) => (
            <input
              {...a11y}
              name="days"
              inputMode="numeric"
              value={values.days}
              onChange={(e) => set("days", e.target.value)}
              className={`${a11y.className} !mt-0 w-20`}
            />
          )}
        </Field>
        {!state.ok && !errorsAt(fields, "days") && state.message && <p className="text-xs text-red-700">{state.message}</p>}
      </div>
      <SubmitButton pending={pending} size="sm" tone="plain">
        {t("recordDays")}
      </SubmitButton>
    </form>
  );
}
