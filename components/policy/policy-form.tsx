"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { savePolicy } from "@/lib/actions/policy/save-policy";
import { initialActionState } from "@/lib/actions/result";
import { POLICY_GROUPS } from "./groups";
import { JobProgress } from "./job-progress";
import type { KeyUnder } from "@/i18n/keys";

export function PolicyForm({ provinces, defaultYear }: { provinces: { id: string; name: string }[]; defaultYear: number }) {
  const t = useTranslations("policy");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(savePolicy, initialActionState);
  const [values, setValues] = useState<Record<string, string>>({ year: String(defaultYear), provinceId: provinces[0]?.id ?? "" });
  const err = (name: string) => (state.ok ? undefined : state.fieldErrors?.[name]?.join("；"));
  const field = (name: string) => ({
    name,
    value: values[name] ?? "",
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
    "aria-invalid": err(name) ? true : undefined,
    "aria-describedby": err(name) ? `${name}-error` : undefined,
  });
  const jobs = state.ok && state.data ? (state.data as { jobs: string[] }).jobs : [];
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="flex flex-wrap gap-3">
        <label className="text-sm">
          <span className="block text-stone-600">{t("year")}</span>
          <input type="number" inputMode="numeric" className="mt-1 w-28 rounded border border-stone-300 px-2 py-1.5" {...field("year")} />
          {err("year") && (
            <span id="year-error" className="block text-xs text-red-700">
              {err("year")}
            </span>
          )}
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("scope")}</span>
          <select className="mt-1 rounded border border-stone-300 px-2 py-1.5" {...field("provinceId")}>
            {provinces.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {err("provinceId") && (
            <span id="provinceId-error" className="block text-xs text-red-700">
              {err("provinceId")}
            </span>
          )}
        </label>
      </div>
      <p className="text-xs text-stone-500">{t("blankHint")}</p>
      {POLICY_GROUPS.map((g) => (
        <fieldset key={g.key} className="rounded-lg border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium">{t(`groups.${g.key as KeyUnder<"policy.groups">}`)}</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {g.keys.map((k) => (
              <label key={k} className="text-sm">
                <span className="block text-stone-600">{t(`keys.${k}`)}</span>
                <input
                  type="number"
                  step="any"
                  min={0}
                  inputMode="decimal"
                  className="mt-1 w-full rounded border border-stone-300 px-2 py-1.5"
                  {...field(k)}
                />
                {err(k) && (
                  <span id={`${k}-error`} className="block text-xs text-red-700">
                    {err(k)}
                  </span>
                )}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label className="block text-sm">
        <span className="block text-stone-600">{t("note")}</span>
        <input className="mt-1 w-full rounded border border-stone-300 px-2 py-1.5" {...field("note")} />
      </label>
      <div role="status" aria-live="polite" className="text-sm">
        {!state.ok && (
          <p className="rounded bg-red-50 px-3 py-2 text-red-800">
            {state.message}
            {err("_form") ? `：${err("_form")}` : ""}
          </p>
        )}
        {state.ok && state.message && <p className="rounded bg-emerald-50 px-3 py-2 text-emerald-800">{state.message}</p>}
      </div>
      {jobs.map((id) => (
        <JobProgress key={id} id={id} />
      ))}
      <button disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
        {pending ? tc("loading") : t("save")}
      </button>
    </form>
  );
}
