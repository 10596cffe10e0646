"use client";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-style";

export function PrintButton() {
  const t = useTranslations("evaluation.report");
  return (
    <button type="button" onClick={() => window.print()} className={`no-print ${buttonClass()}`} data-testid="print-report">
      {t("print")}
    </button>
  );
}
