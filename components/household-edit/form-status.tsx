"use client";
// The error summary of the household-edit forms: focused when it appears, each error linked to
// its field; plus the submit bar (big touch target, phone first).
import { forwardRef } from "react";
import { useFocusOnMount } from "@/components/ui/use-focus-result";
import { fieldId } from "@/components/visit/form-parts";
import { validationKey, type KeyUnder } from "@/i18n/keys";

export type ErrorMap = Record<string, string[]>;

/** Zod issues (client-side check) → error map, messages "validation.…" translated. */
export function issuesToMap(
  issues: { path: PropertyKey[]; message: string }[],
  tv: (k: KeyUnder<"validation">) => string,
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

export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { title: string; message?: string | null; errors: ErrorMap; labelOf: (k: string) => string }
>(function ErrorSummary({ title, message, errors, labelOf }, ref) {
  const list = Object.entries(errors);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="space-y-2 outline-none" data-testid="form-errors">
      {message && <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{message}</p>}
      {list.length > 0 && (
        <div className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-semibold">{title}</p>
          <ul className="mt-1 list-disc pl-5">
            {list.map(([k, msgs]) => (
              <li key={k}>
                <a className="underline" href={`#${fieldId(k)}`}>
                  {labelOf(k)}
                </a>
                ：{msgs.join(" ")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});

export function SubmitBar({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <div className="sticky bottom-0 -mx-3 border-t border-stone-200 bg-stone-50/95 px-3 py-3 backdrop-blur">
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-4 text-base font-semibold text-white disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}

export function Done({ message, links }: { message: string; links: { href: string; label: string; primary?: boolean }[] }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="space-y-4 rounded-xl border border-green-300 bg-green-50 p-4 outline-none"
      data-testid="saved"
    >
      <p className="text-base font-medium text-green-900">{message}</p>
      <div className="flex flex-col gap-2">
        {links.map((l) => (
          <a
            key={l.href + l.label}
            href={l.href}
            className={`flex min-h-11 items-center justify-center rounded-lg px-4 text-base font-semibold ${l.primary ? "bg-brand-700 text-white" : "border border-stone-300 bg-white text-stone-800"}`}
          >
            {l.label}
          </a>
        ))}
      </div>
    </div>
  );
}
