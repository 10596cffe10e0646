"use client";
import { useFocusResult } from "@/components/ui/use-focus-result";
// Pieces the procedure's forms share: an action hook that refreshes the page (or moves on) after
// success, a labelled field with its errors wired for screen readers, the status line, buttons,
// and the device-made ids that make a retried submission store once.
import { useActionState, useEffect, useId, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { initialActionState } from "@/lib/actions/result";

type Action<T> = (prev: ActionResult<T> | undefined, input: FormData) => Promise<ActionResult<T>>;

/** crypto.randomUUID needs a secure context; a phone on the LAN over http has only getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * useActionState, then on success: router.refresh() (the server components re-read), or a move
 * to `next(data)` when given.
 */
export function useProcedureAction<T>(
  action: Action<T>,
  opts: { next?: (data: T | undefined) => string | null; onSuccess?: (data: T | undefined) => void } = {},
) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(
    action as (prev: ActionResult<T>, input: FormData) => Promise<ActionResult<T>>,
    initialActionState as ActionResult<T>,
  );
  const handled = useRef<ActionResult<T> | null>(null);
  const { next, onSuccess } = opts;
  useEffect(() => {
    if (state === handled.current || state === initialActionState || !state.ok) return;
    handled.current = state;
    onSuccess?.(state.data);
    const href = next?.(state.data);
    if (href) router.push(href);
    else router.refresh();
  }, [state, next, onSuccess, router]);
  return { state, formAction, pending };
}

export function errorsOf(state: ActionResult<unknown>, name: string): string[] | undefined {
  return state.ok ? undefined : state.fieldErrors?.[name];
}

const control =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** A label, the control (given id, aria-invalid, aria-describedby and classes), a hint and errors. */
export function Field({
  label,
  errors,
  hint,
  required,
  className = "",
  children,
}: {
  label: React.ReactNode;
  errors?: string[];
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        )}
      </label>
      {children({
        id,
        "aria-invalid": Boolean(errorId),
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        className: control,
      })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

/** The result's message, announced politely; always in the DOM so it is announced. */
export function Status({ state, className = "" }: { state: ActionResult<unknown>; className?: string }) {
  const ref = useFocusResult<HTMLParagraphElement>(state, Boolean(state.message));
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      className={
        state.message
          ? `rounded px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"} ${className}`
          : "sr-only"
      }
    >
      {state.message}
    </p>
  );
}

const TONES = {
  brand: "bg-brand-700 text-white hover:bg-brand-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  plain: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-50",
  green: "bg-emerald-700 text-white hover:bg-emerald-800",
};

export function Submit({
  pending,
  children,
  tone = "brand",
  className = "",
  name,
  value,
  label,
}: {
  pending: boolean;
  children: React.ReactNode;
  tone?: keyof typeof TONES;
  className?: string;
  name?: string;
  value?: string;
  label?: string;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      aria-label={label}
      className={`min-h-11 rounded-lg px-4 py-2 text-sm font-semibold disabled:opacity-60 ${TONES[tone]} ${className}`}
    >
      {children}
    </button>
  );
}
