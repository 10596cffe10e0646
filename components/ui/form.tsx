"use client";
// The one form kit: a field (label, hint and errors wired to the control with aria-invalid and
// aria-describedby), the controls in the one input style (native elements: the phone's own
// pickers and keyboards), the status line, the buttons. Fields are named by their schema paths
// (FormPath): a name the schema does not have fails tsc, and the server's field errors, keyed
// by the same paths, land on their fields with no mapping. docs/decisions/0037-one-form-kit.md
import { forwardRef, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { useFocusResult } from "./use-focus-result";
import type { FormPath } from "./form-path";
import { validationKey, type KeyUnder } from "@/i18n/keys";
import { buttonClass, type ButtonSize, type ButtonTone } from "./button-style";

export type { FormPath } from "./form-path";
export type ErrorMap = Record<string, string[]>;

/**
 * What a field needs from its form: the errors by path and the prefix of its element ids. The
 * schema type S only types the names (a phantom: nothing of the schema reaches the bundle).
 */
export interface FormFields<S extends z.ZodType> {
  readonly idPrefix: string;
  readonly errors: ErrorMap | undefined;
  /** phantom: never set */
  readonly schema?: S;
}

/** A form's fields over a given error map (for forms that check on the device before sending). */
export function formFields<S extends z.ZodType>(idPrefix: string, errors: ErrorMap | undefined): FormFields<S> {
  return { idPrefix, errors };
}

/** The element id of the field at `path` ("f-" + "updates.income.incomeWages" → "f-updates-income-incomeWages"). */
export const fieldId = (idPrefix: string, path: string) => `${idPrefix}${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** The errors at `path` (and at `also`: hidden inputs whose errors this field shows). */
export function errorsAt<S extends z.ZodType>(
  form: FormFields<S>,
  path: FormPath<S>,
  also: readonly FormPath<S>[] = [],
): string[] | undefined {
  const list = [path, ...also].flatMap((p) => form.errors?.[p] ?? []);
  return list.length ? list : undefined;
}

/** The one input style (text, date, number, select, text area). */
export const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 disabled:bg-stone-100";

export interface FieldShell {
  label: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  /** the label for screen readers only (a compact inline form whose row already says what it is) */
  hideLabel?: boolean;
}

export interface A11y {
  id: string;
  /** the one input style (a control that is not a text box overrides it) */
  className: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
}

/** Label, control, hint and errors; the control (a render prop) gets id, aria-invalid and aria-describedby. */
export function Field<S extends z.ZodType>({
  form,
  name,
  also,
  label,
  hint,
  required,
  className = "",
  hideLabel = false,
  children,
}: FieldShell & { form: FormFields<S>; name: FormPath<S>; also?: readonly FormPath<S>[]; children: (a11y: A11y) => React.ReactNode }) {
  const id = fieldId(form.idPrefix, name);
  const errors = errorsAt(form, name, also);
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-stone-800"}>
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        )}
      </label>
      {children(a11yOf(id, hint, errors, required))}
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function a11yOf(id: string, hint: unknown, errors: string[] | undefined, required?: boolean): A11y {
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return {
    id,
    className: inputClass,
    "aria-invalid": Boolean(errors?.length),
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
  };
}

export function FieldHint({ id, children }: { id: string; children?: React.ReactNode }) {
  return children ? (
    <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
      {children}
    </p>
  ) : null;
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

type Named<S extends z.ZodType> = FieldShell & {
  form: FormFields<S>;
  name: FormPath<S>;
  /** other paths whose errors show on this field (a hidden input's) */
  also?: readonly FormPath<S>[];
};
type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "form" | "id" | "className" | "onChange" | "value"> & {
  value?: string;
  onChange?: (value: string) => void;
  /** `name` on the element (default: the path; "" for a control whose value is sent another way) */
  htmlName?: string;
};

/** A text, password, phone, number or date input. */
export function TextField<S extends z.ZodType>({
  form,
  name,
  also,
  label,
  hint,
  required,
  className,
  onChange,
  htmlName,
  ...rest
}: Named<S> & InputProps) {
  return (
    <Field form={form} name={name} also={also} label={label} hint={hint} required={required} className={className}>
      {(a11y) => (
        <input
          autoComplete="off"
          {...rest}
          {...a11y}
          name={htmlName ?? name}
          required={required}
          onChange={onChange && ((e) => onChange(e.target.value))}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<S extends z.ZodType>({
  form,
  name,
  label,
  hint,
  required,
  className,
  options,
  value,
  onChange,
  htmlName,
  ...rest
}: Named<S> &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "form" | "id" | "className" | "onChange" | "value"> & {
    options: readonly Option[];
    value?: string;
    onChange?: (value: string) => void;
    htmlName?: string;
  }) {
  return (
    <Field form={form} name={name} label={label} hint={hint} required={required} className={className}>
      {(a11y) => (
        <select
          {...rest}
          {...a11y}
          name={htmlName ?? name}
          value={value}
          onChange={onChange && ((e) => onChange(e.target.value))}
          className={inputClass}
        >
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

export function TextAreaField<S extends z.ZodType>({
  form,
  name,
  label,
  hint,
  required,
  className,
  value,
  onChange,
  htmlName,
  rows = 3,
  ...rest
}: Named<S> &
  Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "form" | "id" | "className" | "onChange" | "value"> & {
    value?: string;
    onChange?: (value: string) => void;
    htmlName?: string;
  }) {
  return (
    <Field form={form} name={name} label={label} hint={hint} required={required} className={className}>
      {(a11y) => (
        <textarea
          {...rest}
          {...a11y}
          rows={rows}
          name={htmlName ?? name}
          required={required}
          value={value}
          onChange={onChange && ((e) => onChange(e.target.value))}
          className={inputClass}
        />
      )}
    </Field>
  );
}

/** A checkbox whose whole row is the touch target (a UI choice that is no field of its own; CheckField for a field). */
export function CheckRow({
  id,
  label,
  checked,
  onChange,
  changed,
  className = "",
  a11y,
  name,
  ...rest
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "form" | "className" | "onChange" | "type"> & {
  id: string;
  label: React.ReactNode;
  onChange?: (checked: boolean) => void;
  /** marks a pre-filled value that has been changed */
  changed?: boolean;
  className?: string;
  a11y?: Pick<A11y, "aria-invalid" | "aria-describedby">;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // React resets a form once its action settles, and a checkbox goes back to its default in the
  // DOM while its state still says checked (the next submit would send it unchecked): put back
  // what the state says right after the reset
  useEffect(() => {
    const form = ref.current?.form;
    if (!form || checked === undefined) return;
    const onReset = () =>
      setTimeout(() => {
        if (ref.current) ref.current.checked = Boolean(checked);
      });
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [checked]);
  return (
    <label
      htmlFor={id}
      className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-base ${changed ? "border-amber-400 bg-amber-50" : "border-stone-300 bg-white"} ${className}`}
    >
      <input
        {...rest}
        ref={ref}
        id={id}
        name={name}
        aria-invalid={a11y?.["aria-invalid"]}
        aria-describedby={a11y?.["aria-describedby"]}
        type="checkbox"
        checked={checked}
        onChange={onChange && ((e) => onChange(e.target.checked))}
        className="h-6 w-6 shrink-0 accent-brand-700"
      />
      <span>{label}</span>
    </label>
  );
}

