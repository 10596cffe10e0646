// A household's procedure history (server component): every proposal, its comparison flags,
// votes, notices, objections and decisions, in order. Renders nothing outside the viewer's scope.
// Mount on the household page: <HouseholdProcedureTimeline householdId={h.id} viewer={viewer} />
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { historyLine } from "@/lib/procedure/history-line";
import type { Viewer } from "@/lib/auth/session";
import { householdTimeline, type TimelineEvent } from "@/lib/data/procedure/views";
import { COMPARISON_FLAG_LABELS, STEP_LABELS, type ComparisonFlagCode } from "@/lib/domain/procedure";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { chinaMinute } from "@/lib/domain/china-time";
import type { NoticeKind, ObjectionSource, ProposalSource, ProposalStage } from "@/lib/generated/prisma/enums";

const when = chinaMinute;

const DOT: Record<TimelineEvent["kind"], string> = {
  raised: "bg-stone-500",
  flags: "bg-amber-500",
  step: "bg-sky-600",
  vote: "bg-violet-600",
  notice: "bg-amber-600",
  objection: "bg-red-600",
  objection_resolved: "bg-emerald-600",
  decision: "bg-emerald-700",
};

export async function HouseholdProcedureTimeline({ householdId, viewer }: { householdId: string; viewer: Viewer }) {
  const events = await householdTimeline(viewer, householdId);
  if (events === null) return null;
  const t = await getTranslations("procedure");
  const th = await getTranslations("history");
  const en = (await getLocale()) === "en";
  const step = (s: string) =>
    s in STEP_LABELS ? STEP_LABELS[s as keyof typeof STEP_LABELS][en ? "en" : "zh"] : t(`stage.${s as ProposalStage}`);
  const title = (e: TimelineEvent): React.ReactNode => {
    switch (e.kind) {
      case "raised":
        return t("timeline.raised", { kind: t(`kind.${e.proposalKind}`), source: t(`source.${e.title as ProposalSource}`) });
      case "flags":
        return t("timeline.flags", {
          flags: e.title
            .split(",")
            .map((c) => COMPARISON_FLAG_LABELS[c as ComparisonFlagCode]?.[en ? "en" : "zh"] ?? c)
            .join("；"),
        });
      case "vote":
        return (
          <>
            {t("timeline.vote", { date: e.title })}{" "}
            <Badge tone={e.passed ? "green" : "red"}>{e.passed ? t("meeting.passed") : t("meeting.notPassed")}</Badge>
          </>
        );
      case "notice":
        return t(`noticeKind.${e.title as NoticeKind}`);
      case "objection":
        return t("timeline.objection", { source: t(`objectionSource.${e.title as ObjectionSource}`) });
      case "objection_resolved":
        return t("timeline.objectionResolved");
      default:
        return step(e.stage ?? e.title);
    }
  };
  return (
    <Card title={t("timeline.title")}>
      {events.length === 0 ? (
        <EmptyState>{t("timeline.empty")}</EmptyState>
      ) : (
        <ol className="relative space-y-3 border-l-2 border-stone-200 pl-4" data-testid="procedure-timeline">
          {events.map((e, i) => (
            <li key={i} className="relative text-sm">
              <span aria-hidden className={`absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full ${DOT[e.kind]}`} />
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{title(e)}</span>
                <span className="text-xs text-stone-500">
                  {when(e.at)}
                  {e.actor ? ` · ${e.actor}` : ""}
                </span>
                <Link href={`/procedure/${e.proposalId}`} className="text-xs underline">
                  {t("timeline.open")}
                </Link>
                {e.noticeId && (
                  <Link href={`/notices/${e.noticeId}`} target="_blank" className="text-xs underline">
                    {t("timeline.print")}
                  </Link>
                )}
              </div>
              {e.detail && (
                <p className="text-stone-700">
                  {e.kind === "vote"
                    ? t("timeline.counts", { counts: e.detail })
                    : e.kind === "step" || e.kind === "decision"
                      ? historyLine(e.detail, th)
                      : e.detail}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
