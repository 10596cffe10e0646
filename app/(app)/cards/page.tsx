// Printable household cards (明白卡) and the village help poster.
//   /cards?household=ID  one household's card (its cadre, or an official of its county)
//   /cards?village=ID    the cards of a village's served households, one per A6 page
//   /cards?poster=ID     the village's A5 poster with the QR code of its public report form
// Viewing this page never issues or rotates a code: the "generate" button does.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage, type Viewer } from "@/lib/auth/session";
import { listPrintable, posterVillage, printChoices } from "@/lib/data/card";
import { publicOrigin } from "@/lib/http/request";
import { helpPath, qrSvg } from "@/lib/card/qr";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { PrintCards } from "@/components/card/print-cards";
import { CardPrintStyle } from "@/components/card/printable-card";
import { RevokeCardForm } from "@/components/card/revoke-card-form";
import { VillagePoster } from "@/components/help/poster";
import { PrintButton } from "@/components/card/print-button";
import { pageTitle } from "@/lib/page-title";
import { PublicUrlWarning } from "@/components/card/public-url-warning";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

/** Out of scope reads as not found, and is audited (#16.12). */
async function deniedNotFound(viewer: Viewer, entity: string, id: string, page: string): Promise<never> {
  await auditPageEvent(viewer, { action: "access.denied", entity, entityId: id.slice(0, 64), after: { code: "not_found", page } }).catch(
    () => {},
  );
  notFound();
}

type Search = { household?: string; village?: string; poster?: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export const generateMetadata = pageTitle("cards");

export default async function CardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage(undefined, ["cadre", "county_official"]);
  const sp = await searchParams;
  const q: Search = { household: one(sp.household), village: one(sp.village), poster: one(sp.poster) };
  const t = await getTranslations("card");

  if (q.poster) {
    const village = await posterVillage(viewer, q.poster);
    if (!village) return deniedNotFound(viewer, "region", q.poster, "cards.poster");
    const url = `${await publicOrigin()}${helpPath(village.id)}`;
    return (
      <div>
        <CardPrintStyle size="A5" />
        <PublicUrlWarning />
        <div className="no-print mb-4">
          <PageTitle sub={t("poster.sub")}>{t("poster.title", { village: village.name })}</PageTitle>
          <PrintButton label={t("poster.print")} />
        </div>
        <VillagePoster village={village} url={url} svg={await qrSvg(url)} />
      </div>
    );
  }

  if (q.household || q.village) {
    const target = q.household ? { householdId: q.household } : { villageId: q.village };
    const { village, households } = await listPrintable(viewer, target);
    if (q.household && households.length === 0) await deniedNotFound(viewer, "household", q.household, "cards");
    if (q.village && !village) await deniedNotFound(viewer, "region", q.village!, "cards");
    const withCard = households.filter((h) => h.hasCard).length;
    const h = q.household ? households[0]! : null;
    return (
      <div className="mx-auto max-w-3xl">
        <CardPrintStyle size="A6" />
        <PublicUrlWarning />
        <div className="no-print">
          <PageTitle sub={t("print.sub")}>
            {h ? t("print.titleHousehold", { name: h.headName }) : t("print.titleVillage", { village: village?.name ?? "" })}
          </PageTitle>
          {h && (
            <Card className="mb-4" title={t("print.state")}>
              {h.hasCard ? (
                <div className="space-y-3 text-sm">
                  <p data-testid="card-state">{t("print.hasCard", { date: h.cardIssuedOn ?? "", views: h.cardViews })}</p>
                  <RevokeCardForm householdId={h.id} />
                </div>
              ) : (
                <p className="text-sm" data-testid="card-state">
                  {t("print.noCardYet")}
                </p>
              )}
            </Card>
          )}
          {!h && (
            <Card className="mb-4" title={t("print.households", { count: households.length })}>
              {households.length === 0 ? (
                <EmptyState>{t("print.noneInVillage")}</EmptyState>
              ) : (
                <ul className="max-h-64 divide-y divide-stone-100 overflow-y-auto text-sm">
                  {households.map((x) => (
                    <li key={x.id} className="flex justify-between gap-2 py-1.5">
                      <Link href={`/cards?household=${x.id}`} className="underline">
                        {x.number} {x.headName}
                      </Link>
                      <span className="text-stone-500">
                        {x.hasCard ? t("print.issuedOn", { date: x.cardIssuedOn ?? "" }) : t("print.none")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
        </div>
        <PrintCards householdId={q.household} villageId={q.village} total={households.length} withCard={withCard} />
      </div>
    );
  }

  const choices = await printChoices(viewer);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageTitle sub={t("choose.sub")}>{t("choose.title")}</PageTitle>
      <Card title={t("choose.villages")}>
        {choices.villages.length === 0 ? (
          <EmptyState>{t("choose.noVillages")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {choices.villages.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{v.name}</span>
                <span className="flex gap-3">
                  <Link className="underline" href={`/cards?village=${v.id}`}>
                    {t("choose.villageCards")}
                  </Link>
                  <Link className="underline" href={`/cards?poster=${v.id}`}>
                    {t("choose.poster")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {choices.households.length > 0 && (
        <Card title={t("choose.households")}>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="card-households">
            {choices.households.map((h) => (
              <li key={h.id} className="flex justify-between gap-2 py-2">
                <Link className="underline" href={`/cards?household=${h.id}`}>
                  {h.headName}（{h.villageName} {h.number}）
                </Link>
                <span className="text-stone-500">{h.cardIssuedOn ? t("print.issuedOn", { date: h.cardIssuedOn }) : t("print.none")}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
