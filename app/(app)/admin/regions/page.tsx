import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { getRegionView } from "@/lib/data/admin/regions";
import { regionBrowseSchema } from "@/lib/validation/admin";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { CreateRegionForm, DesignatedForm, HotlineForm, RenameRegionForm, ZoneForm } from "@/components/admin/region-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.regions");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function RegionsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewerPage("region.manage");
  const raw = await searchParams;
  const query = regionBrowseSchema.parse({ id: first(raw.id), page: first(raw.page) });
  const view = await getRegionView(viewer, query.id ?? viewer.regionId, query.page);
  if (!view) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { node, breadcrumb, childLevel, children } = view;
  const n = (v: number) => format.number(v);
  const href = (id: string) => `/admin/regions?id=${id}`;

  return (
    <>
      <nav aria-label={t("admin.regions.breadcrumb")} className="mb-2 text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          {breadcrumb.map((b) => (
            <li key={b.id} className="flex items-center gap-1">
              <Link href={href(b.id)} className="text-brand-700 underline">
                {b.name}
              </Link>
              <span aria-hidden className="text-stone-400">
                ›
              </span>
            </li>
          ))}
          <li aria-current="page" className="font-medium">
            {node.name}
          </li>
        </ol>
      </nav>
      <PageTitle
        sub={`${t(`levels.${node.level}`)} · ${node.id}${node.zone ? ` · ${t(`admin.zones.${node.zone}`)}` : ""}${node.hotline ? ` · ${t("admin.regions.hotline")} ${node.hotline}` : ""}${node.designatedPoor ? ` · ${t("admin.regions.designated")}` : ""}`}
      >
        {node.name}
      </PageTitle>

      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {childLevel && <Stat label={t("admin.regions.childCount", { level: t(`levels.${childLevel}`) })} value={n(children.total)} />}
        <Stat label={t("admin.regions.households")} value={n(node.households)} />
        <Stat label={t("admin.regions.usersHere")} value={n(node.users)} />
      </div>

      {childLevel && (
        <Card
          title={t("admin.regions.children", { level: t(`levels.${childLevel}`) })}
          actions={
            node.id === viewer.regionId ? (
              <Link href="/admin/regions/import" className="text-sm text-brand-700 underline">
                {t("admin.import.title")}
              </Link>
            ) : undefined
          }
        >
          {children.rows.length === 0 ? (
            <EmptyState>{t("admin.regions.noChildren")}</EmptyState>
          ) : (
            <div className="overflow-x-auto" role="region" aria-labelledby="regions-caption" tabIndex={0}>
              <table className="w-full min-w-[560px] text-left text-sm">
                <caption id="regions-caption" className="sr-only">
                  {t("admin.regions.children", { level: t(`levels.${childLevel}`) })}
                </caption>
                <thead className="bg-stone-50 text-xs text-stone-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("admin.regions.name")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("admin.regions.code")}
                    </th>
                    {childLevel !== "village" && (
                      <th scope="col" className="px-3 py-2 text-right font-medium">
                        {t("admin.regions.subCount")}
                      </th>
                    )}
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      {t("admin.regions.households")}
                    </th>
                    {childLevel === "county" && (
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("admin.regions.hotline")}
                      </th>
                    )}
                    {childLevel === "village" && (
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("admin.regions.designated")}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {children.rows.map((c) => (
                    <tr key={c.id} className="hover:bg-stone-50">
                      <th scope="row" className="px-3 py-2 font-medium">
                        <Link href={href(c.id)} className="text-brand-700 underline">
                          {c.name}
                        </Link>
                      </th>
                      <td className="px-3 py-2 tabular-nums text-stone-600">{c.id}</td>
                      {childLevel !== "village" && <td className="px-3 py-2 text-right tabular-nums">{n(c.children)}</td>}
                      <td className="px-3 py-2 text-right tabular-nums">{n(c.households)}</td>
                      {childLevel === "county" && <td className="px-3 py-2 tabular-nums">{c.hotline ?? "—"}</td>}
                      {childLevel === "village" && (
                        <td className="px-3 py-2" data-testid={`designated-${c.id}`}>
                          {c.designatedPoor ? t("admin.regions.designatedYes") : "—"}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={children.page}
            pageSize={children.pageSize}
            total={children.total}
            basePath="/admin/regions"
            params={{ id: node.id }}
          />
        </Card>
      )}

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        {childLevel && (
          <Card title={t("admin.regions.addChild", { level: t(`levels.${childLevel}`) })}>
            <CreateRegionForm parentId={node.id} childLevel={childLevel} />
          </Card>
        )}
        <Card title={t("admin.regions.rename")}>
          <RenameRegionForm key={node.id} id={node.id} name={node.name} nameEn={node.nameEn} />
        </Card>
        {node.level === "province" && (
          <Card title={t("admin.regions.zone")}>
            <ZoneForm key={node.id} id={node.id} zone={node.zone} />
          </Card>
        )}
        {node.level === "village" && (
          <Card title={t("admin.regions.designated")}>
            <DesignatedForm key={node.id} id={node.id} designatedPoor={node.designatedPoor} />
          </Card>
        )}
        {node.level === "county" && (
          <Card title={t("admin.regions.hotline")}>
            <HotlineForm key={node.id} id={node.id} hotline={node.hotline} />
          </Card>
        )}
      </div>
    </>
  );
}
