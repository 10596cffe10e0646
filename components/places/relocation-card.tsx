// A household's relocation (易地扶贫搬迁) on its page: origin, destination, how it was settled, floor
// area with the per-person figure against the rule, own contribution, move, demolition and
// reclamation, follow-up support; and for an official in scope, the form to record or correct it.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import type { HouseholdRelocation } from "@/lib/data/relocation";
import { RelocationForm } from "@/components/household/official-forms";
import { formatQuantity as num } from "@/lib/domain/format";

export async function RelocationCard({
  data,
  destinations,
}: {
  data: HouseholdRelocation;
  /** the county's villages and townships when the viewer may record; null for a reader */
  destinations: { id: string; label: string }[] | null;
}) {
  const t = await getTranslations("places.relocation");
  const tc = await getTranslations("common");
  const r = data.record;
  const origin = data.origin.name ?? data.origin.id;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="contents">
      <dt className="text-stone-600">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  const form = destinations && (
    <RelocationForm
      householdId={data.householdId}
      version={r?.version ?? null}
      destinations={destinations}
      cap={data.policy.cap}
      initial={{
        originName: data.origin.name ?? "",
        originId: data.origin.id ?? "",
        destinationId: r?.destinationId ?? "",
        siteName: r?.siteName ?? "",
        mode: r?.mode ?? "centralised",
        floorArea: r ? String(r.floorArea) : "",
        contribution: r ? String(r.contribution) : "",
        movedOn: r?.movedOn ?? (data.origin.year ? `${data.origin.year}-01-01` : ""),
        demolishedOn: r?.demolishedOn ?? "",
        reclaimedOn: r?.reclaimedOn ?? "",
        supportJob: r?.supportJob ? "on" : "",
        supportSchool: r?.supportSchool ? "on" : "",
        supportCommunity: r?.supportCommunity ? "on" : "",
      }}
    />
  );
  return (
    <Card title={t("title")}>
      <div data-testid="relocation-card">
        {r ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {row(t("origin"), `${origin ?? "—"}${data.origin.year ? ` · ${data.origin.year}` : ""}`)}
            {row(t("destination"), `${r.destinationName}${r.siteName ? ` · ${r.siteName}` : ""}`, "relocation-destination")}
            {row(t("mode"), t(`modes.${r.mode}`))}
            {row(
              t("floorArea"),
              <>
                {num(r.floorArea)}
                {r.perPerson !== null && (
                  <span className="text-stone-600" data-testid="relocation-per-person">
                    {" "}
                    · {t("perPerson", { area: num(r.perPerson), rule: num(data.policy.areaRule), people: data.people })}
                  </span>
                )}
                {r.withinAreaRule === false && (
                  <span className="ml-1">
                    <Badge tone="amber">{t("overArea")}</Badge>
                  </span>
                )}
              </>,
            )}
            {row(t("contribution"), `${num(r.contribution)} ${tc("yuan")}`)}
            {row(t("movedOn"), r.movedOn)}
            {row(t("demolishedOn"), r.demolishedOn ?? t("notYet"))}
            {row(t("reclaimedOn"), r.reclaimedOn ?? t("notYet"))}
            {row(
              t("support"),
              <span className="flex flex-wrap gap-1">
                {(["supportJob", "supportSchool", "supportCommunity"] as const).map((k) => (
                  <Badge key={k} tone={r[k] ? "green" : "gray"}>
                    {r[k] ? "✓" : "✗"} {t(k)}
                  </Badge>
                ))}
              </span>,
            )}
          </dl>
        ) : (
          <p className="text-sm text-stone-600">
            {origin ? `${t("origin")}：${origin}${data.origin.year ? ` · ${data.origin.year}` : ""} · ` : ""}
            {t("none")}
          </p>
        )}
        {r?.updatedBy && <p className="mt-2 text-xs text-stone-500">{t("recordedBy", { name: r.updatedBy, date: r.updatedAt })}</p>}
        {form && (
          <details className="no-print mt-3 rounded-lg border border-stone-200 p-3" open={!r}>
            <summary className="cursor-pointer text-sm font-medium">{r ? t("edit") : t("record")}</summary>
            <div className="mt-3">{form}</div>
          </details>
        )}
      </div>
    </Card>
  );
}
