"use client";
// A part of a page whose code is not in the page's first load (issue #20 point 5): fetched once
// the page is idle after hydrating, or as soon as it is on the page (`at: "mount"`), so it is
// there, and kept by the service worker, before the cadre loses the signal; or at once when the
// cadre reaches for it first. Until then the page shows a placeholder of the same size (no layout
// jump). A fetch that fails (no signal, nothing kept) is tried again when the network returns or
// the cadre reaches for it; nothing else on the page is affected. Not for a part the cadre needs
// on a page first opened without a signal: the service worker's precache keeps only the chunks a
// page's HTML names (decision 0061).
import { useCallback, useEffect, useState } from "react";

/** Runs `fn` when the browser is idle (at the latest after `timeout` ms); returns the cancel. */
function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 500);
  return () => clearTimeout(id);
}

export interface IdleModule<T> {
  /** starts the fetch now (e.g. on the first tap on the placeholder); the same promise after */
  load(): Promise<T>;
  /** the module once fetched (null until then), whether the last fetch failed, and `load` for the placeholder */
  useModule(): { mod: T | null; failed: boolean; load: () => void };
}

/** `at: "mount"`: fetched as soon as the part is on the page (after hydration), not when idle. */
export function idleModule<T>(fetchModule: () => Promise<T>, { at = "idle" }: { at?: "idle" | "mount" } = {}): IdleModule<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const load = () =>
    (pending ??= fetchModule().then(
      (v) => (value = v),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));
  function useModule() {
    // null while hydrating (the server rendered the placeholder); a later page gets it at once
    const [mod, setMod] = useState<T | null>(value);
    const [failed, setFailed] = useState(false);
    const start = useCallback(() => {
      setFailed(false);
      load().then(
        (m) => setMod(() => m),
        () => setFailed(true),
      );
    }, []);
    useEffect(() => {
      if (mod) return;
      const cancel = at === "mount" ? (start(), () => {}) : whenIdle(start);
      window.addEventListener("online", start);
      return () => {
        cancel();
        window.removeEventListener("online", start);
      };
    }, [mod, start]);
    return { mod, failed, load: start };
  }
  return { load, useModule };
}
