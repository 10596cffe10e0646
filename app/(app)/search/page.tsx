import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { PageTitle, Card } from "@/components/ui/card";
import { NationalIdSearch } from "@/components/search/national-id-search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("household.idSearch");
  return { title: t("title") };
}

export default async function SearchPage() {
  await requireViewerPage("household.search");
  const t = await getTranslations("household.idSearch");
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <Card>
        <NationalIdSearch />
      </Card>
    </div>
  );
}
