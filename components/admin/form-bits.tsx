"use client";
import { useFocusResult } from "@/components/ui/use-focus-result";
// Pieces every admin form uses: controlled fields that keep what was typed when the server
// says no, a field with its error wired up for screen readers, the form's status line.
import { useCallback, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
export { initialActionState } from "@/lib/actions/result";

/** The errors the last result gave one field. */
export function errorsOf(state: ActionResult<unknown>, name: string): string[] | undefined {
  return state.ok ? undefined : state.fieldErrors?.[name];
}

/** Controlled values for a form: they survive React's reset after a form action. */
export function useFields<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const set = useCallback((name: keyof V, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const reset = useCallback(() => setValues(initial), [initial]);
  return { values, set, reset };
}

const inputClass =
  "mt-1 block w-full rounded-lg border px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 disabled:bg-stone-100";

interface FieldShell {
  label: string;
  errors?: string[];
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
}

/** Label, control, hint and errors; the control gets id, aria-invalid and aria-describedby. */
export function Field({
  label,
  errors,
  hint,
  required,
  className = "",
  children,
}: FieldShell & {
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy, className: `${inputClass} border-stone-300` })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

export function TextField({
  name,
  value,
  onChange,
  type = "text",
  autoComplete,
  inputMode,
  maxLength,
  ...shell
}: FieldShell & {
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password" | "tel";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "tel";
  maxLength?: number;
}) {
  return (
    <Field {...shell}>
      {(a11y) => (
        <input
          {...a11y}
          name={name}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          aria-required={shell.required || undefined}
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

export function SelectField({
  name,
  value,
  onChange,
  options,
  ...shell
}: FieldShell & { name: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <Field {...shell}>
      {(a11y) => (
        <select {...a11y} name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-required={shell.required || undefined}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The result's top-level message, announced politely; always in the DOM so it is announced. */
export function FormStatus({ state, children }: { state: ActionResult<unknown>; children?: React.ReactNode }) {
  const message = state.message;
  const ref = useFocusResult<HTMLDivElement>(state, Boolean(message));
  return (
    <div ref={ref} tabIndex={-1} role="status" aria-live="polite" className="min-h-0 text-sm outline-none">
      {message && (
        <p className={`rounded px-3 py-2 ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
          {message}
          {children}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({
  pending,
  children,
  tone = "brand",
}: {
  pending: boolean;
  children: React.ReactNode;
  tone?: "brand" | "danger" | "plain";
}) {
  const t = useTranslations("admin.form");
  const tones = {
    brand: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
    plain: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-50",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-lg px-4 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}
    >
      {pending ? t("saving") : children}
    </button>
  );
}
