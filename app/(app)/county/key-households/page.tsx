import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { isTownshipScope } from "@/lib/data/township";
import { countyVillageOptions, keyHouseholds, parseKeyFilters } from "@/lib/data/key-households";
import { KEY_REASONS } from "@/lib/domain/key-household";
import { HOUSEHOLD_TYPES } from "@/lib/validation/income-record";
import { today } from "@/lib/clock";
import { PageTitle, Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { CountyTabs } from "@/components/county/county-tabs";
import Link from "next/link";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("countyRecords.key");
  return { title: t("title") };
}

/** The county's own register of key households (重点户): computed by the rule, filtered, paginated, exported. */
export default async function KeyHouseholdsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewerPage("key_household.read");
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const f = parseKeyFilters(await searchParams);
  const [list, villages] = await Promise.all([keyHouseholds(county.id, today(), f), countyVillageOptions(county.id)]);
  const t = await getTranslations("countyRecords");
  const params = { village: f.villageId, reason: f.reason, type: f.type };
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const select = "mt-1 block min-h-11 w-full rounded border border-stone-300 bg-white px-2 text-sm";
  return (
    <div className="mx-auto max-w-6xl">
      <CountyTabs current="keyHouseholds" />
      <PageTitle sub={t("key.sub")}>{t("key.title")}</PageTitle>
      <form
        method="get"
        className="mb-4 grid grid-cols-1 gap-3 rounded-xl border border-stone-200 bg-white p-3 sm:grid-cols-4"
        role="search"
      >
        <label className="text-sm">
          {t("key.village")}
          <select name="village" defaultValue={f.villageId ?? ""} className={select}>
            <option value="">{t("key.allVillages")}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.township} · {v.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("key.reason")}
          <select name="reason" defaultValue={f.reason ?? ""} className={select}>
            <option value="">{t("key.allReasons")}</option>
            {KEY_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`key.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("key.type")}
          <select name="type" defaultValue={f.type ?? ""} className={select}>
            <option value="">{t("key.allTypes")}</option>
            {HOUSEHOLD_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`type.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 text-sm font-medium text-white">
            {t("key.filter")}
          </button>
        </div>
      </form>
      <Card
        title={t("key.total", { total: list.total })}
        actions={
          <div className="no-print flex gap-2 text-sm">
            <a className="underline" href={`/api/county/export/key-households?${q}`}>
              {t("key.exportCsv")}
            </a>
            <a className="underline" href={`/api/county/export/key-households?${q}${q ? "&" : ""}format=xlsx`}>
              {t("key.exportXlsx")}
            </a>
          </div>
        }
      >
        {list.rows.length === 0 ? (
          <EmptyState>{t("key.none")}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[720px] text-sm" data-testid="key-households">
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                <tr>
                  <th className="px-2 py-2">{t("key.township")}</th>
                  <th className="px-2">{t("key.village")}</th>
                  <th className="px-2">{t("key.number")}</th>
                  <th className="px-2">{t("key.household")}</th>
                  <th className="px-2 text-right">{t("key.members")}</th>
                  <th className="px-2">{t("key.type")}</th>
                  <th className="px-2">{t("key.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id} className="border-t border-stone-100">
                    <td className="px-2 py-2">{r.townshipName}</td>
                    <td className="px-2">{r.villageName}</td>
                    <td className="px-2 tabular-nums">{r.number}</td>
                    <td className="px-2">
                      <Link href={`/households/${r.id}`} className="underline">
                        {r.headName}
                      </Link>
                    </td>
                    <td className="px-2 text-right tabular-nums">{r.memberCount}</td>
                    <td className="px-2">
                      {r.type === "ordinary" ? t("type.ordinary") : <Badge tone="blue">{t(`type.${r.type}`)}</Badge>}
                    </td>
                    <td className="px-2">
                      <div className="flex flex-wrap gap-1">
                        {r.reasons.map((k) => (
                          <Badge key={k} tone="purple">
                            {t(`key.reasons.${k}`)}
                          </Badge>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <div className="mt-3">
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={params} basePath="/county/key-households" />
      </div>
    </div>
  );
}
