// Decisions waiting on a county-side reviewer (server component): for a township reviewer the
// township reviews (and second notices) of the township's villages, for a county official the
// approvals and announcements of the county. Each row says whether the step can be taken today,
// and if not, why.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { approvalQueue, overdueProposals } from "@/lib/data/procedure/queue";
import { STEP_LABELS } from "@/lib/domain/procedure";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { KindLabel } from "./labels";
import { buttonClass } from "@/components/ui/button-style";

export async function ApprovalQueue({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations("procedure.queue");
  const en = (await getLocale()) === "en";
  const { role, rows } = await approvalQueue(viewer);
  if (!role) return <EmptyState>{t("notReviewer")}</EmptyState>;
  const overdue = await overdueProposals(viewer);
  const late = overdue.length > 0 && (
    <section className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3" data-testid="overdue">
      <h3 className="text-sm font-semibold text-red-900">{t("overdueTitle", { count: overdue.length })}</h3>
      <ul className="mt-2 divide-y divide-red-100 text-sm">
        {overdue.map((o) => (
          <li key={o.proposalId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
            <Badge tone="red">{t("daysLate", { days: o.daysLate })}</Badge>
            <Link href={`/procedure/${o.proposalId}`} className="font-medium underline">
              {o.headName}
            </Link>
            <span className="text-stone-700">{o.villageName}</span>
            <KindLabel kind={o.kind} category={o.category} />
            <span className="text-xs text-stone-600">{t("raisedDue", { raised: o.raisedOn, due: o.due })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
  if (rows.length === 0)
    return (
      <>
        {late}
        <EmptyState>{t("empty")}</EmptyState>
      </>
    );
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      {late}
      <table className="w-full min-w-[720px] text-sm" data-testid="approval-queue">
        <thead className="text-left text-xs text-stone-500">
          <tr>
            <th className="py-1.5 pr-2">{t("household")}</th>
            <th className="pr-2">{t("village")}</th>
            <th className="pr-2">{t("kind")}</th>
            <th className="pr-2">{t("next")}</th>
            <th className="pr-2">{t("noticeEnd")}</th>
            <th className="pr-2">{t("objections")}</th>
            <th>{t("status")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r) => (
            <tr key={r.proposalId} className="align-top">
              <td className="py-2 pr-2 font-medium">
                <Link href={`/procedure/${r.proposalId}`} className="underline-offset-2 hover:underline">
                  {r.headName}
                </Link>
                {r.daysLate > 0 && (
                  <span className="ml-1">
                    <Badge tone="red">{t("daysLate", { days: r.daysLate })}</Badge>
                  </span>
                )}
              </td>
              <td className="pr-2">{r.villageName}</td>
              <td className="pr-2">
                <KindLabel kind={r.kind} category={r.category} />
              </td>
              <td className="pr-2">{STEP_LABELS[r.next][en ? "en" : "zh"]}</td>
              <td className="pr-2 tabular-nums">{r.noticeEnd ?? "—"}</td>
              <td className="pr-2 tabular-nums">{r.openObjections > 0 ? <Badge tone="red">{r.openObjections}</Badge> : 0}</td>
              <td>
                {r.ready ? (
                  <Link href={`/procedure/${r.proposalId}`} className={buttonClass("brand", "sm")}>
                    {t("act")}
                  </Link>
                ) : (
                  <ul className="list-disc pl-4 text-xs text-amber-900">
                    {(en ? r.missingEn : r.missing).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
