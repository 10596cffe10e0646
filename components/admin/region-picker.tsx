"use client";
// A region code input that suggests nodes under the admin's scope as you type a code or a
// name (a native datalist: keyboard and screen-reader support come from the browser).
// The server checks the code again: it must exist, lie in scope and fit the role.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { searchRegions } from "@/lib/actions/admin/search-regions";
import type { RegionOption } from "@/lib/data/admin/regions";
import type { Role } from "@/lib/auth/roles";
import { scopeFitsRole } from "@/lib/validation/admin";
import type { z } from "zod";
import { Field, inputClass, type FormFields, type FormPath } from "@/components/ui/form";

export function RegionPicker<S extends z.ZodType>({
  form,
  name,
  label,
  value,
  onChange,
  role,
  hint,
  initialOption,
}: {
  form: FormFields<S>;
  name: FormPath<S>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** only suggest the levels this role's scope may be */
  role?: Role;
  hint?: React.ReactNode;
  /** the node the value names at first, so its name shows before any search */
  initialOption?: RegionOption;
}) {
  const t = useTranslations();
  const listId = useId();
  const [options, setOptions] = useState<RegionOption[]>(initialOption ? [initialOption] : []);
  const [searching, start] = useTransition();
  const latest = useRef(0);

  useEffect(() => {
    const q = value.trim();
    if (!q) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      start(async () => {
        const result = await searchRegions(undefined, { q, ...(role ? { role } : {}) });
        if (ticket !== latest.current) return; // a newer search is under way
        if (result.ok) setOptions(result.data ?? []);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [value, role]);

  const chosen = options.find((o) => o.id === value.trim());
  return (
    <Field
      form={form}
      name={name}
      label={label}
      required
      hint={
        <>
          <span aria-live="polite">
            {chosen && role && !scopeFitsRole(role, chosen.level)
              ? t("admin.picker.wrongLevel", { name: chosen.name, level: t(`levels.${chosen.level}`) })
              : chosen
                ? t("admin.picker.chosen", { name: chosen.name, level: t(`levels.${chosen.level}`), parent: chosen.parentName ?? "—" })
                : searching
                  ? t("admin.picker.searching")
                  : value.trim() && options.length === 0
                    ? t("admin.picker.noMatch")
                    : t("admin.picker.hint")}
          </span>
          {hint && <span className="block">{hint}</span>}
        </>
      }
    >
      {(a11y) => (
        <>
          <input
            {...a11y}
            className={inputClass}
            name={name}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            list={listId}
            autoComplete="off"
            spellCheck={false}
            aria-required
          />
          <datalist id={listId}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {`${o.name} · ${t(`levels.${o.level}`)}${o.parentName ? ` · ${o.parentName}` : ""}`}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
