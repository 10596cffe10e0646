import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { GuaranteeGapRow } from "@/lib/data/county";
import { Card, EmptyState } from "@/components/ui/card";

/** The county's guarantee gaps (三保障问题): income above the line, a guarantee unmet. Closed by measures, never identified. */
export async function GuaranteeGaps({ gaps }: { gaps: { rows: GuaranteeGapRow[]; total: number } }) {
  const t = await getTranslations("county.gaps");
  const ti = await getTranslations("indicators");
  return (
    <Card title={t("title", { count: gaps.total })}>
      <p className="mb-2 text-xs text-stone-600">{t("note")}</p>
      {gaps.total === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="guarantee-gaps">
            {gaps.rows.map((g) => (
              <li key={g.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                <Link href={`/households/${g.id}`} className="font-medium hover:underline">
                  {g.villageName} · {g.headName}（{g.number}）
                </Link>
                <span className="text-stone-700">{g.unmetIndicators.map((k) => ti(k)).join("、")}</span>
              </li>
            ))}
          </ul>
          {gaps.total > gaps.rows.length && (
            <p className="mt-2 text-xs text-stone-500">{t("more", { shown: gaps.rows.length, total: gaps.total })}</p>
          )}
        </>
      )}
    </Card>
  );
}
