// The township reviewer's department feeds (a county official whose scope is a township): the
// feeds that reach the township's people, each counted within the township, and the upload form
// for the township's own people (docs/department-feeds.md).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { isTownshipScope, reviewTownship } from "@/lib/data/township";
import { townshipFeeds } from "@/lib/data/feeds";
import { PageTitle } from "@/components/ui/card";
import { FeedsView } from "@/components/feeds/feeds-view";
import { pageTitle } from "@/lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("feeds");

export default async function TownshipFeedsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewerPage("feed.load", ["county_official"]);
  if (!isTownshipScope(viewer)) redirect(homeFor(viewer));
  const { township } = await reviewTownship(viewer);
  const t = await getTranslations("feeds");
  const sp = await searchParams;
  const page = Math.max(1, Number(typeof sp.page === "string" ? sp.page : "1") || 1);
  const data = await townshipFeeds(viewer, township.id, page);

  return (
    <div className="space-y-4">
      <PageTitle sub={t("townshipSub")}>{`${township.name} · ${t("title")}`}</PageTitle>
      <FeedsView data={data} regionId={township.id} basePath="/township/feeds" />
    </div>
  );
}
