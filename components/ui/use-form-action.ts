"use client";
// The action hook of the form kit: React's useActionState over a server action that answers
// with the one ActionResult shape, plus what every form did by hand — the fields' errors by
// schema path, and what happens after a success (a callback, the page's server components
// read again, or a move to another page). docs/decisions/0037-one-form-kit.md
import { useActionState, useCallback, useId, useState } from "react";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { initialActionState, type ActionResult } from "@/lib/actions/result";
import type { FormFields } from "./form";
import { showFlash } from "./flash";

/** Names the schema that types a form's field names, without bringing it into the bundle: `schemaOf<typeof mySchema>()`. */
export interface SchemaToken<S extends z.ZodType> {
  readonly schema?: S;
}
export function schemaOf<S extends z.ZodType>(): SchemaToken<S> {
  return {};
}

export type FormAction<T, P = FormData> = (prev: ActionResult<T> | undefined, input: P) => Promise<ActionResult<T>>;

export interface FormActionOptions<T> {
  /** element id prefix of the fields (default: one per form, so two forms on a page never share an id) */
  idPrefix?: string;
  /** after a success, before the page is refreshed or left */
  onSuccess?: (data: T | undefined, result: ActionResult<T>) => void;
  /** after a refusal (the form may move focus to its error summary) */
  onFailure?: (result: ActionResult<T>) => void;
  /** after a success: re-read the page's server components (router.refresh), or go where this says */
  after?: "refresh" | ((data: T | undefined) => string | null) | null;
  /**
   * the success message goes to the page's status region (components/ui/flash.tsx), which outlives
   * the refresh, instead of the form's status line: for a form the refreshed page no longer shows
   * (a step taken, a proposal made). Refusals stay on the form.
   */
  flash?: boolean;
}

export interface FormActionApi<S extends z.ZodType, T, P> {
  state: ActionResult<T>;
  /** for <form action={…}> (FormData) or startTransition(() => dispatch(payload)) */
  dispatch: (input: P) => void;
  pending: boolean;
  fields: FormFields<S>;
}

export function useFormAction<S extends z.ZodType, T, P = FormData>(
  action: FormAction<T, P>,
  _schema: SchemaToken<S>,
  options: FormActionOptions<T> = {},
): FormActionApi<S, T, P> {
  const router = useRouter();
  const autoId = useId();
  const { onSuccess, onFailure, after = null, idPrefix, flash = false } = options;
  // useActionState runs the action of the latest render, so these callbacks are always current;
  // they run as the action settles (inside its transition), not in an effect afterwards
  const [state, dispatch, pending] = useActionState<ActionResult<T>, P>(async (prev, input) => {
    const result = await action(prev, input);
    if (result.ok) {
      onSuccess?.(result.data, result);
      const href = typeof after === "function" ? after(result.data) : null;
      if (flash && result.message) showFlash(result.message, href ? new URL(href, window.location.href).pathname : undefined);
      if (href) router.push(href);
      else if (after) router.refresh();
      // flashed: the form's own status line stays quiet (one message, one focus)
      if (flash && result.message) return { ...result, message: undefined };
    } else onFailure?.(result);
    return result;
  }, initialActionState as ActionResult<T>);
  const fields: FormFields<S> = {
    idPrefix: idPrefix ?? `${autoId.replace(/[^A-Za-z0-9_-]/g, "")}-`,
    errors: state.ok ? undefined : state.fieldErrors,
  };
  return { state, dispatch, pending, fields };
}

/** Controlled values for a form: they survive React's reset of the form after its action runs. */
export function useFormValues<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const set = useCallback((name: keyof V, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const reset = useCallback(() => setValues(initial), [initial]);
  return { values, set, reset };
}
