// Small shared labels of the procedure: the stage a proposal has reached, its kind.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { MonitoringCategory, ProposalKind, ProposalStage } from "@/lib/generated/prisma/enums";

type Tone = "gray" | "red" | "amber" | "green" | "blue" | "purple";

const STAGE_TONE: Record<string, Tone> = {
  proposed: "gray",
  comparison_explained: "gray",
  on_agenda: "blue",
  voted: "blue",
  first_notice: "amber",
  township_review: "purple",
  second_notice: "amber",
  county_approval: "purple",
  announced: "green",
  reverify: "red",
  failed: "red",
  withdrawn: "gray",
};

export async function StageBadge({ stage }: { stage: ProposalStage }) {
  const t = await getTranslations("procedure.stage");
  return <Badge tone={STAGE_TONE[stage] ?? "gray"}>{t(stage)}</Badge>;
}

export async function KindLabel({ kind, category }: { kind: ProposalKind; category?: MonitoringCategory | null }) {
  const t = await getTranslations();
  return (
    <span>
      {t(`procedure.kind.${kind}`)}
      {category ? ` · ${t(`monitoring.${category}`)}` : ""}
    </span>
  );
}
