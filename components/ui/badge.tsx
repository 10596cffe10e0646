import { getTranslations } from "next-intl/server";

import type { KeyUnder } from "@/i18n/keys";
import { ASSESSED_TONE, Badge, REGISTERED_TONE } from "./tone";

export { Badge };

export async function RegisteredBadge({ status }: { status: string }) {
  const t = await getTranslations("registered");
  return <Badge tone={REGISTERED_TONE[status] ?? "gray"}>{t(status as KeyUnder<"registered">)}</Badge>;
}

export async function AssessedBadge({ status }: { status: string | null }) {
  const t = await getTranslations("assessed");
  const icon = status === "secure" ? "✓" : status === "at_risk" ? "!" : status === "below_standard" ? "✕" : "?";
  return (
    <Badge tone={status ? (ASSESSED_TONE[status] ?? "gray") : "gray"}>
      <span aria-hidden className="mr-1">
        {icon}
      </span>
      {t((status ?? "none") as KeyUnder<"assessed">)}
    </Badge>
  );
}

export async function CandidateBadge({ candidate, category }: { candidate: string | null; category?: string | null }) {
  if (!candidate) return null;
  const t = await getTranslations();
  return (
    <Badge tone="purple" title={t("candidate.mismatch")}>
      <span aria-hidden className="mr-1">
        ⚑
      </span>
      {t(`candidate.${candidate as KeyUnder<"candidate">}`)}
      {category ? ` · ${t(`monitoring.${category as KeyUnder<"monitoring">}`)}` : ""}
    </Badge>
  );
}
