// The same page for every card link that opens nothing: unknown, malformed or revoked.
import type { Metadata } from "next";
import { installationHotline } from "@/lib/data/hotline";
import { hotlineHref } from "@/lib/domain/hotline";
import { getTranslations } from "next-intl/server";

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function CardNotFound() {
  const t = await getTranslations("card");
  const { hotline, national } = await installationHotline();
  return (
    <main className="mx-auto max-w-xl px-4 py-10 text-center text-lg" data-testid="card-not-found">
      <h1 className="text-3xl font-bold">{t("notFound.title")}</h1>
      <p className="mt-4">{t("notFound.body")}</p>
      <p className="mt-4">
        {national ? t("notFound.nationalHotline") : t("notFound.hotline")}{" "}
        <a className="font-semibold underline" href={hotlineHref(hotline)} data-testid="hotline">
          {hotline}
        </a>
      </p>
    </main>
  );
}
