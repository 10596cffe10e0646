"use client";
// The proposal page's controls for the next step: explain the comparison flags, review / approve (with the reason kept), publish the second notice,
// announce, record an objection, send back for re-verification. The server decides each.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { explainComparison } from "@/lib/actions/proposals/explain-comparison";
import { townshipReview } from "@/lib/actions/procedure/township-review";
import { countyApprove } from "@/lib/actions/procedure/county-approve";
import { sendBack } from "@/lib/actions/procedure/send-back";
import { returnAtReview } from "@/lib/actions/procedure/return-at-review";
import { publishSecondNotice } from "@/lib/actions/procedure/publish-second-notice";
import { announce } from "@/lib/actions/procedure/announce";
import { lodgeObjection } from "@/lib/actions/procedure/lodge-objection";
import { Field, FieldErrors, StatusLine, SubmitButton, errorsAt, fieldId } from "@/components/ui/form";
import { newId } from "@/components/ui/new-id";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type {
  announceSchema,
  explainComparisonSchema,
  objectionCheckSchema,
  objectionSchema,
  secondNoticeSchema,
  stepSchema,
} from "@/lib/validation/procedure";

export function ExplainForm({ proposalId, version, flagged }: { proposalId: string; version: number; flagged: boolean }) {
  const t = useTranslations("procedure.page");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(explainComparison, schemaOf<typeof explainComparisonSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="version" value={version} />
      <Field
        form={fields}
        name="explanation"
        label={t("explanation")}
        hint={flagged ? t("explanationHint") : t("rerunHint")}
        required={flagged}
      >
        {(a) => <textarea {...a} name="explanation" rows={3} maxLength={2000} />}
      </Field>
      <SubmitButton pending={pending}>{flagged ? t("explain") : t("rerun")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

const STEP_ACTIONS = { township: townshipReview, county: countyApprove } as const;

/**
 * The village's check of the waiting objections: about this item? new? The note is kept with
 * each objection; only one that stands sends the item back for re-verification and a new vote.
 */
export function ObjectionCheckForm({ proposalId, version }: { proposalId: string; version: number }) {
  const t = useTranslations("procedure.page");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(sendBack, schemaOf<typeof objectionCheckSchema>(), { after: "refresh" });
  const yesNo = (name: "aboutItem" | "isNew") => (
    <fieldset>
      <legend className="text-sm font-medium">{t(`check.${name}`)}</legend>
      <div className="mt-1 flex gap-4">
        {(["yes", "no"] as const).map((v) => (
          <label key={v} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name={name} value={v} className="h-5 w-5" />
            {t(`check.${v}`)}
          </label>
        ))}
      </div>
      <FieldErrors id={fieldId(fields.idPrefix, name)} errors={errorsAt(fields, name)} />
    </fieldset>
  );
  return (
    <form action={formAction} className="space-y-3" data-testid="objection-check">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-stone-700">{t("check.hint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {yesNo("aboutItem")}
        {yesNo("isNew")}
      </div>
      <Field form={fields} name="reason" label={t("check.note")} required>
        {(a) => <textarea {...a} name="reason" rows={2} maxLength={1000} />}
      </Field>
      <SubmitButton pending={pending}>{t("check.save")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

/** A decision with its reason kept: township review, county approval, or sending back. */
export function ReasonStepForm({
  which,
  proposalId,
  version,
  label,
  placeholder,
  tone = "brand",
}: {
  which: keyof typeof STEP_ACTIONS;
  proposalId: string;
  version: number;
  label: string;
  placeholder: string;
  tone?: "brand" | "danger";
}) {
  const t = useTranslations("procedure.page");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(STEP_ACTIONS[which], schemaOf<typeof stepSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="version" value={version} />
      <Field form={fields} name="reason" label={t("reason")} required>
        {(a) => <textarea {...a} name="reason" rows={2} maxLength={1000} placeholder={placeholder} required />}
      </Field>
      <SubmitButton pending={pending} tone={tone}>
        {label}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

/** The reviewer's visible way to send an item back at its review, with the reason (audited). */
export function SendBackAtReviewForm({ proposalId, version }: { proposalId: string; version: number }) {
  const t = useTranslations("procedure.page");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(returnAtReview, schemaOf<typeof stepSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-red-200 bg-red-50/40 p-3" data-testid="send-back-at-review">
      <h3 className="text-sm font-semibold text-red-900">{t("sendBackTitle")}</h3>
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="version" value={version} />
      <Field form={fields} name="reason" label={t("sendBackReason")} hint={t("sendBackHint")} required>
        {(a) => <textarea {...a} name="reason" rows={2} maxLength={1000} placeholder={t("sendBackPlaceholder")} required />}
      </Field>
      <SubmitButton pending={pending} tone="danger">
        {t("sendBackButton")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function SecondNoticeForm({ proposalIds, today, notBefore }: { proposalIds: string[]; today: string; notBefore: string }) {
  const t = useTranslations("procedure.page");
  const [id, setId] = useState(newId);
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(publishSecondNotice, schemaOf<typeof secondNoticeSchema>(), { after: "refresh", onSuccess: () => setId(newId()) });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {proposalIds.map((p) => (
        <input key={p} type="hidden" name="proposalIds" value={p} />
      ))}
      <Field form={fields} name="startDate" label={t("noticeStart")} hint={t("noticeStartHint", { from: notBefore, to: today })} required>
        {(a) => <input {...a} type="date" name="startDate" defaultValue={today} min={notBefore} max={today} required />}
      </Field>
      <SubmitButton pending={pending}>{t("publishSecond")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function AnnounceForm({ proposalIds, label }: { proposalIds: string[]; label: string }) {
  const t = useTranslations("procedure.page");
  const [id, setId] = useState(newId);
  const [sure, setSure] = useState(false);
  const {
    state,
    dispatch: formAction,
    pending,
  } = useFormAction(announce, schemaOf<typeof announceSchema>(), { after: "refresh", onSuccess: () => setId(newId()) });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {proposalIds.map((p) => (
        <input key={p} type="hidden" name="proposalIds" value={p} />
      ))}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} className="mt-1 h-5 w-5" />
        <span>{t("announceConfirm")}</span>
      </label>
      <SubmitButton pending={pending || !sure}>{label}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function ObjectionForm({ proposalId }: { proposalId: string }) {
  const t = useTranslations("procedure.page");
  const [id, setId] = useState(newId);
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(lodgeObjection, schemaOf<typeof objectionSchema>(), { after: "refresh", onSuccess: () => setId(newId()) });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field form={fields} name="byName" label={t("objector")}>
          {(a) => <input {...a} name="byName" maxLength={40} />}
        </Field>
        <Field form={fields} name="contact" label={t("contact")}>
          {(a) => <input {...a} name="contact" maxLength={40} />}
        </Field>
      </div>
      <Field form={fields} name="text" label={t("objectionText")} hint={t("objectionHint")} required>
        {(a) => <textarea {...a} name="text" rows={3} maxLength={2000} required />}
      </Field>
      <SubmitButton pending={pending} tone="danger">
        {t("lodge")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
