"use client";
// The page's status region (the form kit's flash, decision 0037): a form whose success refreshes
// the page (after: "refresh") may be gone once the page is read again — a proposal's form leaves
// the page when the proposal is made — and its own status line with it. A form with `flash: true`
// puts its success message here instead: one region per page, mounted by the app's layout above
// the page (a refresh re-reads the page, not the layout), role=status, focused as the message
// arrives. It holds the message until the user goes to another page.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";

export interface Flash {
  /** a new id for each message (the region focuses each) */
  id: number;
  message: string;
  /** the page it belongs to (shown there only) */
  path: string;
}

let current: Flash | null = null;
let seq = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};

/** Show a success message in the page's status region: on `path` (default: this page). */
export function showFlash(message: string, path?: string) {
  if (!message) return;
  current = { id: ++seq, message, path: path ?? window.location.pathname };
  emit();
}

export function clearFlash() {
  if (current === null) return;
  current = null;
  emit();
}

/** The message now shown, if any. */
export function useFlash(): Flash | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}

/** The page's status region: the last flashed message of this page, announced and focused. */
export function PageStatus({ className = "" }: { className?: string }) {
  const flash = useFlash();
  const pathname = usePathname();
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = flash && flash.path === pathname ? flash : null;
  // another page: the message was this page's
  useEffect(() => {
    if (flash && flash.path !== pathname) clearFlash();
  }, [flash, pathname]);
  // the form that answered may be gone: focus goes here (not to the page body)
  const id = shown?.id;
  useEffect(() => {
    if (id !== undefined) ref.current?.focus();
  }, [id]);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      data-testid="page-status"
      className={
        shown
          ? `no-print mb-3 scroll-mt-20 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 outline-none ring-1 ring-inset ring-emerald-300 ${className}`
          : "sr-only"
      }
    >
      {shown?.message}
    </p>
  );
}
