"use client";
// After a save, focus goes to what it says (not to the page body, where the re-rendered form
// left it): the result element takes focus each time a new result with a message arrives.
import { useEffect, useRef } from "react";

export function useFocusResult<T extends HTMLElement>(result: unknown, hasMessage: boolean) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (hasMessage) ref.current?.focus();
  }, [result, hasMessage]);
  return ref;
}

/** For a result that mounts when the save is done: focused as it appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
