// The household page's visit block: for the assigned cadre a big "log a visit" button and the
// changes awaiting their confirmation; for every reader the open follow-ups (overdue marked)
// and the evidence, each file opened through the authorised route.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { visitPanel, type PanelPending } from "@/lib/data/visits/panel";
import { INCOME_LABEL, type CurrentFacts } from "@/lib/validation/visit-facts";
import { PendingActions, ResolveFollowUp } from "./visit-actions";
import type { KeyUnder } from "@/i18n/keys";

type T = Awaited<ReturnType<typeof getTranslations<never>>>;

/** Each pending change as "field: now → at the visit", in words. */
function describe(p: PanelPending, current: CurrentFacts, t: T): { label: string; now: string; proposed: string }[] {
  const yesNo = (v: unknown) =>
    v == null ? t("visit.updates.empty") : v === true ? t("visit.updates.yes") : v === false ? t("visit.updates.no") : String(v);
  const value = (k: string, v: unknown) =>
    k === "housingGrade" && typeof v === "string"
      ? t(`visit.ind.grade.${v as KeyUnder<"visit.ind.grade">}`)
      : k === "safeAlternative" && typeof v === "string"
        ? t(`visit.ind.alt.${v as KeyUnder<"visit.ind.alt">}`)
        : v == null || v === ""
          ? t("visit.updates.empty")
          : typeof v === "boolean"
            ? yesNo(v)
            : String(v);
  const rows: { label: string; now: string; proposed: string }[] = [];
  for (const [k, v] of Object.entries(p.changes.indicators ?? {}))
    rows.push({ label: t(`visit.ind.${k as KeyUnder<"visit.ind">}`), now: value(k, current[k]), proposed: value(k, v) });
  for (const [k, v] of Object.entries(p.changes.income ?? {})) {
    rows.push({
      label: t(`household.${INCOME_LABEL[k as keyof typeof INCOME_LABEL]}`),
      now: value(k, current[k]),
      proposed: value(k, v),
    });
  }
  const enumLabel = (f: string, v: unknown) =>
    f === "schoolStatus"
      ? t(`school.${v as KeyUnder<"school">}`)
      : f === "laborCapacity"
        ? t(`labor.${v as KeyUnder<"labor">}`)
        : f === "health"
          ? t(`health.${v as KeyUnder<"health">}`)
          : yesNo(v);
  for (const m of p.changes.members ?? []) {
    const cur = current.members.find((x) => x.id === m.id);
    const name = (cur?.name as string | undefined) ?? "?";
    for (const [f, v] of Object.entries(m)) {
      if (f === "id" || v === undefined) continue;
      if (f === "leave")
        rows.push({
          label: `${name} · ${t("visit.member.leave")}`,
          now: t("visit.member.stays"),
          proposed: t(`visit.member.${v as KeyUnder<"visit.member">}`),
        });
      else
        rows.push({
          label: `${name} · ${t(`visit.member.${f as KeyUnder<"visit.member">}`)}`,
          now: enumLabel(f, cur?.[f]),
          proposed: enumLabel(f, v),
        });
    }
  }
  for (const n of p.changes.newMembers ?? []) {
    rows.push({
      label: t("visit.pending.newMember", { name: n.name }),
      now: "—",
      proposed: `${t(`visit.newMember.${n.sex}`)} · ${n.birthDate} · ${t(`relation.${n.relation}`)}`,
    });
  }
  return rows;
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export async function HouseholdVisitPanel({
  viewer,
  householdId,
  version,
  lastVisitAt,
}: {
  viewer: Viewer;
  householdId: string;
  version: number;
  lastVisitAt: Date | null;
}) {
  const [data, t] = await Promise.all([visitPanel(viewer, householdId), getTranslations()]);
  const canVisit = can(viewer.role, "visit.create");
  return (
    <div className="space-y-4" data-testid="visit-panel">
      {canVisit && (
        <Link
          href={`/households/${householdId}/visit`}
          className="flex min-h-14 items-center justify-between gap-3 rounded-xl bg-brand-700 px-4 py-3 text-white shadow-sm active:bg-brand-800"
          data-testid="log-visit"
        >
          <span>
            <span className="block text-lg font-semibold">✎ {t("visit.panel.logVisit")}</span>
            <span className="block text-sm text-white/85">{t("visit.panel.logVisitHint")}</span>
            <span className="block text-xs text-white/85">
              {lastVisitAt ? t("visit.panel.lastVisit", { date: lastVisitAt.toISOString().slice(0, 10) }) : t("visit.panel.never")}
            </span>
          </span>
          <span aria-hidden className="text-2xl">
            ›
          </span>
        </Link>
      )}

      {data.current &&
        data.pending.map((p) => (
          <section
            key={p.visitId}
            className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4"
            data-testid="pending-changes"
            aria-labelledby={`pending-${p.visitId}`}
          >
            <h2 id={`pending-${p.visitId}`} className="font-semibold text-amber-950">
              ⚠ {t("visit.pending.title")}
            </h2>
            <p className="mt-1 text-sm text-amber-950">{t("visit.pending.body", { date: p.date })}</p>
            {p.reason && <p className="mt-1 text-xs text-amber-900">{p.reason}</p>}
            <table className="mt-2 w-full text-sm">
              <thead className="text-left text-xs text-stone-600">
                <tr>
                  <th className="py-1 pr-2 font-medium">{t("visit.pending.field")}</th>
                  <th className="pr-2 font-medium">{t("visit.pending.now")}</th>
                  <th className="font-medium">{t("visit.pending.proposed")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-amber-200">
                {describe(p, data.current!, t).map((r, i) => (
                  <tr key={i}>
                    <td className="py-1.5 pr-2">{r.label}</td>
                    <td className="pr-2 text-stone-700">{r.now}</td>
                    <td className="font-semibold">{r.proposed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <PendingActions visitId={p.visitId} version={version} />
          </section>
        ))}

      <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title" className="mb-2 text-base font-semibold">
          {t("visit.followUps.title")} <span className="text-sm font-normal text-stone-600">({data.followUps.length})</span>
        </h2>
        {data.followUps.length === 0 ? (
          <p className="text-sm text-stone-600">{t("visit.followUps.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="open-follow-ups">
            {data.followUps.map((f) => (
              <li key={f.id} className="flex flex-wrap items-start justify-between gap-2 py-2.5" data-overdue={f.overdue}>
                <div className="min-w-0 flex-1">
                  <p className="text-sm">{f.description}</p>
                  <p className="mt-0.5 text-xs text-stone-600">
                    {f.overdue && (
                      <span className="mr-1 rounded-full bg-red-100 px-2 py-0.5 font-semibold text-red-800">
                        {t("visit.followUps.overdue")}
                      </span>
                    )}
                    {t("visit.followUps.due", { date: f.dueDate })} · {t("visit.followUps.raisedOn", { date: f.visitDate })}
                  </p>
                </div>
                {canVisit && <ResolveFollowUp followUpId={f.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="evidence-title">
        <h2 id="evidence-title" className="mb-2 text-base font-semibold">
          {t("visit.evidence.title")}
        </h2>
        {data.evidence.length === 0 ? (
          <p className="text-sm text-stone-600">{t("visit.evidence.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="evidence-list">
            {data.evidence.map((e) => (
              <li key={e.id}>
                <a
                  href={`/api/evidence/${e.id}`}
                  target="_blank"
                  rel="noopener"
                  className="flex min-h-11 items-center justify-between gap-2 py-1.5"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-brand-800 underline">{e.fileName}</span>
                    <span className="block text-xs text-stone-600">
                      {t(`visit.evidence.kind.${e.kind as KeyUnder<"visit.evidence.kind">}`)} ·{" "}
                      {e.indicator ? t(`indicators.${e.indicator as KeyUnder<"indicators">}`) : t("visit.evidence.general")} · {e.createdAt}
                      {e.located && ` · ${t("visit.evidence.located")}`}
                    </span>
                  </span>
                  <span className="shrink-0 text-xs text-stone-500">{size(e.sizeBytes)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
