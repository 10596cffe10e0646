import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { countyFeeds } from "@/lib/data/feeds";
import { isTownshipScope } from "@/lib/data/township";
import { PageTitle } from "@/components/ui/card";
import { CountyTabs } from "@/components/county/county-tabs";
import { FeedsView } from "@/components/feeds/feeds-view";
import { pageTitle } from "@/lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("feeds");

/** The county's department feeds: load one, see what each produced, and which departments are stale. */
export default async function FeedsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage("feed.load", ["county_official"]);
  if (isTownshipScope(viewer)) redirect("/township/feeds");
  const county = await reviewCounty(viewer);
  const t = await getTranslations("feeds");
  const sp = await searchParams;
  const page = Math.max(1, Number(typeof sp.page === "string" ? sp.page : "1") || 1);
  const data = await countyFeeds(viewer, county.id, page);

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{`${county.name} · ${t("title")}`}</PageTitle>
      <CountyTabs current="feeds" />
      <FeedsView data={data} regionId={county.id} basePath="/county/feeds" />
    </div>
  );
}
