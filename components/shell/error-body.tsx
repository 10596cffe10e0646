"use client";
// The body of an error page: what happened, the reference the log line carries, a retry and the
// way home. The tab names it.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-style";

export function ErrorBody({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations("errors");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mx-auto max-w-lg p-8 text-center" role="alert" data-testid="error-page">
      <title>{t("errorTitle")}</title>
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold outline-none">
        {t("errorTitle")}
      </h1>
      <p className="mt-3 text-stone-600">{t("internal", { ref: digest ?? "-" })}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button onClick={reset} className={buttonClass()}>
          {t("retry")}
        </button>
        {/* a plain link: after an error a full load is the surer way home, and next/link would be
            bundled a second time in the root error boundary's chunk (~3 KB on every page) */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (above) */}
        <a href="/" className="rounded border border-stone-300 px-4 py-2">
          {t("backHome")}
        </a>
      </div>
    </div>
  );
}
