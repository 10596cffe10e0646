"use client";
// Status pills for client tables (the server badges in components/ui/badge.tsx translate on the
// server and cannot run here); same colours, labels from the client's messages.
import { useTranslations } from "next-intl";

import { ASSESSED_TONE, Badge as Pill, REGISTERED_TONE, type Tone } from "@/components/ui/tone";
import type { KeyUnder } from "@/i18n/keys";

export { Pill };

const DUE_TONE: Record<string, Tone> = { done: "green", due: "amber", overdue: "red" };

export function RegisteredPills({ status, monitoring }: { status: string; monitoring: string | null }) {
  const t = useTranslations();
  return (
    <span className="flex flex-wrap gap-1">
      <Pill tone={REGISTERED_TONE[status] ?? "gray"}>{t(`registered.${status as KeyUnder<"registered">}`)}</Pill>
      {monitoring && <Pill tone="amber">{t(`monitoring.${monitoring as KeyUnder<"monitoring">}`)}</Pill>}
    </span>
  );
}

export function AssessedPills({
  status,
  candidate,
  category,
}: {
  status: string | null;
  candidate: string | null;
  category?: string | null;
}) {
  const t = useTranslations();
  const icon = status === "secure" ? "✓" : status === "at_risk" ? "!" : status === "below_standard" ? "✕" : "?";
  return (
    <span className="flex flex-wrap gap-1">
      <Pill tone={status ? (ASSESSED_TONE[status] ?? "gray") : "gray"}>
        <span aria-hidden className="mr-1">
          {icon}
        </span>
        {t(`assessed.${(status ?? "none") as KeyUnder<"assessed">}`)}
      </Pill>
      {candidate && (
        <Pill tone="purple" title={t("candidate.mismatch")}>
          <span aria-hidden className="mr-1">
            ⚑
          </span>
          {t(`candidate.${candidate as KeyUnder<"candidate">}`)}
          {category ? ` · ${t(`monitoring.${category as KeyUnder<"monitoring">}`)}` : ""}
          <span className="sr-only"> {t("candidate.mismatch")}</span>
        </Pill>
      )}
    </span>
  );
}

/** Last visit, and whether this month's is done, due or overdue (only for a household with a cadre). */
export function VisitCell({ date, due }: { date: string | null; due: string | null }) {
  const t = useTranslations("county.villagePage");
  return (
    <span className="flex flex-col items-start gap-0.5">
      <span className={`tabular-nums ${date ? "" : "text-stone-500"}`}>{date ?? t("never")}</span>
      {due && <Pill tone={DUE_TONE[due] ?? "gray"}>{t(`due.${due as KeyUnder<"county.villagePage.due">}`)}</Pill>}
    </span>
  );
}

export function UnmetList({ items }: { items: string[] }) {
  const t = useTranslations("indicators");
  if (items.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {items.map((k) => (
        <Pill key={k} tone="red">
          {t(k as KeyUnder<"indicators">)}
        </Pill>
      ))}
    </span>
  );
}
