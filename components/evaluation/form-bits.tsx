"use client";
import { useFocusResult } from "@/components/ui/use-focus-result";
// Small shared pieces of the evaluation forms: a status line, a field's error, the error summary.
// Touch targets of at least 44 px; errors linked to their fields with aria-describedby.

export const fid = (path: string) => `ev-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function StatusLine({ ok, message, testId }: { ok: boolean; message?: string; testId?: string }) {
  const ref = useFocusResult<HTMLParagraphElement>(message, Boolean(message));
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      data-testid={testId}
      className={
        message ? `mt-2 rounded-lg px-3 py-2 text-sm ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}` : "sr-only"
      }
    >
      {message}
    </p>
  );
}

export function FieldError({ path, errors }: { path: string; errors?: Record<string, string[]> }) {
  const list = errors?.[path];
  return list?.length ? (
    <p id={`${fid(path)}-error`} className="mt-1 text-sm font-medium text-red-700">
      {list.join(" ")}
    </p>
  ) : null;
}

/** aria props for a control whose errors sit under `path`. */
export function errorProps(path: string, errors?: Record<string, string[]>, hintId?: string) {
  const has = Boolean(errors?.[path]?.length);
  const ids = [hintId, has ? `${fid(path)}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": has, "aria-describedby": ids || undefined };
}

/** Every field error at once, each a link to its field. */
export function ErrorSummary({ title, errors }: { title: string; errors?: Record<string, string[]> }) {
  const entries = Object.entries(errors ?? {});
  if (!entries.length) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="error-summary">
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {entries.map(([path, list]) => (
          <li key={path}>
            {path === "_form" ? (
              list.join(" ")
            ) : (
              <a className="underline" href={`#${fid(path)}`}>
                {list.join(" ")}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";
export const primaryButton = "min-h-12 rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButton =
  "min-h-11 rounded-lg border border-stone-400 bg-white px-4 font-medium hover:bg-stone-50 disabled:opacity-60";
