"use client";
// The household's facts in the visit form, pre-filled with the current values: indicators and
// income. A changed value is marked and shows what it was, so the cadre sees exactly what
// will be sent.
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { CheckField, SelectField, TextField, type FormFields, type FormPath } from "@/components/ui/form";
import type { PrefixTo } from "@/components/ui/form-path";
import { INCOME_FIELDS, INCOME_LABEL, type IncomeFacts, type IndicatorFacts } from "@/lib/validation/visit-facts";

/** A collapsible group, closed until opened (or until it holds an error). */
export function Collapsible({
  title,
  changed,
  open,
  onToggle,
  children,
}: {
  title: string;
  changed: number;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: React.ReactNode;
}) {
  const t = useTranslations("visit.updates");
  return (
    <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)} className="rounded-lg border border-stone-200">
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-3 py-2 font-medium [&::-webkit-details-marker]:hidden">
        <span>
          <span aria-hidden className="mr-1 inline-block w-4 text-stone-500">
            {open ? "▾" : "▸"}
          </span>
          {title}
        </span>
        <span className={`rounded-full px-2 py-0.5 text-xs ${changed ? "bg-amber-100 text-amber-900" : "bg-stone-100 text-stone-600"}`}>
          {changed ? t("changed", { count: changed }) : t("unchanged")}
        </span>
      </summary>
      <div className="space-y-3 border-t border-stone-200 p-3">{children}</div>
    </details>
  );
}

function numSame(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === "" || y === "") return x === y;
  const nx = Number(x);
  const ny = Number(y);
  return Number.isFinite(nx) && Number.isFinite(ny) ? nx === ny : x === y;
}

/** The indicator fields, named `${at}indicators.<name>` (at: where the form's schema keeps them). */
export function IndicatorFields<S extends z.ZodType>({
  form,
  at,
  base,
  value,
  onChange,
}: {
  form: FormFields<S>;
  at: PrefixTo<S, "indicators.food">;
  base: IndicatorFacts;
  value: IndicatorFacts;
  onChange: (v: IndicatorFacts) => void;
}) {
  const t = useTranslations("visit");
  const set = <K extends keyof IndicatorFacts>(k: K, v: IndicatorFacts[K]) => onChange({ ...value, [k]: v });
  const key = (k: keyof IndicatorFacts) => `${at}indicators.${k}` as FormPath<S>;
  const was = (v: string) => t("updates.was", { value: v === "" ? t("updates.empty") : v });
  const flag = (k: keyof IndicatorFacts) =>
    base[k] === value[k]
      ? undefined
      : typeof base[k] === "boolean"
        ? was(base[k] ? t("updates.yes") : t("updates.no"))
        : was(String(base[k]));
  const check = (k: "food" | "clothing" | "electricity" | "waterScarceArea" | "waterPiped" | "waterQualitySafe") => (
    <CheckField
      form={form}
      name={key(k)}
      label={t(`ind.${k}`)}
      checked={value[k]}
      onChange={(v) => set(k, v)}
      changed={base[k] !== value[k]}
      hint={flag(k)}
    />
  );
  const number = (k: "waterLitres" | "waterRoundTripMin" | "waterHorizontalM" | "waterVerticalM" | "waterOutageDays", nullable = false) => (
    <TextField
      form={form}
      name={key(k)}
      label={t(`ind.${k}`)}
      value={value[k]}
      onChange={(v) => set(k, v)}
      inputMode={k === "waterLitres" ? "decimal" : "numeric"}
      hint={numSame(base[k], value[k]) ? (nullable ? t("updates.blankUnknown") : undefined) : was(base[k])}
    />
  );
  return (
    <>
      {check("food")}
      {check("clothing")}
      <SelectField
        form={form}
        name={key("housingGrade")}
        label={t("ind.housingGrade")}
        value={value.housingGrade}
        onChange={(v) => set("housingGrade", v as IndicatorFacts["housingGrade"])}
        options={(["A", "B", "C", "D"] as const).map((g) => ({ value: g, label: t(`ind.grade.${g}`) }))}
        hint={base.housingGrade === value.housingGrade ? undefined : was(t(`ind.grade.${base.housingGrade}`))}
      />
      <SelectField
        form={form}
        name={key("safeAlternative")}
        label={t("ind.safeAlternative")}
        value={value.safeAlternative}
        onChange={(v) => set("safeAlternative", v as IndicatorFacts["safeAlternative"])}
        options={(["", "resettlement_flat", "with_children", "public_rental", "other"] as const).map((g) => ({
          value: g,
          label: t(`ind.alt.${g || "none"}`),
        }))}
        hint={base.safeAlternative === value.safeAlternative ? undefined : was(t(`ind.alt.${base.safeAlternative || "none"}`))}
      />
      {check("electricity")}
      {number("waterLitres")}
      {check("waterScarceArea")}
      {check("waterPiped")}
      {number("waterRoundTripMin", true)}
      <div className="grid grid-cols-2 gap-3">
        {number("waterHorizontalM", true)}
        {number("waterVerticalM", true)}
      </div>
      {check("waterQualitySafe")}
      {number("waterOutageDays")}
    </>
  );
}

