// The household's members: a table from 640 px, cards on a phone (nothing off-screen). National
// IDs masked, each revealed on a tap by those who may see it (audited).
import { getTranslations } from "next-intl/server";
import type { HouseholdDetail } from "@/lib/data/households";
import { maskNationalId } from "@/lib/domain/masking";
import { ageOn } from "@/lib/domain/household";
import { NationalId } from "./national-id";

type Member = HouseholdDetail["members"][number];

export async function Members({
  householdId,
  members,
  canReveal,
  today,
}: {
  householdId: string;
  members: Member[];
  canReveal: boolean;
  today: string;
}) {
  const t = await getTranslations();
  const id = (m: Member) => (
    <NationalId masked={maskNationalId(m.nationalId)} householdId={householdId} memberId={m.id} name={m.name} canReveal={canReveal} />
  );
  const cells = (m: Member) => ({
    relation: t(`relation.${m.relation}`),
    age: ageOn(m.birthDate.toISOString().slice(0, 10), today),
    health: m.health ? t(`health.${m.health}`) : "—",
    labor: t(`labor.${m.laborCapacity}`),
    school: t(`school.${m.schoolStatus}`),
    insured: m.medicalInsurance ? t("common.yes") : <span className="text-red-700">{t("common.no")}</span>,
    counted: !m.active
      ? t("household.inactive")
      : m.counted
        ? t("common.yes")
        : t("household.notCounted", { reason: m.notCountedReason ? t(`notCountedReason.${m.notCountedReason}`) : "-" }),
  });
  return (
    <>
      {canReveal && <p className="mb-2 text-xs text-stone-500">{t("household.revealHint")}</p>}
      <div className="hidden sm:block">
        <table className="w-full text-sm" data-testid="members-table">
          <thead className="text-left text-xs text-stone-500">
            <tr>
              <th className="py-1.5 pr-2">{t("household.name")}</th>
              <th className="pr-2">{t("household.relation")}</th>
              <th className="pr-2">{t("household.age")}</th>
              <th className="pr-2">{t("household.idNumber")}</th>
              <th className="pr-2">{t("household.health")}</th>
              <th className="pr-2">{t("household.labor")}</th>
              <th className="pr-2">{t("household.school")}</th>
              <th className="pr-2">{t("household.insured")}</th>
              <th>{t("household.counted")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {members.map((m) => {
              const c = cells(m);
              return (
                <tr key={m.id} className={m.active ? "" : "text-stone-400 line-through"}>
                  <td className="py-1.5 pr-2 font-medium">{m.name}</td>
                  <td className="pr-2">{c.relation}</td>
                  <td className="pr-2 tabular-nums">{c.age}</td>
                  <td className="pr-2">{id(m)}</td>
                  <td className="pr-2">{c.health}</td>
                  <td className="pr-2">{c.labor}</td>
                  <td className="pr-2">{c.school}</td>
                  <td className="pr-2">{c.insured}</td>
                  <td>{c.counted}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden" data-testid="member-cards">
        {members.map((m) => {
          const c = cells(m);
          return (
            <li key={m.id} className={`rounded-lg border border-stone-200 p-3 text-sm ${m.active ? "" : "bg-stone-50 text-stone-500"}`}>
              <div className="flex items-baseline justify-between gap-2">
                <span className={`text-base font-semibold ${m.active ? "" : "line-through"}`}>{m.name}</span>
                <span className="text-stone-600">
                  {c.relation} · {t("household.ageYears", { age: c.age })}
                </span>
              </div>
              <div className="mt-1">{id(m)}</div>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
                <dt className="text-stone-500">{t("household.health")}</dt>
                <dd>{c.health}</dd>
                <dt className="text-stone-500">{t("household.labor")}</dt>
                <dd>{c.labor}</dd>
                <dt className="text-stone-500">{t("household.school")}</dt>
                <dd>{c.school}</dd>
                <dt className="text-stone-500">{t("household.insured")}</dt>
                <dd>{c.insured}</dd>
                <dt className="text-stone-500">{t("household.counted")}</dt>
                <dd>{c.counted}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}
