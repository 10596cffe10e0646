"use client";
// Field pieces for the visit form, phone first: every control has a label, touch targets of
// at least 44 px, and its errors (and hint) linked with aria-describedby. Field ids derive
// from the error key ("updates.income.incomeWages" → "f-updates-income-incomeWages"), so
// the error summary can link to each field.

export const fieldId = (key: string) => `f-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;

const control =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

interface Shell {
  k: string;
  label: React.ReactNode;
  errors?: string[];
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
}

function describedBy(k: string, hint: unknown, errors?: string[]) {
  return [hint ? `${fieldId(k)}-hint` : "", errors?.length ? `${fieldId(k)}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function Hint({ k, children }: { k: string; children?: React.ReactNode }) {
  return children ? (
    <p id={`${fieldId(k)}-hint`} className="mt-1 text-xs text-stone-600">
      {children}
    </p>
  ) : null;
}

export function Errors({ k, errors }: { k: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={`${fieldId(k)}-error`} className="mt-1 text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

function Label({ k, label, required }: Pick<Shell, "k" | "label" | "required">) {
  return (
    <label htmlFor={fieldId(k)} className="block text-sm font-medium text-stone-800">
      {label}
      {required && (
        <span className="ml-0.5 text-red-700" aria-hidden>
          *
        </span>
      )}
    </label>
  );
}

export function TextInput({
  k,
  label,
  errors,
  hint,
  required,
  className = "",
  value,
  onChange,
  type = "text",
  inputMode,
  max,
  min,
  maxLength,
  autoComplete,
}: Shell & {
  value: string;
  onChange: (v: string) => void;
  type?: "text" | "date";
  inputMode?: "decimal" | "numeric" | "text";
  max?: string;
  min?: string;
  maxLength?: number;
  autoComplete?: string;
}) {
  return (
    <div className={className}>
      <Label k={k} label={label} required={required} />
      <input
        id={fieldId(k)}
        type={type}
        inputMode={inputMode}
        value={value}
        max={max}
        min={min}
        maxLength={maxLength}
        autoComplete={autoComplete ?? "off"}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={describedBy(k, hint, errors)}
        aria-required={required || undefined}
        className={control}
      />
      <Hint k={k}>{hint}</Hint>
      <Errors k={k} errors={errors} />
    </div>
  );
}

export function TextArea({
  k,
  label,
  errors,
  hint,
  required,
  className = "",
  value,
  onChange,
  rows = 3,
  maxLength,
}: Shell & {
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <div className={className}>
      <Label k={k} label={label} required={required} />
      <textarea
        id={fieldId(k)}
        value={value}
        rows={rows}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={describedBy(k, hint, errors)}
        aria-required={required || undefined}
        className={control}
      />
      <Hint k={k}>{hint}</Hint>
      <Errors k={k} errors={errors} />
    </div>
  );
}

export function Select({
  k,
  label,
  errors,
  hint,
  required,
  className = "",
  value,
  onChange,
  options,
}: Shell & {
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <div className={className}>
      <Label k={k} label={label} required={required} />
      <select
        id={fieldId(k)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={describedBy(k, hint, errors)}
        aria-required={required || undefined}
        className={control}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint k={k}>{hint}</Hint>
      <Errors k={k} errors={errors} />
    </div>
  );
}

/** A checkbox whose whole row is the touch target. */
export function Check({
  k,
  label,
  errors,
  hint,
  className = "",
  checked,
  onChange,
  changed,
}: Shell & {
  checked: boolean;
  onChange: (v: boolean) => void;
  /** marks a pre-filled value the cadre has changed */
  changed?: boolean;
}) {
  return (
    <div className={className}>
      <label
        htmlFor={fieldId(k)}
        className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-base ${changed ? "border-amber-400 bg-amber-50" : "border-stone-300 bg-white"}`}
      >
        <input
          id={fieldId(k)}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={describedBy(k, hint, errors)}
          className="h-6 w-6 shrink-0 accent-brand-700"
        />
        <span>{label}</span>
      </label>
      <Hint k={k}>{hint}</Hint>
      <Errors k={k} errors={errors} />
    </div>
  );
}

/** Big radio buttons in a fieldset (the legend is the label). */
export function RadioCards({
  k,
  label,
  errors,
  hint,
  value,
  onChange,
  options,
  columns = 3,
}: Shell & {
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string; sub?: string }[];
  columns?: 2 | 3;
}) {
  return (
    <fieldset id={fieldId(k)} aria-describedby={describedBy(k, hint, errors)} aria-invalid={Boolean(errors?.length)} tabIndex={-1}>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className={`mt-1 grid gap-2 ${columns === 3 ? "grid-cols-3" : "grid-cols-2"}`}>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-14 cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-stone-300 bg-white px-1 py-2 text-center has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600"
          >
            <input
              type="radio"
              name={k}
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
      <Hint k={k}>{hint}</Hint>
      <Errors k={k} errors={errors} />
    </fieldset>
  );
}

/** A titled block of the form. */
export function Section({ title, children, hint }: { title: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold">{title}</h2>
      {hint && <p className="mt-0.5 text-sm text-stone-600">{hint}</p>}
      <div className="mt-3 space-y-4">{children}</div>
    </section>
  );
}

export function SmallButton({
  children,
  onClick,
  tone = "plain",
  label,
}: {
  children: React.ReactNode;
  onClick: () => void;
  tone?: "plain" | "danger";
  label?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className={`inline-flex min-h-11 items-center justify-center rounded-lg border px-3 text-sm font-medium ${tone === "danger" ? "border-red-300 text-red-800 active:bg-red-50" : "border-stone-300 text-stone-800 active:bg-stone-50"}`}
    >
      {children}
    </button>
  );
}
