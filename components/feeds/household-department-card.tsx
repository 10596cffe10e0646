// A household's department data (docs/department-feeds.md): what other departments' records
// produced for it — comparison flags, early-warning leads, indicator updates — each with its
// department and as-of day. Medical facts only for the roles that see the medical indicator's
// details (householdDepartmentData decides, and records the view).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import type { DepartmentFindingItem } from "@/lib/data/feeds";

const KIND_TONE = { flag: "amber", lead: "red", fact: "blue" } as const;

export async function HouseholdDepartmentCard({
  items,
  hiddenMedical,
  leadsHref,
}: {
  items: DepartmentFindingItem[];
  hiddenMedical: boolean;
  /** where the viewer's leads are (null: the viewer has no leads page) */
  leadsHref: string | null;
}) {
  const t = await getTranslations("feeds");
  return (
    <Card title={`${t("household.title")} (${items.length})`}>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{t("household.none")}</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" data-testid="department-data">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <Badge tone={KIND_TONE[i.kind]}>{t(`kinds.${i.kind}`)}</Badge>
              <span className="font-medium">{t(`facts.${i.fact}`)}</span>
              {i.member && <span>{i.member}</span>}
              {i.date && <span className="tabular-nums text-stone-600">{i.date}</span>}
              {i.value && <span className="tabular-nums text-stone-600">{`${i.value} 元`}</span>}
              <span className="text-xs text-stone-600">{t("source", { department: t(`departments.${i.department}`), asOf: i.asOf })}</span>
              {i.kind === "lead" && leadsHref && (
                <Link href={leadsHref} className="ml-auto text-xs underline">
                  {t("household.toLeads")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {hiddenMedical && <p className="mt-2 text-xs text-stone-500">{t("household.hidden")}</p>}
    </Card>
  );
}
