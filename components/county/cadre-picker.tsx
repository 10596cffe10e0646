"use client";
// Search the county's cadres by name and pick one (or a team). The choice travels as hidden
// inputs; the server checks every id again (in the county, a cadre, enabled).
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { searchCadres } from "@/lib/actions/county/search-cadres";
import type { CadreOption } from "@/lib/data/county-assignments";
import type { z } from "zod";
import { FieldErrors, errorsAt, fieldId, inputClass, type FormFields, type FormPath } from "@/components/ui/form";

export function CadrePicker<S extends z.ZodType>({
  form,
  name,
  label,
  multiple = false,
  value,
  onChange,
  near,
  refresh,
}: {
  form: FormFields<S>;
  /** the hidden inputs' name, a path of the form's schema: cadreId (one) or cadreIds (a team) */
  name: FormPath<S>;
  label: string;
  multiple?: boolean;
  value: CadreOption[];
  onChange: (value: CadreOption[]) => void;
  /** list this village's cadres first */
  near?: string;
  /** a new value (the result of a save) fetches the list again: each cadre's count is current */
  refresh?: unknown;
}) {
  const t = useTranslations("county.assign");
  const id = fieldId(form.idPrefix, name);
  const errors = errorsAt(form, name);
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<CadreOption[]>([]);
  const [searched, setSearched] = useState(false);
  const [searching, start] = useTransition();
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(
      () => {
        start(async () => {
          const result = await searchCadres(undefined, { q: q.trim(), ...(near ? { near } : {}) });
          if (ticket !== latest.current) return; // a newer search is under way
          setOptions(result.ok ? (result.data ?? []) : []);
          setSearched(true);
        });
      },
      q ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [q, near, refresh]);

  const pick = (c: CadreOption) => {
    if (multiple) onChange(value.some((v) => v.id === c.id) ? value : [...value, c]);
    else onChange([c]);
  };
  const errorId = errors?.length ? `${id}-error` : undefined;

  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="text-sm font-medium">
        {label}
        <span className="ml-0.5 text-red-700" aria-hidden>
          *
        </span>
      </legend>
      {value.map((c) => (
        <input key={c.id} type="hidden" name={name} value={c.id} />
      ))}
      <div className="flex flex-wrap gap-1" aria-live="polite" data-testid="picked-cadres">
        {value.length === 0 ? (
          <span className="text-sm text-stone-500">{multiple ? t("noneChosenTeam") : t("noneChosen")}</span>
        ) : (
          value.map((c) => (
            <span
              key={c.id}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 text-sm text-brand-800 ring-1 ring-brand-100"
            >
              {c.name}
              <span className="text-xs text-stone-500">· {c.villageName}</span>
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v.id !== c.id))}
                aria-label={t("remove", { name: c.name })}
                className="ml-1 text-stone-500 hover:text-red-700"
              >
                ✕
              </button>
            </span>
          ))
        )}
      </div>
      <label htmlFor={id} className="block text-xs text-stone-600">
        {t("searchCadre")}
      </label>
      <input
        id={id}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (options[0]) pick(options[0]);
          }
        }}
        autoComplete="off"
        placeholder={t("searchPlaceholder")}
        aria-invalid={Boolean(errorId)}
        aria-controls={`${id}-results`}
        data-testid="cadre-search"
        className={inputClass}
      />
      <ul
        id={`${id}-results`}
        className="max-h-48 overflow-y-auto rounded-lg border border-stone-200"
        aria-label={t("results")}
        aria-busy={searching}
      >
        {options.map((c) => {
          const chosen = value.some((v) => v.id === c.id);
          return (
            <li key={c.id} className="border-b border-stone-100 last:border-0">
              <button
                type="button"
                onClick={() => pick(c)}
                aria-pressed={chosen}
                data-testid="cadre-option"
                className={`flex w-full items-center justify-between gap-2 px-3 py-1.5 text-left text-sm hover:bg-stone-50 ${chosen ? "bg-brand-50" : ""}`}
              >
                <span>
                  <span className="font-medium">{c.name}</span>
                  <span className="ml-2 text-xs text-stone-500" title={c.username}>
                    {c.townshipName ? `${c.townshipName} · ` : ""}
                    {c.villageName}
                  </span>
                </span>
                <span className="whitespace-nowrap text-xs text-stone-500">
                  {t("load", { count: c.load })}
                  {chosen ? " ✓" : ""}
                </span>
              </button>
            </li>
          );
        })}
        {searched && !searching && options.length === 0 && <li className="px-3 py-2 text-sm text-stone-500">{t("noCadreMatch")}</li>}
      </ul>
      <FieldErrors id={id} errors={errors} />
    </fieldset>
  );
}
