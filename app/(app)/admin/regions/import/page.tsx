import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { CODE_LENGTH, REGION_LEVELS } from "@/lib/validation/admin";
import { Card, PageTitle } from "@/components/ui/card";
import { ImportRegionsForm } from "@/components/admin/import-regions-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.import");
  return { title: t("title") };
}

const EXAMPLE = `[
{"id":"52","parentId":null,"level":"province","name":"贵州省"},
{"id":"5206","parentId":"52","level":"city","name":"铜仁市"},
{"id":"520603","parentId":"5206","level":"county","name":"万山区"},
{"id":"520603201","parentId":"520603","level":"township","name":"黄道侗族乡"},
{"id":"520603201200","parentId":"520603201","level":"village","name":"丹阳村"}
]`;

export default async function ImportRegionsPage() {
  const viewer = await requireViewerPage("region.manage");
  const t = await getTranslations();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/regions" className="text-brand-700 underline">
          ← {t("admin.regions.title")}
        </Link>
      </p>
      <PageTitle sub={t("admin.import.sub", { region: viewer.regionName, code: viewer.regionId })}>{t("admin.import.title")}</PageTitle>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("admin.import.upload")}>
          <ImportRegionsForm />
        </Card>
        <Card title={t("admin.import.format")}>
          <p className="text-sm text-stone-700">{t("admin.import.formatBody")}</p>
          <ul className="mt-2 list-disc pl-5 text-sm text-stone-700">
            {REGION_LEVELS.map((l) => (
              <li key={l}>{t("admin.import.levelDigits", { level: t(`levels.${l}`), key: l, digits: CODE_LENGTH[l] })}</li>
            ))}
          </ul>
          <ul className="mt-2 list-disc pl-5 text-sm text-stone-700">
            <li>{t("admin.import.rule1", { code: viewer.regionId })}</li>
            <li>{t("admin.import.rule2")}</li>
            <li>{t("admin.import.rule3")}</li>
            <li>{t("admin.import.rule4")}</li>
          </ul>
          <pre className="mt-3 overflow-x-auto rounded bg-stone-100 p-2 text-xs" tabIndex={0} aria-label={t("admin.import.example")}>
            {EXAMPLE}
          </pre>
        </Card>
      </div>
    </>
  );
}
