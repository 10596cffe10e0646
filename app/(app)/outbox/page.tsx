// The cadre's outbox: visits kept on this phone until they could be sent, and what became of
// them. Everything shown comes from the phone (IndexedDB), for the signed-in cadre only.
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { PageTitle } from "@/components/ui/card";
import { OutboxList } from "@/components/offline/outbox-list";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("offline.outbox");
  return { title: t("title") };
}

export default async function OutboxPage() {
  await requireViewerPage("visit.create");
  const t = await getTranslations("offline.outbox");
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <OutboxList />
    </div>
  );
}
