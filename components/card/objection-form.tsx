"use client";
// During a public notice about the household, the household can object from its card. Closed
// by default (a button opens it), so the page stays short.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { lodgeCardObjection } from "@/lib/actions/card/lodge-objection";
import { usePowSubmit } from "@/components/help/use-pow-submit";
import { FieldError } from "@/components/help/report-form";
import { CONTACT_MAX, REPORT_TEXT_MAX } from "@/lib/validation/help";

export function ObjectionForm({ token, proposalId, until }: { token: string; proposalId: string; until: string }) {
  const t = useTranslations("card");
  const th = useTranslations("help");
  const [open, setOpen] = useState(false);
  const { phase, result, submit } = usePowSubmit((fd) => lodgeCardObjection(undefined, fd), th("e.network"));
  const busy = phase !== "idle";
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  if (result?.ok) {
    return (
      <p role="status" className="rounded-xl bg-emerald-50 p-3 text-lg text-emerald-900" data-testid="objection-lodged">
        ✓ {result.data?.message}
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="w-full rounded-xl border-2 border-brand-600 px-4 py-3 text-lg font-semibold text-brand-700"
        data-testid="objection-open"
      >
        {t("objection.open", { until })}
      </button>
    );
  }
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        fd.set("token", token);
        fd.set("proposalId", proposalId);
        await submit(fd);
      }}
    >
      <p className="text-base text-stone-700">{t("objection.intro", { until })}</p>
      <label className="block">
        <span className="text-lg font-semibold">{t("objection.text")}</span>
        <textarea
          name="text"
          rows={4}
          maxLength={REPORT_TEXT_MAX}
          required
          className="mt-1 w-full rounded-xl border-2 border-stone-300 px-3 py-3 text-lg"
        />
        <FieldError messages={errors.text} />
      </label>
      <label className="block">
        <span className="text-lg font-semibold">{t("objection.contact")}</span>
        <input
          name="contact"
          inputMode="tel"
          maxLength={CONTACT_MAX}
          className="mt-1 w-full rounded-xl border-2 border-stone-300 px-3 py-3 text-lg"
        />
        <FieldError messages={errors.contact} />
      </label>
      {result && !result.ok && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 text-lg text-red-800">
          {result.message}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-xl bg-brand-600 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60"
      >
        {busy ? th("form.submitting") : t("objection.submit")}
      </button>
    </form>
  );
}
