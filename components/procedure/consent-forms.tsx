"use client";
// The household's own word and the home check on the proposal page (procedure v2):
//  - the home verification (入户核实): who checked, when, income and each guarantee found, the
//    findings, and the checker's signature on the pad;
//  - the exit agreement (拟退出贫困户认可): the income and guarantees shown to the family, then the
//    head's signature on the pad or a photo of the thumb-printed paper form — or the refusal with
//    its reason (the exit stops there).
// The pad (signature_pad) is loaded only when it is shown. The server decides everything.
import { startTransition, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { recordHomeVerification } from "@/lib/actions/proposals/record-home-verification";
import { recordExitAgreement } from "@/lib/actions/proposals/record-exit-agreement";
import { SignaturePad, type SignaturePadHandle } from "@/components/signature/signature-pad";
import { Field, FieldErrors, StatusLine, SubmitButton, errorsAt, fieldId } from "@/components/ui/form";
import { newId } from "@/components/ui/new-id";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type { exitAgreementSchema, homeVerificationSchema } from "@/lib/validation/procedure";

import { GUARANTEE_KEYS as GUARANTEES, type GuaranteeKey } from "@/lib/validation/procedure";
import { formatQuantity } from "@/lib/domain/format";

/** Sends the form with the pad's PNG (when there is ink) as `field`. */
function withSignature(form: HTMLFormElement, pad: SignaturePadHandle | null, field: string, send: (fd: FormData) => void): void {
  const fd = new FormData(form);
  void (async () => {
    const blob = pad && !pad.isEmpty() ? await pad.toBlob() : null;
    if (blob) fd.set(field, new File([blob], "signature.png", { type: "image/png" }));
    startTransition(() => send(fd));
  })();
}

export function VerificationRecord({
  v,
}: {
  v: {
    checkedOn: string;
    checkedByName: string;
    recordedBy: string | null;
    perCapitaIncome: number;
    guarantees: Record<string, boolean>;
    findings: string;
    signatureEvidenceId: string;
  };
}) {
  const t = useTranslations("procedure");
  const labels = {
    checkedBy: t("page.checkedBy"),
    checkedOn: t("page.checkedOn"),
    income: t("page.incomeFound"),
    findings: t("page.findings"),
    signature: t("page.checkerSignature"),
    met: t("page.met"),
    unmet: t("page.unmet"),
  };
  const guaranteeLabel = (k: GuaranteeKey) => t(`guarantee.${k}`);
  return (
    <div className="space-y-2 text-sm" data-testid="verification">
      <dl className="grid gap-2 sm:grid-cols-3">
        <div>
          <dt className="text-xs text-stone-500">{labels.checkedBy}</dt>
          <dd>
            {v.checkedByName}
            {v.recordedBy && v.recordedBy !== v.checkedByName ? `（${v.recordedBy}）` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{labels.checkedOn}</dt>
          <dd>{v.checkedOn}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{labels.income}</dt>
          <dd className="tabular-nums">{formatQuantity(v.perCapitaIncome)}</dd>
        </div>
      </dl>
      <ul className="flex flex-wrap gap-2">
        {GUARANTEES.map((k) => (
          <li
            key={k}
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${v.guarantees[k] ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
          >
            {guaranteeLabel(k)}：{v.guarantees[k] ? labels.met : labels.unmet}
          </li>
        ))}
      </ul>
      <p>
        <span className="text-stone-500">{labels.findings}：</span>
        {v.findings}
      </p>
      <a href={`/api/evidence/${v.signatureEvidenceId}`} target="_blank" className="underline">
        {labels.signature}
      </a>
    </div>
  );
}

export function HomeVerificationForm({ proposalId, today, income }: { proposalId: string; today: string; income: number | null }) {
  const t = useTranslations("procedure");
  const [id, setId] = useState(newId);
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(recordHomeVerification, schemaOf<typeof homeVerificationSchema>(), {
    after: "refresh",
    onSuccess: () => setId(newId()),
  });
  return (
    <form
      className="space-y-3"
      data-testid="home-verification-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        withSignature(e.currentTarget, pad.current, "signature", formAction);
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field form={fields} name="checkedByName" label={t("page.checkedBy")} required>
          {(a) => <input {...a} name="checkedByName" maxLength={40} />}
        </Field>
        <Field form={fields} name="checkedOn" label={t("page.checkedOn")} required>
          {(a) => <input {...a} type="date" name="checkedOn" max={today} defaultValue={today} />}
        </Field>
        <Field
          form={fields}
          name="perCapitaIncome"
          label={t("page.incomeFound")}
          hint={income !== null ? t("page.incomeOnRecord", { income: formatQuantity(income) }) : undefined}
          required
        >
          {(a) => <input {...a} name="perCapitaIncome" inputMode="decimal" defaultValue={income ?? ""} />}
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("page.guaranteesFound")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {GUARANTEES.map((k) => (
            <Field key={k} form={fields} name={k} label={t(`guarantee.${k}`)}>
              {(a) => (
                <select {...a} name={k} defaultValue="met">
                  <option value="met">{t("page.met")}</option>
                  <option value="unmet">{t("page.unmet")}</option>
                </select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <Field form={fields} name="findings" label={t("page.findings")} hint={t("page.findingsHint")} required>
        {(a) => <textarea {...a} name="findings" rows={3} maxLength={2000} />}
      </Field>
      <div>
        <span className="text-sm font-medium">
          {t("page.checkerSignature")}
          {signed && <span className="ml-2 text-emerald-700">✓</span>}
        </span>
        <SignaturePad
          ref={pad}
          labels={{ area: t("page.signatureArea"), undo: t("page.undo"), clear: t("page.clear") }}
          onInk={setSigned}
        />
        <FieldErrors id={fieldId(fields.idPrefix, "signature")} errors={errorsAt(fields, "signature")} />
      </div>
      <SubmitButton pending={pending}>{t("page.saveVerification")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function ExitAgreementForm({
  proposalId,
  version,
  income,
  guarantees,
}: {
  proposalId: string;
  version: number;
  income: number;
  guarantees: Record<string, boolean>;
}) {
  const t = useTranslations("procedure");
  const [id] = useState(newId);
  const [outcome, setOutcome] = useState<"agreed" | "refused">("agreed");
  const [method, setMethod] = useState<"signature" | "thumbprint_form">("signature");
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(recordExitAgreement, schemaOf<typeof exitAgreementSchema>(), { after: "refresh" });
  return (
    <form
      className="space-y-3"
      data-testid="exit-agreement-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        withSignature(e.currentTarget, outcome === "agreed" && method === "signature" ? pad.current : null, "signature", formAction);
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="version" value={version} />
      {/* what the family is shown before it signs: the income and each guarantee found */}
      <div className="rounded-lg border border-stone-200 bg-stone-50 p-3 text-sm" data-testid="agreement-shown">
        <p className="font-semibold">{t("page.agreementText")}</p>
        <p className="mt-1">{t("page.shownIncome", { income: formatQuantity(income) })}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {GUARANTEES.map((k) => (
            <li key={k}>
              {t(`guarantee.${k}`)}：{guarantees[k] ? t("page.met") : t("page.unmet")}
            </li>
          ))}
        </ul>
      </div>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">{t("page.householdAnswer")}</legend>
        {(["agreed", "refused"] as const).map((o) => (
          <label key={o} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="h-5 w-5" />
            {t(`page.agreementOutcome.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === "agreed" ? (
        <>
          <fieldset className="flex flex-wrap gap-4">
            <legend className="mb-1 text-sm font-medium">{t("page.agreementHow")}</legend>
            {(["signature", "thumbprint_form"] as const).map((m) => (
              <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} className="h-5 w-5" />
                {t(`page.agreementMethod.${m}`)}
              </label>
            ))}
          </fieldset>
          {method === "signature" ? (
            <div>
              <span className="text-sm font-medium">
                {t("page.headSignature")}
                {signed && <span className="ml-2 text-emerald-700">✓</span>}
              </span>
              <SignaturePad
                ref={pad}
                labels={{ area: t("page.signatureArea"), undo: t("page.undo"), clear: t("page.clear") }}
                onInk={setSigned}
              />
              <FieldErrors id={fieldId(fields.idPrefix, "signature")} errors={errorsAt(fields, "signature")} />
            </div>
          ) : (
            <Field form={fields} name="formPhoto" label={t("page.formPhoto")} hint={t("page.formPhotoHint")} required>
              {(a) => <input {...a} name="formPhoto" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />}
            </Field>
          )}
        </>
      ) : (
        <Field form={fields} name="refusalReason" label={t("page.refusalReason")} hint={t("page.refusalHint")} required>
          {(a) => <textarea {...a} name="refusalReason" rows={3} maxLength={500} />}
        </Field>
      )}
      <SubmitButton pending={pending} tone={outcome === "agreed" ? "green" : "danger"}>
        {outcome === "agreed" ? t("page.saveAgreement") : t("page.saveRefusal")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
