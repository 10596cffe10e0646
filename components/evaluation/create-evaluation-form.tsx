"use client";
// New evaluation: county, year, name, team and sampling plan (defaults from the policy of the
// county's province). The id is generated here, so a retry stores one evaluation.
import { startTransition, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import type { CountyChoice, PlanDefaults, TeamCandidate } from "@/lib/data/evaluation/evaluations";
import type { createEvaluationSchema } from "@/lib/validation/evaluation";
import { ErrorSummary, FieldErrors, SelectField, StatusLine, SubmitButton, TextField, errorsAt, fieldId } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

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

  const { state, dispatch, pending, fields } = useFormAction(createEvaluation, schemaOf<typeof createEvaluationSchema>(), {
    idPrefix: "ev-",
    after: (data) => (data?.id ? `/evaluator/${data.id}` : null),
  });

  const eligible = useMemo(() => candidates.filter((c) => countyId.startsWith(c.regionId)), [candidates, countyId]);

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
      <ErrorSummary title={t("form.errorsTitle")} errors={fields.errors} idPrefix={fields.idPrefix} testId="error-summary" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          form={fields}
          name="countyId"
          label={t("fields.countyId")}
          value={countyId}
          onChange={pickCounty}
          options={counties.map((c) => ({
            value: c.id,
            label: t("create.countyOption", { name: c.name, households: c.households, villages: c.villages }),
          }))}
        />
        <TextField form={fields} name="year" label={t("fields.year")} inputMode="numeric" value={yearText} onChange={setYearText} />
        <TextField
          form={fields}
          name="name"
          label={t("fields.name")}
          className="sm:col-span-2"
          maxLength={120}
          value={name}
          onChange={setName}
        />
      </div>

      <fieldset className="rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("create.planTitle")}</legend>
        {d && (
          <p className="mb-2 text-xs text-stone-600" id="plan-hint">
            {t("create.defaultsHint", { min: d.villagesMin, max: d.villagesMax, share: d.sharePercent, cap: d.capPerVillage })}
          </p>
        )}
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            form={fields}
            name="plan.villages"
            label={t("fields.plan.villages")}
            inputMode="numeric"
            value={villages}
            onChange={setVillages}
            hint={county ? t("create.villagesAvailable", { count: county.villages }) : undefined}
          />
          <TextField
            form={fields}
            name="plan.sharePercent"
            label={t("fields.plan.sharePercent")}
            inputMode="decimal"
            value={share}
            onChange={setShare}
          />
          <TextField
            form={fields}
            name="plan.capPerVillage"
            label={t("fields.plan.capPerVillage")}
            inputMode="numeric"
            value={cap}
            onChange={setCap}
          />
        </div>
        <label className="mt-3 flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" className="h-5 w-5" checked={includeExited} onChange={(e) => setIncludeExited(e.target.checked)} />
          {t("fields.plan.includeAllExited")}
        </label>
      </fieldset>

      <fieldset className="rounded-lg border border-stone-200 p-3" id={fieldId(fields.idPrefix, "team")}>
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
        <FieldErrors id={fieldId(fields.idPrefix, "team")} errors={errorsAt(fields, "team")} />
      </fieldset>

      <SubmitButton pending={pending} disabled={!counties.length} size="lg" pendingLabel={t("create.submitting")} testId="create-submit">
        {t("create.submit")}
      </SubmitButton>
      <StatusLine state={{ ok: state.ok, message: state.ok || fields.errors ? undefined : state.message }} />
    </form>
  );
}
