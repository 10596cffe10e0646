// The household's own page, opened from the QR code on its card (明白卡). Public: the long
// random token in the URL is the only key. Unknown, malformed and revoked tokens all get the
// same plain "not found"; a flood from one address gets a plain 429 page.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { openCard } from "@/lib/data/card";
import { clientAddress } from "@/lib/http/request";
import { isWellFormedToken } from "@/lib/card/token";
import { CardView } from "@/components/card/card-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("card");
  // the token is in the URL: no index, and no Referer to any link followed from here
  return { title: t("page.metaTitle"), robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };
}

export default async function CardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await openCard(token, await clientAddress());
  if (result.kind === "limited") redirect(`/card/${isWellFormedToken(token) ? token : "-"}/limited`);
  if (result.kind === "not_found") notFound();
  return <CardView view={result.view} token={token} />;
}
