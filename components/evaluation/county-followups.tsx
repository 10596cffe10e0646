// For the county pages (to mount): the discrepancies evaluations found in the county, as
// follow-ups (open first) the official resolves with a note. Only evaluations past their
// release time; before that nothing shows. Server component:
//   <CountyFollowups viewer={viewer} countyId={county.id} />
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { countyFollowups } from "@/lib/data/evaluation/county";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ResolveDiscrepancyForm } from "./resolve-discrepancy-form";
import type { KeyUnder } from "@/i18n/keys";

export async function CountyFollowups({
  viewer,
  countyId,
  hideWhenEmpty = false,
}: {
  viewer: Viewer;
  countyId?: string;
  hideWhenEmpty?: boolean;
}) {
  const items = await countyFollowups(viewer, { countyId });
  if (!items.length && hideWhenEmpty) return null;
  const t = await getTranslations("evaluation");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const open = items.filter((i) => i.state === "open").length;
  return (
    <Card title={t("followups.title")} actions={<Badge tone={open ? "amber" : "green"}>{t("followups.open", { count: open })}</Badge>}>
      {!items.length ? (
        <EmptyState>{t("followups.none")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="county-followups">
          {items.map((d) => (
            <li key={d.id} className="py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={d.state === "open" ? "red" : "green"}>{t(`discrepancy.state.${d.state}`)}</Badge>
                <span className="font-semibold">{t(`discrepancy.kinds.${d.kind as KeyUnder<"evaluation.discrepancy.kinds">}`)}</span>
                <span className="text-sm">
                  {d.villageName} ·{" "}
                  <Link className="underline" href={`/households/${d.householdId}`}>
                    {d.headName}
                  </Link>
                  （{d.number}）
                </span>
                <span className="text-xs text-stone-500">{d.evaluationName}</span>
              </div>
              <p className="mt-1 text-sm text-stone-700">{d.detail[lang] ?? d.detail.zh}</p>
              {d.evidence && (
                <p className="mt-0.5 text-xs text-stone-500">
                  {t("discrepancy.evidence")}：
                  {d.evidence
                    .split(",")
                    .map((k) => t(`questionnaire.evidence.${k as KeyUnder<"evaluation.questionnaire.evidence">}`))
                    .join("、")}
                </p>
              )}
              {d.state === "resolved" ? (
                <p className="mt-1 text-sm text-emerald-800">
                  {t("followups.resolution")}：{d.resolution}
                </p>
              ) : (
                <ResolveDiscrepancyForm discrepancyId={d.id} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
