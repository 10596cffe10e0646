// For the county pages (to mount): the households an evaluation sampled in the official's
// county, read-only, and only once the evaluator's release time has passed. Before that this
// renders nothing at all (not even that an evaluation exists). Server component:
//   <ReleasedSample viewer={viewer} countyId={county.id} />
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { releasedSamples } from "@/lib/data/evaluation/county";
import { chinaDateTime } from "@/lib/domain/china-time";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import type { KeyUnder } from "@/i18n/keys";

function byVillage<T extends { villageName: string }>(list: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const h of list) groups.set(h.villageName, [...(groups.get(h.villageName) ?? []), h]);
  return [...groups.entries()];
}

export async function ReleasedSample({ viewer, countyId }: { viewer: Viewer; countyId?: string }) {
  const evaluations = await releasedSamples(viewer, countyId);
  if (!evaluations.length) return null;
  const t = await getTranslations("evaluation.released");
  const tr = await getTranslations("registered");
  return (
    <Card title={t("title")} className="print:shadow-none">
      <div className="space-y-4" data-testid="released-sample">
        {evaluations.map((e) => (
          <details key={e.id} className="rounded-lg border border-stone-200 p-3" open={evaluations.length === 1}>
            <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-2">
              <span className="font-semibold">{e.name}</span>
              <Badge tone="blue">{t("count", { count: e.households.length })}</Badge>
              <span className="text-xs text-stone-600">{t("releasedAt", { at: chinaDateTime(e.releaseAt) })}</span>
            </summary>
            <p className="mt-2 text-xs text-stone-600">{t("hint")}</p>
            <div className="mt-2 space-y-2">
              {byVillage(e.households).map(([village, list]) => (
                <details key={village} className="rounded border border-stone-100">
                  <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-2 text-sm">
                    <span className="font-medium">{village}</span>
                    <span className="text-xs text-stone-600">{t("count", { count: list.length })}</span>
                  </summary>
                  <div className="overflow-x-auto px-2 pb-2">
                    <table className="w-full min-w-[420px] text-sm">
                      <thead className="bg-stone-50 text-left text-xs text-stone-600">
                        <tr>
                          <th className="px-2 py-2">{t("number")}</th>
                          <th className="px-2">{t("head")}</th>
                          <th className="px-2">{t("status")}</th>
                          <th className="px-2">{t("exited")}</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-stone-100">
                        {list.map((h) => (
                          <tr key={h.householdId}>
                            <td className="px-2 py-1.5 tabular-nums">{h.number}</td>
                            <td className="px-2">
                              <Link className="underline" href={`/households/${h.householdId}`}>
                                {h.headName}
                              </Link>
                            </td>
                            <td className="px-2">{tr(h.registeredStatus as KeyUnder<"registered">)}</td>
                            <td className="px-2">{h.exited ? t("yes") : ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              ))}
            </div>
          </details>
        ))}
      </div>
    </Card>
  );
}
