"use client";
// The report form: on the household card (a difficulty of the household itself, with an
// optional photo) and on the village's public page (anyone, about a household they know of).
// Large targets and plain words: it is used on cheap phones, often by older people.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { submitCardReport, type ReportReceipt } from "@/lib/actions/help/submit-card-report";
import { submitVillageReport } from "@/lib/actions/help/submit-village-report";
import { HELP_CATEGORIES, PHOTO_MAX_BYTES, PHOTO_TYPES, REPORT_TEXT_MAX, CONTACT_MAX, HEAD_NAME_MAX } from "@/lib/validation/help";
import { newReportId } from "./pow";
import { usePowSubmit } from "./use-pow-submit";

type Props = { variant: "card"; token: string } | { variant: "village"; villageId: string };

export function ReportForm(props: Props) {
  const t = useTranslations("help");
  const [id, setId] = useState(newReportId);
  const [length, setLength] = useState(0);
  const [clientError, setClientError] = useState<string | null>(null);
  const send = (fd: FormData): Promise<ActionResult<ReportReceipt>> =>
    props.variant === "card" ? submitCardReport(undefined, fd) : submitVillageReport(undefined, fd);
  const { phase, result, submit } = usePowSubmit(send, t("e.network"));
  const busy = phase !== "idle";
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const photo = fd.get("photo");
    // a first check on the phone (the server decides by the bytes)
    if (photo instanceof File && photo.size > PHOTO_MAX_BYTES) {
      setClientError(t("v.photoTooLarge"));
      return;
    }
    if (photo instanceof File && photo.size > 0 && photo.type && !(PHOTO_TYPES as readonly string[]).includes(photo.type)) {
      setClientError(t("v.photoType"));
      return;
    }
    setClientError(null);
    fd.set("id", id);
    if (props.variant === "card") fd.set("token", props.token);
    else fd.set("villageId", props.villageId);
    const out = await submit(fd);
    if (out.ok) {
      form.reset();
      setLength(0);
      setId(newReportId());
    }
  }

  const receipt = result?.ok ? result.data : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid={`report-form-${props.variant}`} noValidate>
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">{t("form.category")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {HELP_CATEGORIES.map((c, i) => (
            <label
              key={c}
              className="flex min-h-14 cursor-pointer items-center gap-2 rounded-xl border-2 border-stone-300 bg-white px-3 py-2 text-lg has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="category"
                value={c}
                defaultChecked={i === HELP_CATEGORIES.length - 1}
                className="h-5 w-5 accent-brand-600"
              />
              <span>{t(`category.${c}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {props.variant === "village" && (
        <label className="block">
          <span className="text-lg font-semibold">{t("form.headName")}</span>
          <span className="block text-base text-stone-600">{t("form.headNameHint")}</span>
          <input
            name="headName"
            maxLength={HEAD_NAME_MAX}
            autoComplete="off"
            className="mt-1 w-full rounded-xl border-2 border-stone-300 px-3 py-3 text-lg"
          />
          <FieldError messages={errors.headName} />
        </label>
      )}

      <label className="block">
        <span className="text-lg font-semibold">{props.variant === "card" ? t("form.textCard") : t("form.textVillage")}</span>
        <textarea
          name="text"
          required
          rows={4}
          maxLength={REPORT_TEXT_MAX}
          onChange={(e) => setLength(e.currentTarget.value.length)}
          className="mt-1 w-full rounded-xl border-2 border-stone-300 px-3 py-3 text-lg"
          aria-describedby="report-count"
        />
        <span id="report-count" className="block text-right text-sm text-stone-500">
          {t("form.count", { count: length, max: REPORT_TEXT_MAX })}
        </span>
        <FieldError messages={errors.text} />
      </label>

      {props.variant === "card" ? (
        <label className="block">
          <span className="text-lg font-semibold">{t("form.photo")}</span>
          <span className="block text-base text-stone-600">{t("form.photoHint")}</span>
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" className="mt-1 block w-full text-base" />
          <FieldError messages={errors.photo} />
        </label>
      ) : (
        <label className="block">
          <span className="text-lg font-semibold">{t("form.contact")}</span>
          <span className="block text-base text-stone-600">{t("form.contactHint")}</span>
          <input
            name="contact"
            inputMode="tel"
            maxLength={CONTACT_MAX}
            autoComplete="tel"
            className="mt-1 w-full rounded-xl border-2 border-stone-300 px-3 py-3 text-lg"
          />
          <FieldError messages={errors.contact} />
        </label>
      )}

      {clientError && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-lg text-red-800">
          {clientError}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-lg text-red-800" data-testid="report-error">
          {result.message}
        </p>
      )}
      {receipt && (
        <div role="status" className="rounded-xl bg-emerald-50 p-3 text-lg text-emerald-900" data-testid="report-received">
          <p className="font-semibold">✓ {receipt.message}</p>
          {props.variant === "card" && <p className="mt-1 text-base">{t("receivedCard")}</p>}
          {receipt.statusPath && (
            <p className="mt-2 text-base">
              {t("statusLinkIntro")}{" "}
              <a className="break-all font-semibold underline" href={receipt.statusPath} data-testid="status-link">
                {t("statusLink")}
              </a>
            </p>
          )}
          {props.variant === "village" && !receipt.statusPath && <p className="mt-1 text-base">{t("noContactNoStatus")}</p>}
        </div>
      )}

      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-xl bg-brand-600 px-4 py-4 text-xl font-semibold text-white disabled:opacity-60"
        data-testid="report-submit"
      >
        {busy ? t("form.submitting") : t("form.submit")}
      </button>
      {busy && (
        <p className="text-center text-base text-stone-600" aria-live="polite">
          {phase === "working" ? t("form.working") : t("form.sending")}
        </p>
      )}
    </form>
  );
}

export function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return <span className="mt-1 block text-base text-red-700">{messages.join("；")}</span>;
}
