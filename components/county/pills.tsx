"use client";
// Status pills for client tables (the server badges in components/ui/badge.tsx translate on the
// server and cannot run here); same colours, labels from the client's messages.
import { useTranslations } from "next-intl";

type Tone = "gray" | "red" | "amber" | "green" | "blue" | "purple";
const TONES: Record<Tone, string> = {
  gray: "bg-stone-100 text-stone-800 ring-stone-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-300",
  purple: "bg-violet-50 text-violet-800 ring-violet-300",
};

export function Pill({ tone = "gray", children, title }: { tone?: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

const REGISTERED_TONE: Record<string, Tone> = { not_registered: "gray", registered_poor: "red", lifted: "blue" };
const ASSESSED_TONE: Record<string, Tone> = { below_standard: "red", at_risk: "amber", secure: "green" };
const DUE_TONE: Record<string, Tone> = { done: "green", due: "amber", overdue: "red" };

export function RegisteredPills({ status, monitoring }: { status: string; monitoring: string | null }) {
  const t = useTranslations();
  return (
    <span className="flex flex-wrap gap-1">
      <Pill tone={REGISTERED_TONE[status] ?? "gray"}>{t(`registered.${status}`)}</Pill>
      {monitoring && <Pill tone="amber">{t(`monitoring.${monitoring}`)}</Pill>}
    </span>
  );
}

export function AssessedPills({ status, candidate, category }: { status: string | null; candidate: string | null; category?: string | null }) {
  const t = useTranslations();
  const icon = status === "secure" ? "✓" : status === "at_risk" ? "!" : status === "below_standard" ? "✕" : "?";
  return (
    <span className="flex flex-wrap gap-1">
      <Pill tone={status ? ASSESSED_TONE[status] ?? "gray" : "gray"}>
        <span aria-hidden className="mr-1">{icon}</span>
        {t(`assessed.${status ?? "none"}`)}
      </Pill>
      {candidate && (
        <Pill tone="purple" title={t("candidate.mismatch")}>
          <span aria-hidden className="mr-1">⚑</span>
          {t(`candidate.${candidate}`)}
          {category ? ` · ${t(`monitoring.${category}`)}` : ""}
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
      {due && <Pill tone={DUE_TONE[due] ?? "gray"}>{t(`due.${due}`)}</Pill>}
    </span>
  );
}

export function UnmetList({ items }: { items: string[] }) {
  const t = useTranslations("indicators");
  if (items.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {items.map((k) => <Pill key={k} tone="red">{t(k)}</Pill>)}
    </span>
  );
}
