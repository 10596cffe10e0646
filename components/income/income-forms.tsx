"use client";
// The annual income record (收入核算) on the household's income page:
//  - the record form: the year, each counted item, each recorded-but-not-counted item, and (when
//    the year already has a record) the reason for the correction, which becomes a new revision;
//  - the signing form: the household, read the record back, signs on the pad or a photo of the
//    thumb-printed paper form is taken. The server decides everything (income rule, scope).
import { startTransition, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { recordIncome } from "@/lib/actions/income/record-income";
import { signIncome } from "@/lib/actions/income/sign-income";
import { SignaturePad, type SignaturePadHandle } from "@/components/signature/signature-pad";
import { Field, FieldErrors, StatusLine, SubmitButton, errorsAt, fieldId } from "@/components/ui/form";
import { newId } from "@/components/ui/new-id";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import {
  EXCLUDED_ITEM_COLUMNS,
  INCOME_ITEM_COLUMNS,
  TRANSFER_ITEM_COLUMNS,
  type IncomeItemColumn,
  type recordIncomeSchema,
  type signIncomeSchema,
} from "@/lib/validation/income-record";

const COUNTED: readonly IncomeItemColumn[] = [...INCOME_ITEM_COLUMNS, ...TRANSFER_ITEM_COLUMNS];

export function IncomeRecordForm({
  householdId,
  year,
  maxYear,
  revisions,
  initial,
}: {
  householdId: string;
  year: number;
  maxYear: number;
  /** the current revision of each year that has a record */
  revisions: Record<number, number>;
  /** the items of the current record of `year` (a correction starts from them) */
  initial: Partial<Record<IncomeItemColumn, number>>;
}) {
  const t = useTranslations("countyRecords.income");
  const [id, setId] = useState(newId);
  const [y, setY] = useState(String(year));
  const expected = revisions[Number(y)] ?? 0;
  const { state, dispatch, pending, fields } = useFormAction(recordIncome, schemaOf<typeof recordIncomeSchema>(), {
    after: "refresh",
    onSuccess: () => setId(newId()),
  });
  const item = (c: IncomeItemColumn) => (
    <Field key={c} form={fields} name={c} label={t(c)}>
      {(a) => <input {...a} name={c} inputMode="decimal" defaultValue={String(initial[c] ?? 0)} />}
    </Field>
  );
  return (
    <form
      className="space-y-4"
      data-testid="income-record-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => dispatch(fd));
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="expectedRevision" value={expected} />
      <Field form={fields} name="year" label={t("year")} required>
        {(a) => <input {...a} name="year" type="number" min={2014} max={maxYear} value={y} onChange={(e) => setY(e.target.value)} />}
      </Field>
      <fieldset className="rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("counted")}</legend>
        <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-3">{COUNTED.map(item)}</div>
      </fieldset>
      <fieldset className="rounded-lg border border-amber-200 bg-amber-50/40 p-3">
        <legend className="px-1 text-sm font-semibold">{t("notCounted")}</legend>
        <p className="mb-2 text-xs text-stone-600">{t("excludedHint")}</p>
        <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-3">{EXCLUDED_ITEM_COLUMNS.map(item)}</div>
      </fieldset>
      {expected > 0 && (
        <Field form={fields} name="correctionReason" label={t("correctionReason")} hint={t("correctionHint")} required>
          {(a) => <textarea {...a} name="correctionReason" rows={2} maxLength={500} />}
        </Field>
      )}
      <SubmitButton pending={pending}>{pending ? t("saving") : t("submit")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function SignIncomeForm({ recordId }: { recordId: string }) {
  const t = useTranslations("countyRecords.income");
  const [method, setMethod] = useState<"signature" | "thumbprint_form">("signature");
  const pad = useRef<SignaturePadHandle>(null);
  const [inked, setInked] = useState(false);
  const { state, dispatch, pending, fields } = useFormAction(signIncome, schemaOf<typeof signIncomeSchema>(), {
    after: "refresh",
    idPrefix: `sign-${recordId.slice(0, 8)}-`,
  });
  return (
    <form
      className="space-y-3"
      data-testid="sign-income-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const p = method === "signature" ? pad.current : null;
        void (async () => {
          const blob = p && !p.isEmpty() ? await p.toBlob() : null;
          if (blob) fd.set("signature", new File([blob], "signature.png", { type: "image/png" }));
          startTransition(() => dispatch(fd));
        })();
      }}
    >
      <input type="hidden" name="recordId" value={recordId} />
      <p className="text-sm text-stone-700">{t("readBack")}</p>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">{t("signHow")}</legend>
        {(["signature", "thumbprint_form"] as const).map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} className="h-5 w-5" />
            {t(`method.${m}`)}
          </label>
        ))}
      </fieldset>
      {method === "signature" ? (
        <div>
          <span className="text-sm font-medium">
            {t("headSignature")}
            {inked && <span className="ml-2 text-emerald-700">✓</span>}
          </span>
          <SignaturePad ref={pad} labels={{ area: t("signatureArea"), undo: t("undo"), clear: t("clear") }} onInk={setInked} />
          <FieldErrors id={fieldId(fields.idPrefix, "signature")} errors={errorsAt(fields, "signature")} />
        </div>
      ) : (
        <Field form={fields} name="formPhoto" label={t("formPhoto")} hint={t("formPhotoHint")} required>
          {(a) => <input {...a} name="formPhoto" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />}
        </Field>
      )}
      <SubmitButton pending={pending} tone="green">
        {t("sign")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
