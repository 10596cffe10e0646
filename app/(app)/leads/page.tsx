// Monitoring leads (求助线索): reports from household cards and the village forms. A cadre sees
// those of their households and, in their villages, those no cadre serves; a county official
// sees the whole county with deadlines, overdue marked, and records outcomes too.
import { pageParam } from "@/lib/http/guards";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { floodedVillages, listLeads, type LeadFilter } from "@/lib/data/help";
import { deadlineFlag, loadedYears } from "@/lib/data/calendar";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { OutcomeForm } from "@/components/help/outcome-form";
import { pageTitle } from "@/lib/page-title";

export const dynamic = "force-dynamic";

const FILTERS: LeadFilter[] = ["open", "overdue", "all"];
const STATE_TONE = { open: "amber", visited: "blue", proposed: "purple", no_action: "gray" } as const;

export const generateMetadata = pageTitle("leads");

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage(undefined, ["cadre", "county_official"]);
  const sp = await searchParams;
  const f = typeof sp.filter === "string" && (FILTERS as string[]).includes(sp.filter) ? (sp.filter as LeadFilter) : "open";
  const page = pageParam(sp.page);
  const t = await getTranslations("help");
  const tc = await getTranslations();
  const [data, calendarYears, flooded] = await Promise.all([
    listLeads(viewer, { filter: f, page }),
    loadedYears(),
    viewer.role === "county_official" ? floodedVillages(viewer.regionId) : Promise.resolve([]),
  ]);

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageTitle sub={viewer.role === "cadre" ? t("leads.subCadre") : t("leads.subCounty")}>{t("leads.title")}</PageTitle>
      {flooded.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="flooded">
          <p>{t("leads.flooded")}</p>
          <ul className="mt-1 list-disc pl-5">
            {flooded.map((v) => (
              <li key={v.id}>{t("leads.floodedItem", { name: v.name, refused: v.refused })}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid grid-cols-2 gap-3">
        <Stat label={t("leads.openCount")} value={data.openCount} tone={data.openCount ? "warn" : "default"} />
        <Stat label={t("leads.overdueCount")} value={data.overdueCount} tone={data.overdueCount ? "bad" : "good"} />
      </div>
      <nav className="flex gap-2 text-sm" aria-label={t("leads.filter")}>
        {FILTERS.map((x) => (
          <Link
            key={x}
            href={x === "open" ? "/leads" : `/leads?filter=${x}`}
            aria-current={x === f ? "page" : undefined}
            className={`rounded-full px-3 py-1 ring-1 ring-stone-300 ${x === f ? "bg-brand-700 text-white ring-brand-700" : "bg-white"}`}
          >
            {t(`leads.filters.${x}`)}
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? (
        <EmptyState>{t("leads.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="leads">
          {data.items.map((l) => (
            <li key={l.id}>
              <Card className={l.overdue ? "border-red-300" : ""}>
                <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="lead">
                  <Badge tone={STATE_TONE[l.state]}>{t(`state.${l.state}`)}</Badge>
                  {l.overdue && <Badge tone="red">{t("leads.overdue")}</Badge>}
                  <span className="font-semibold">{t(`category.${l.category}` as "category.other")}</span>
                  <span className="text-stone-500">{t(`source.${l.source}` as "source.card")}</span>
                  <span className="ml-auto text-stone-600 tabular-nums">
                    {t("leads.received", { date: l.receivedOn })} ·{" "}
                    <span className={l.overdue ? "font-semibold text-red-700" : ""}>{t("leads.deadline", { date: l.deadline })}</span>
                  </span>
                </div>
                {(() => {
                  // a deadline counted through a year whose holidays are not loaded says so
                  const missing = deadlineFlag(l.receivedOn, l.deadline, calendarYears);
                  return missing.length ? (
                    <p className="mt-1 text-xs text-amber-800" data-testid="deadline-flag">
                      ⚠ {tc("admin.calendar.flag", { years: missing.join("、") })}
                    </p>
                  ) : null;
                })()}
                <p className="mt-2 text-sm">
                  {l.village.name}
                  {l.household ? (
                    <>
                      {" · "}
                      {l.household.linkable ? (
                        <Link className="underline" href={`/households/${l.household.id}`}>
                          {tc("household.title", { name: l.household.headName })}
                        </Link>
                      ) : (
                        tc("household.title", { name: l.household.headName })
                      )}{" "}
                      <span className="text-stone-500">{l.household.number}</span>
                    </>
                  ) : (
                    <span className="text-stone-500"> · {t("leads.noHousehold")}</span>
                  )}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{l.text}</p>
                <p className="mt-1 flex flex-wrap gap-3 text-sm">
                  {l.contact && (
                    <span>
                      {t("leads.contact")}
                      <a className="underline" href={`tel:${l.contact}`}>
                        {l.contact}
                      </a>
                    </span>
                  )}
                  {l.hasPhoto && (
                    <a className="underline" href={`/leads/photo/${l.id}`} target="_blank" rel="noreferrer">
                      {t("leads.photo")}
                    </a>
                  )}
                </p>
                {l.state !== "open" && (
                  <p className="mt-2 rounded bg-stone-50 p-2 text-sm">
                    {t(`outcome.${l.state}` as "outcome.visited")}
                    {l.handledBy ? ` · ${l.handledBy}` : ""}
                    {l.handledOn ? ` · ${l.handledOn}` : ""}
                    {l.outcome && <span className="block text-stone-700">{l.outcome}</span>}
                  </p>
                )}
                {(l.state === "open" || l.state === "visited") && <OutcomeForm id={l.id} state={l.state} />}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        params={{ filter: f === "open" ? undefined : f }}
        basePath="/leads"
      />
    </div>
  );
}
