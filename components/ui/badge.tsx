import { getTranslations } from "next-intl/server";

type Tone = "gray" | "red" | "amber" | "green" | "blue" | "purple";
const TONES: Record<Tone, string> = {
  gray: "bg-stone-100 text-stone-800 ring-stone-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-300",
  purple: "bg-violet-50 text-violet-800 ring-violet-300",
};

export function Badge({ tone = "gray", children, title }: { tone?: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

const REGISTERED_TONE: Record<string, Tone> = { not_registered: "gray", registered_poor: "red", lifted: "blue" };
const ASSESSED_TONE: Record<string, Tone> = { below_standard: "red", at_risk: "amber", secure: "green" };

export async function RegisteredBadge({ status }: { status: string }) {
  const t = await getTranslations("registered");
  return <Badge tone={REGISTERED_TONE[status] ?? "gray"}>{t(status)}</Badge>;
}

export async function AssessedBadge({ status }: { status: string | null }) {
  const t = await getTranslations("assessed");
  const icon = status === "secure" ? "✓" : status === "at_risk" ? "!" : status === "below_standard" ? "✕" : "?";
  return (
    <Badge tone={status ? ASSESSED_TONE[status] ?? "gray" : "gray"}>
      <span aria-hidden className="mr-1">{icon}</span>
      {t(status ?? "none")}
    </Badge>
  );
}

export async function CandidateBadge({ candidate, category }: { candidate: string | null; category?: string | null }) {
  if (!candidate) return null;
  const t = await getTranslations();
  return (
    <Badge tone="purple" title={t("candidate.mismatch")}>
      <span aria-hidden className="mr-1">⚑</span>
      {t(`candidate.${candidate}`)}
      {category ? ` · ${t(`monitoring.${category}`)}` : ""}
    </Badge>
  );
}
