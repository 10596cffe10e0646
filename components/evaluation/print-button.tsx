"use client";
import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("evaluation.report");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      data-testid="print-report"
    >
      {t("print")}
    </button>
  );
}
