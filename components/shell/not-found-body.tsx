import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-style";

/** The body of "page not found", in the signed-in frame or alone; the tab says so too. */
export async function NotFoundBody({ home }: { home: string }) {
  const t = await getTranslations("errors");
  const tt = await getTranslations();
  return (
    <div className="mx-auto max-w-lg p-8 text-center" data-testid="not-found">
      <title>{`${t("notFoundTitle")} · ${tt("app.name")}`}</title>
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundBody")}</p>
      <Link href={home} className={`mt-6 ${buttonClass()}`}>
        {t("backHome")}
      </Link>
    </div>
  );
}