/** A checkbox field whose whole row is the touch target. */
export function CheckField<S extends z.ZodType>({
  form,
  name,
  label,
  hint,
  className = "",
  htmlName,
  ...rest
}: Omit<Named<S>, "required" | "also"> &
  Omit<React.ComponentProps<typeof CheckRow>, "id" | "name" | "label" | "className" | "a11y"> & { htmlName?: string }) {
  const id = fieldId(form.idPrefix, name);
  const errors = errorsAt(form, name);
  return (
    <div className={className}>
      <CheckRow {...rest} id={id} name={htmlName ?? name} label={label} a11y={a11yOf(id, hint, errors)} />
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export { buttonClass, type ButtonSize, type ButtonTone } from "./button-style";

export const Button = forwardRef<
  HTMLButtonElement,
  React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone; size?: ButtonSize }
>(function Button({ tone = "plain", size = "sm", className = "", type = "button", ...rest }, ref) {
  return <button ref={ref} type={type} {...rest} className={`${buttonClass(tone, size)} ${className}`} />;
});

/** Submit: disabled while the action runs; `pendingLabel` (default: "saving…") shown meanwhile when given or `showPending`. */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  showPending = false,
  tone = "brand",
  size = "md",
  disabled,
  className = "",
  name,
  value,
  label,
  testId,
}: {
  pending: boolean;
  children: React.ReactNode;
  pendingLabel?: React.ReactNode;
  showPending?: boolean;
  tone?: ButtonTone;
  size?: ButtonSize;
  disabled?: boolean;
  className?: string;
  name?: string;
  value?: string;
  label?: string;
  testId?: string;
}) {
  const t = useTranslations("common");
  const off = pending || Boolean(disabled);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={off}
      aria-disabled={off}
      aria-label={label}
      data-testid={testId}
      className={`${buttonClass(tone, size)} ${className}`}
    >
      {pending && (pendingLabel || showPending) ? (pendingLabel ?? t("saving")) : children}
    </button>
  );
}

