"use client";
// Raise a proposal for one household: kind (and monitoring category), where it comes from, and
// the reason printed on the public notice. The id is made on the device, so a retry stores once.
// A monitoring proposal from the household's own application carries its signed application and
// asset-query authorisation (a photo). Choices and text are held in state, so a refused
// submission keeps them (React resets a form's uncontrolled fields after its action runs).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { raiseProposalAndOpen } from "@/lib/actions/proposals/raise-proposal";
import { MAX_REASON } from "@/lib/validation/procedure";
import { Field, FieldErrors, StatusLine, SubmitButton, errorsAt, fieldId } from "@/components/ui/form";
import { newId } from "@/components/ui/new-id";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type { raiseProposalSchema } from "@/lib/validation/procedure";

export interface KindOption {
  kind: string;
  label: string;
  disabledReason: string | null;
}

export function ProposeForm({
  householdId,
  kinds,
  categories,
  sources,
  initial,
}: {
  householdId: string;
  kinds: KindOption[];
  categories: { value: string; label: string }[];
  sources: { value: string; label: string }[];
  initial: { kind: string; category: string; source: string };
}) {
  const t = useTranslations("procedure.propose");
  const [id] = useState(newId);
  const [kind, setKind] = useState(initial.kind);
  const [source, setSource] = useState(initial.source);
  const [category, setCategory] = useState(initial.category);
  const [reason, setReason] = useState("");
  const needsAuthorisation = kind === "monitor" && source === "application";
  // on success the action redirects to the proposal's page
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(raiseProposalAndOpen, schemaOf<typeof raiseProposalSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="householdId" value={householdId} />
      <fieldset>
        <legend className="text-sm font-medium">
          {t("kind")}
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        </legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {kinds.map((k) => (
            <label
              key={k.kind}
              className={`flex min-h-11 items-start gap-2 rounded-lg border p-3 text-sm ${k.disabledReason ? "border-stone-200 text-stone-400" : kind === k.kind ? "border-brand-700 bg-brand-50" : "border-stone-300"}`}
            >
              <input
                type="radio"
                name="kind"
                value={k.kind}
                checked={kind === k.kind}
                disabled={Boolean(k.disabledReason)}
                onChange={() => setKind(k.kind)}
                className="mt-0.5 h-5 w-5"
              />
              <span>
                <span className="font-semibold">{k.label}</span>
                {k.disabledReason && <span className="block text-xs">{k.disabledReason}</span>}
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id={fieldId(fields.idPrefix, "kind")} errors={errorsAt(fields, "kind")} />
      </fieldset>
      {kind === "monitor" && (
        <Field form={fields} name="monitoringCategory" label={t("category")} required>
          {(a) => (
            <select {...a} name="monitoringCategory" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t("chooseCategory")}</option>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <fieldset>
        <legend className="text-sm font-medium">{t("source")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {sources.map((s) => (
            <label key={s.value} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name="source"
                value={s.value}
                checked={source === s.value}
                onChange={() => setSource(s.value)}
                className="h-5 w-5"
              />
              {s.label}
            </label>
          ))}
        </div>
        <FieldErrors id={fieldId(fields.idPrefix, "source")} errors={errorsAt(fields, "source")} />
      </fieldset>
      {needsAuthorisation && (
        <Field form={fields} name="authorisation" label={t("authorisation")} hint={t("authorisationHint")} required>
          {(a) => <input {...a} name="authorisation" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />}
        </Field>
      )}
      <Field form={fields} name="reason" label={t("reason")} hint={t("reasonHint")} required>
        {(a) => (
          <textarea
            {...a}
            name="reason"
            rows={3}
            maxLength={MAX_REASON}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
