"use client";
// Correcting a household's facts (indicators, income items, members) with a required reason.
// Pre-filled with the current record; only what the cadre changed is sent (diffFacts); a stale
// version comes back as a conflict that names who changed the household and when.
import { startTransition, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { updateHousehold } from "@/lib/actions/households/update-household";
import { updateHouseholdSchema } from "@/lib/validation/household-edit";
import { diffFacts, draftFilled, type HouseholdFacts } from "@/lib/validation/visit-facts";
import { openSectionsWithErrors } from "@/components/visit/fact-fields";
import { FactSections } from "@/components/visit/fact-sections";
import type { DraftRow } from "@/components/visit/member-fields";
import { sentRows, useErrorLabels } from "@/components/visit/error-labels";
import {
  ErrorSummary,
  FormSection as Section,
  SubmitBar,
  TextAreaField,
  formFields,
  issuesToErrors,
  type ErrorMap,
} from "@/components/ui/form";
import { SavedPanel } from "@/components/ui/saved-panel";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { buttonClass } from "@/components/ui/button-style";

export function HouseholdEditForm({
  householdId,
  baseVersion,
  facts: base,
}: {
  householdId: string;
  baseVersion: number;
  facts: HouseholdFacts;
}) {
  const t = useTranslations();
  const tv = useTranslations("validation");
  const [facts, setFacts] = useState<HouseholdFacts>(base);
  const [drafts, setDrafts] = useState<DraftRow[]>([]);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<ErrorMap>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState({ indicators: true, income: true, members: false, newMembers: false });
  const summary = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const newKey = () => `k${++seq.current}`;
  // the rows sent are the changed members and the filled new ones, in order: each row's fields
  // are named by its index there, which is where the schema's and the server's errors point
  const changes = diffFacts(base, facts, drafts);
  const sent = sentRows(
    changes,
    drafts.filter(draftFilled).map((d) => d.key),
  );
  const fields = formFields<typeof updateHouseholdSchema>("f-", errors);
  const baseLabel = useErrorLabels("changes.", facts, drafts, [], sent);
  const labelOf = (k: string) =>
    k === "reason"
      ? t("householdEdit.edit.reason")
      : k === "_form" || k === "changes" || k === "changes.newMembers"
        ? t("householdEdit.edit.facts")
        : baseLabel(k);

  const showErrors = (map: ErrorMap) => {
    setErrors(map);
    setOpen((o) => openSectionsWithErrors(o, Object.keys(map), "changes."));
    requestAnimationFrame(() => summary.current?.focus());
  };
  const { state, dispatch, pending } = useFormAction(updateHousehold, schemaOf<typeof updateHouseholdSchema>(), {
    onFailure: (r) => {
      if (!r.ok && r.fieldErrors) showErrors(r.fieldErrors);
      else requestAnimationFrame(() => summary.current?.focus());
    },
  });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!changes) {
      setErrors({});
      setNotice(t("householdEdit.problems.nothingChanged"));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const payload = { householdId, baseVersion, reason, changes };
    const check = updateHouseholdSchema.safeParse(payload);
    if (!check.success) {
      const map = issuesToErrors(check.error.issues, (k) => tv(k), t("errors.invalid"));
      // an empty required choice says "required", not "not an allowed value"
      sent.newMembers.forEach((key, i) => {
        const d = drafts.find((x) => x.key === key)!;
        for (const f of ["name", "sex", "birthDate", "relation"] as const)
          if (map[`changes.newMembers.${i}.${f}`] && !d[f].trim()) map[`changes.newMembers.${i}.${f}`] = [tv("required")];
      });
      return showErrors(map);
    }
    setErrors({});
    startTransition(() => dispatch(payload));
  };

  if (state.ok && state.data) {
    return (
      <SavedPanel
        message={t("householdEdit.edit.saved")}
        links={[{ href: `/households/${householdId}`, label: t("householdEdit.back"), primary: true }]}
      />
    );
  }
  if (!state.ok && state.code === "conflict") {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
        <h2 className="text-base font-semibold text-amber-900">{t("householdEdit.edit.conflictTitle")}</h2>
        <p className="text-sm text-amber-900">{state.message}</p>
        <a href={`/households/${householdId}/edit`} className={`${buttonClass("brand", "lg")} w-full`}>
          {t("householdEdit.edit.reload")}
        </a>
        <a
          href={`/households/${householdId}`}
          className="flex min-h-11 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 text-base"
        >
          {t("householdEdit.back")}
        </a>
      </div>
    );
  }

  const failed = !state.ok ? state.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <p className="text-sm text-stone-700">{t("householdEdit.edit.intro")}</p>
      <Section title={t("householdEdit.edit.facts")}>
        <FactSections
          form={fields}
          at="changes."
          titles={{
            indicators: t("householdEdit.edit.indicators"),
            income: t("householdEdit.edit.income"),
            members: t("householdEdit.edit.members"),
            newMembers: t("householdEdit.edit.newMembers"),
          }}
          base={base}
          facts={facts}
          setFacts={setFacts}
          drafts={drafts}
          setDrafts={setDrafts}
          open={open}
          setOpen={setOpen}
          sent={sent}
          newKey={newKey}
        />
      </Section>
      <Section title={t("householdEdit.edit.reason")}>
        <TextAreaField
          form={fields}
          name="reason"
          label={t("householdEdit.edit.reason")}
          value={reason}
          onChange={setReason}
          required
          rows={3}
          maxLength={500}
          hint={t("householdEdit.edit.reasonHint")}
        />
      </Section>
      <ErrorSummary
        ref={summary}
        title={t("householdEdit.edit.errorSummary")}
        message={notice ?? failed}
        errors={errors}
        idPrefix={fields.idPrefix}
        labelOf={labelOf}
      />
      <SubmitBar pending={pending} label={t("householdEdit.edit.submit")} pendingLabel={t("householdEdit.edit.saving")} />
    </form>
  );
}