/**
 * The form's result message, announced politely and focused when a new one arrives (focus
 * would otherwise stay where the re-rendered form left it). Always in the DOM, so it is announced.
 */
export function StatusLine({
  state,
  className = "",
  testId,
  children,
}: {
  state: Pick<ActionResult<unknown>, "ok" | "message">;
  className?: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const ref = useFocusResult<HTMLParagraphElement>(state, Boolean(state.message));
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      data-testid={testId}
      className={
        state.message
          ? `rounded-lg px-3 py-2 text-sm outline-none ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"} ${className}`
          : "sr-only"
      }
    >
      {state.message}
      {state.message && children}
    </p>
  );
}

/** Every field error at once, each a link to its field ("_form": the input as a whole, unlinked). */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  {
    title: string;
    errors: ErrorMap | undefined;
    idPrefix: string;
    message?: string | null;
    /** the field's name for the list (default: only the messages) */
    labelOf?: (path: string) => string;
    /** the element a path's link goes to, when not the field of that path */
    targetOf?: (path: string) => string;
    separator?: string;
    testId?: string;
  }
>(function ErrorSummary({ title, errors, idPrefix, message, labelOf, targetOf, separator = "：", testId = "form-errors" }, ref) {
  const list = Object.entries(errors ?? {});
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="space-y-2 outline-none" data-testid={testId}>
      {message && <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{message}</p>}
      {list.length > 0 && (
        <div className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-semibold">{title}</p>
          <ul className="mt-1 list-disc pl-5">
            {list.map(([path, msgs]) => (
              <li key={path}>
                {path === "_form" && !labelOf ? (
                  msgs.join(" ")
                ) : (
                  <>
                    <a className="underline" href={`#${fieldId(idPrefix, targetOf?.(path) ?? path)}`}>
                      {labelOf ? labelOf(path) : msgs.join(" ")}
                    </a>
                    {labelOf && (
                      <>
                        {separator}
                        {msgs.join(" ")}
                      </>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});

/** A choice among a few options as big radio buttons in a fieldset (the legend is the label). */
export function RadioCardsField<S extends z.ZodType>({
  form,
  name,
  label,
  hint,
  value,
  onChange,
  options,
  columns = 3,
}: Omit<Named<S>, "required" | "className" | "also"> & {
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string; sub?: string }[];
  columns?: 2 | 3;
}) {
  const id = fieldId(form.idPrefix, name);
  const errors = errorsAt(form, name);
  const a11y = a11yOf(id, hint, errors);
  return (
    <fieldset id={id} aria-describedby={a11y["aria-describedby"]} aria-invalid={a11y["aria-invalid"]} tabIndex={-1}>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className={`mt-1 grid gap-2 ${columns === 3 ? "grid-cols-3" : "grid-cols-2"}`}>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-14 cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-stone-300 bg-white px-1 py-2 text-center has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            <span className="text-base font-semibold">{o.label}</span>
            {o.sub && <span className="text-xs text-stone-600">{o.sub}</span>}
          </label>
        ))}
      </div>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldErrors id={id} errors={errors} />
    </fieldset>
  );
}

/** A titled block of a long (phone) form. */
export function FormSection({ title, children, hint }: { title: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold">{title}</h2>
      {hint && <p className="mt-0.5 text-sm text-stone-600">{hint}</p>}
      <div className="mt-3 space-y-4">{children}</div>
    </section>
  );
}

/** The submit button of a long phone form, kept at the bottom of the screen. */
export function SubmitBar({
  pending,
  label,
  pendingLabel,
  disabled,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  disabled?: boolean;
}) {
  return (
    <div className="sticky bottom-0 -mx-3 border-t border-stone-200 bg-stone-50/95 px-3 py-3 backdrop-blur">
      <SubmitButton pending={pending} disabled={disabled} size="lg" className="w-full" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </div>
  );
}

/** Zod issues of a check on the device → errors by path ("validation.…" messages translated, others `fallback`; each once). */
export function issuesToErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  tv: (key: KeyUnder<"validation">) => string,
  fallback: string,
): ErrorMap {
  const out: ErrorMap = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "_form";
    const key = validationKey(issue.message);
    const msg = key ? tv(key) : fallback;
    const list = (out[path] ??= []);
    if (!list.includes(msg)) list.push(msg);
  }
  return out;
}