/** The income items, named `${at}income.<item>`. */
export function IncomeFields<S extends z.ZodType>({
  form,
  at,
  base,
  value,
  onChange,
}: {
  form: FormFields<S>;
  at: PrefixTo<S, "income.incomeWages">;
  base: IncomeFacts;
  value: IncomeFacts;
  onChange: (v: IncomeFacts) => void;
}) {
  const t = useTranslations();
  return (
    <>
      {INCOME_FIELDS.map((k) => (
        <Fragment key={k}>
          {k === "transferSubsistence" && <p className="mt-2 text-sm font-medium text-stone-700">{t("household.countedTransfers")}</p>}
          {k === "excludedMedical" && (
            <div className="mt-2">
              <p className="text-sm font-medium text-stone-700">{t("household.notCounted")}</p>
              <p className="text-xs text-stone-500">{t("household.notCountedWhy")}</p>
            </div>
          )}
          <TextField
            form={form}
            name={`${at}income.${k}` as FormPath<S>}
            label={t(k === "rigidExpenditure" ? "household.rigidAfter" : `household.${INCOME_LABEL[k]}`)}
            value={value[k]}
            onChange={(v) => onChange({ ...value, [k]: v })}
            inputMode="decimal"
            hint={
              numSame(base[k], value[k])
                ? k === "previousYearIncome"
                  ? t("visit.updates.blankUnknown")
                  : undefined
                : t("visit.updates.was", { value: base[k] === "" ? t("visit.updates.empty") : base[k] })
            }
          />
        </Fragment>
      ))}
    </>
  );
}

export function countChanged<T extends object>(base: T, value: T): number {
  return (Object.keys(base) as (keyof T)[]).filter((k) => {
    const a = base[k];
    const b = value[k];
    return typeof a === "string" && typeof b === "string" && k !== "housingGrade" && k !== "safeAlternative" ? !numSame(a, b) : a !== b;
  }).length;
}

export interface OpenSections {
  indicators: boolean;
  income: boolean;
  members: boolean;
  newMembers: boolean;
}

/** Open every collapsed section that holds one of these error paths (never close one); `at` as for the fields. */
export function openSectionsWithErrors<T extends Partial<OpenSections>>(open: T, errorPaths: string[], at: string): T {
  const has = (prefix: string) => errorPaths.some((k) => k.startsWith(prefix));
  const out = { ...open };
  if ("indicators" in out) out.indicators = out.indicators || has(`${at}indicators`);
  if ("income" in out) out.income = out.income || has(`${at}income`);
  if ("members" in out) out.members = out.members || has(`${at}members`) || has("members.");
  if ("newMembers" in out) out.newMembers = out.newMembers || has(`${at}newMembers`);
  return out;
}
