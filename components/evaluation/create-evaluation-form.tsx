"use client";
// New evaluation: county, year, name, team and sampling plan (defaults from the policy of the
// county's province). The id is generated here, so a retry stores one evaluation.
import { startTransition, useActionState, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import type { ActionResult } from "@/lib/actions/result";
import type { Created, CountyChoice, PlanDefaults, TeamCandidate } from "@/lib/data/evaluation/evaluations";
import { ErrorSummary, FieldError, StatusLine, errorProps, fid, inputClass, primaryButton } from "./form-bits";

export function CreateEvaluationForm({
  counties,
  defaults,
  candidates,
  viewerId,
  year,
}: {
  counties: CountyChoice[];
  defaults: Record<string, PlanDefaults>;
  candidates: TeamCandidate[];
  viewerId: string;
  year: number;
}) {
  const t = useTranslations("evaluation");
  const router = useRouter();
  const [id] = useState(() => crypto.randomUUID());
  // the county with the most households first (the one an evaluation is most likely about)
  const first = counties.reduce<CountyChoice | undefined>((best, c) => (!best || c.households > best.households ? c : best), undefined);
  const [countyId, setCountyId] = useState(first?.id ?? "");
  const county = counties.find((c) => c.id === countyId);
  const d = defaults[countyId];
  const initialVillages = (c?: CountyChoice, x?: PlanDefaults) => String(Math.min(x?.villagesMax ?? 6, c?.villages ?? 6));
  const [name, setName] = useState(() => (first ? t("create.defaultName", { county: first.name, year }) : ""));
  const [yearText, setYearText] = useState(String(year));
  const [villages, setVillages] = useState(() => initialVillages(first, first ? defaults[first.id] : undefined));
  const [share, setShare] = useState(String(d?.sharePercent ?? 20));
  const [cap, setCap] = useState(String(d?.capPerVillage ?? 200));
  const [includeExited, setIncludeExited] = useState(true);
  const [team, setTeam] = useState<string[]>([viewerId]);

  const [state, dispatch, pending] = useActionState<ActionResult<Created>, Record<string, unknown>>(
    (prev, payload) => createEvaluation(prev, payload),
    { ok: true },
  );
  useEffect(() => {
    if (state.ok && state.data?.id) router.push(`/evaluator/${state.data.id}`);
  }, [state, router]);

  const eligible = useMemo(() => candidates.filter((c) => countyId.startsWith(c.regionId)), [candidates, countyId]);
  const errors = state.ok ? undefined : state.fieldErrors;

  function pickCounty(next: string) {
    setCountyId(next);
    const c = counties.find((x) => x.id === next);
    const x = defaults[next];
    setVillages(initialVillages(c, x));
    if (x) {
      setShare(String(x.sharePercent));
      setCap(String(x.capPerVillage));
    }
    if (c) setName(t("create.defaultName", { county: c.name, year: yearText }));
    setTeam((old) => old.filter((u) => u === viewerId || candidates.some((k) => k.id === u && next.startsWith(k.regionId))));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    startTransition(() =>
      dispatch({
        id,
        countyId,
        year: yearText,
        name,
        team,
        plan: { villages, sharePercent: share, capPerVillage: cap, includeAllExited: includeExited },
      }),
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="create-evaluation">
      <ErrorSummary title={t("form.errorsTitle")} errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={fid("countyId")} className="block text-sm font-medium">
            {t("fields.countyId")}
          </label>
          <select
            id={fid("countyId")}
            value={countyId}
            onChange={(e) => pickCounty(e.target.value)}
            className={inputClass}
            {...errorProps("countyId", errors)}
          >
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {t("create.countyOption", { name: c.name, households: c.households, villages: c.villages })}
              </option>
            ))}
          </select>
          <FieldError path="countyId" errors={errors} />
        </div>
        <div>
          <label htmlFor={fid("year")} className="block text-sm font-medium">
            {t("fields.year")}
          </label>
          <input
            id={fid("year")}
            inputMode="numeric"
            value={yearText}
            onChange={(e) => setYearText(e.target.value)}
            className={inputClass}
            {...errorProps("year", errors)}
          />
          <FieldError path="year" errors={errors} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={fid("name")} className="block text-sm font-medium">
            {t("fields.name")}
          </label>
          <input
            id={fid("name")}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
            {...errorProps("name", errors)}
          />
          <FieldError path="name" errors={errors} />
        </div>
      </div>

      <fieldset className="rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("create.planTitle")}</legend>
        {d && (
          <p className="mb-2 text-xs text-stone-600" id="plan-hint">
            {t("create.defaultsHint", { min: d.villagesMin, max: d.villagesMax, share: d.sharePercent, cap: d.capPerVillage })}
          </p>
        )}
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={fid("plan.villages")} className="block text-sm font-medium">
              {t("fields.plan.villages")}
            </label>
            <input
              id={fid("plan.villages")}
              inputMode="numeric"
              value={villages}
              onChange={(e) => setVillages(e.target.value)}
              className={inputClass}
              {...errorProps("plan.villages", errors, "villages-hint")}
            />
            <p id="villages-hint" className="mt-1 text-xs text-stone-600">
              {county ? t("create.villagesAvailable", { count: county.villages }) : ""}
            </p>
            <FieldError path="plan.villages" errors={errors} />
          </div>
          <div>
            <label htmlFor={fid("plan.sharePercent")} className="block text-sm font-medium">
              {t("fields.plan.sharePercent")}
            </label>
            <input
              id={fid("plan.sharePercent")}
              inputMode="decimal"
              value={share}
              onChange={(e) => setShare(e.target.value)}
              className={inputClass}
              {...errorProps("plan.sharePercent", errors)}
            />
            <FieldError path="plan.sharePercent" errors={errors} />
          </div>
          <div>
            <label htmlFor={fid("plan.capPerVillage")} className="block text-sm font-medium">
              {t("fields.plan.capPerVillage")}
            </label>
            <input
              id={fid("plan.capPerVillage")}
              inputMode="numeric"
              value={cap}
              onChange={(e) => setCap(e.target.value)}
              className={inputClass}
              {...errorProps("plan.capPerVillage", errors)}
            />
            <FieldError path="plan.capPerVillage" errors={errors} />
          </div>
        </div>
        <label className="mt-3 flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" className="h-5 w-5" checked={includeExited} onChange={(e) => setIncludeExited(e.target.checked)} />
          {t("fields.plan.includeAllExited")}
        </label>
      </fieldset>

      <fieldset className="rounded-lg border border-stone-200 p-3" id={fid("team")}>
        <legend className="px-1 text-sm font-semibold">{t("fields.team")}</legend>
        <p className="mb-2 text-xs text-stone-600">{t("create.teamHint")}</p>
        <ul className="grid gap-1 sm:grid-cols-2">
          {eligible.map((c) => (
            <li key={c.id}>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={team.includes(c.id)}
                  disabled={c.id === viewerId}
                  onChange={(e) => setTeam((old) => (e.target.checked ? [...old, c.id] : old.filter((x) => x !== c.id)))}
                />
                {c.name}（{c.username} · {c.regionName}）{c.id === viewerId ? t("create.you") : ""}
              </label>
            </li>
          ))}
        </ul>
        <FieldError path="team" errors={errors} />
      </fieldset>

      <button type="submit" disabled={pending || !counties.length} className={primaryButton} data-testid="create-submit">
        {pending ? t("create.submitting") : t("create.submit")}
      </button>
      <StatusLine ok={state.ok} message={state.ok || errors ? undefined : state.message} />
    </form>
  );
}
