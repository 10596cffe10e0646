import { pageParam } from "@/lib/http/guards";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { listMyHouseholds, myCoverage } from "@/lib/data/households";
import { keyHouseholdIds } from "@/lib/data/key-households";
import { today } from "@/lib/clock";
import { PageTitle, EmptyState } from "@/components/ui/card";
import { AssessedBadge, Badge, CandidateBadge, RegisteredBadge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { FollowUpSummary } from "@/components/visit/follow-up-summary";
import { buttonClass } from "@/components/ui/button-style";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("cadre");
  return { title: t("title") };
}

const DUE_TONE = { done: "green", due: "amber", overdue: "red" } as const;

export default async function CadreHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewerPage("visit.create");
  const sp = await searchParams;
  const q = (sp.q ?? "").slice(0, 40);
  const page = pageParam(sp.page);
  const [list, coverage] = await Promise.all([listMyHouseholds(viewer, { q, page }), myCoverage(viewer)]);
  const t = await getTranslations();
  // key households (重点户): the rule computed in SQL for this page's households only
  const keyIds = await keyHouseholdIds(
    [viewer.regionId.slice(0, 6)],
    list.items.map((h) => h.id),
    today(),
  );
  const pct = coverage.total ? Math.round((coverage.visited / coverage.total) * 100) : 0;

  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle sub={t("cadre.sub", { visited: coverage.visited, total: coverage.total })}>{t("cadre.title")}</PageTitle>
      <div className="mb-4" aria-label={t("cadre.coverage")}>
        <div
          className="h-2 overflow-hidden rounded-full bg-stone-200"
          role="progressbar"
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label={t("cadre.coverage")}
        >
          <div className="h-full bg-emerald-600" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <FollowUpSummary viewer={viewer} />
      <div className="mb-3 flex justify-end">
        <Link href="/households/new" className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm">
          {t("cadre.registerNew")}
        </Link>
      </div>
      <form role="search" className="mb-4 flex gap-2">
        <label htmlFor="q" className="sr-only">
          {t("common.search")}
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder={t("cadre.searchPlaceholder")}
          className="min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2.5 text-base"
        />
        <button className={buttonClass()}>{t("common.search")}</button>
      </form>
      {list.items.length === 0 ? (
        <EmptyState>{q ? t("cadre.noMatch", { q }) : t("cadre.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="my-households">
          {list.items.map((h) => (
            <li key={h.id}>
              <Link
                href={`/households/${h.id}`}
                className="block rounded-xl border border-stone-200 bg-white p-4 shadow-sm active:bg-stone-50"
              >
                <div className="flex items-start justify-between gap-2">
                  <div>
                    <div className="text-lg font-semibold">{h.headName}</div>
                    <div className="text-sm text-stone-600">
                      {h.villageName} · {t("cadre.members", { count: h.memberCount })}
                    </div>
                  </div>
                  <Badge tone={DUE_TONE[h.visitDue]}>{t(`cadre.due.${h.visitDue}`)}</Badge>
                </div>
                <div className="mt-2 flex flex-wrap gap-1.5">
                  {keyIds.has(h.id) && (
                    <span data-testid="key-household">
                      <Badge tone="purple">{t("countyRecords.key.badge")}</Badge>
                    </span>
                  )}
                  <RegisteredBadge status={h.registeredStatus} />
                  <AssessedBadge status={h.assessedStatus} />
                  <CandidateBadge candidate={h.candidate} category={h.candidateCategory} />
                </div>
                <div className="mt-2 text-xs text-stone-500">
                  {t("cadre.lastVisit")}：{h.lastVisitAt ?? t("cadre.never")}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ q }} basePath="/cadre" />
    </div>
  );
}
