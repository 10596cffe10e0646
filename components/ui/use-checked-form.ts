"use client";
// The form kit's hook for a long form that checks on the device before sending (the phone's
// forms: the measure, the plan): the payload is parsed with the action's own schema here first,
// the form may add checks of its own, and every error — the device's or the server's — lands on
// its field and in the error summary, which takes the focus. docs/decisions/0037-one-form-kit.md
import { startTransition, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { formFields, issuesToErrors, type ErrorMap } from "./form";
import { schemaOf, useFormAction, type FormAction } from "./use-form-action";

export function useCheckedForm<S extends z.ZodType, T, P>(action: FormAction<T, P>, schema: S, idPrefix = "f-") {
  const tv = useTranslations("validation");
  const tAll = useTranslations();
  const [errors, setErrors] = useState<ErrorMap>({});
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = () => requestAnimationFrame(() => summary.current?.focus());
  const { state, dispatch, pending } = useFormAction(action, schemaOf<S>(), {
    onFailure: (r) => {
      if (!r.ok && r.fieldErrors) setErrors(r.fieldErrors);
      focusSummary();
    },
  });
  /** Check `payload` (and the form's own `more` checks, which add to the map); send it, or show the errors. */
  const submit = (payload: P, more?: (errors: ErrorMap) => void) => {
    const check = schema.safeParse(payload);
    const map: ErrorMap = check.success ? {} : issuesToErrors(check.error.issues, (k) => tv(k), tAll("errors.invalid"));
    more?.(map);
    if (Object.keys(map).length) {
      setErrors(map);
      focusSummary();
      return;
    }
    setErrors({});
    startTransition(() => dispatch(payload));
  };
  return { state, pending, errors, summary, submit, fields: formFields<S>(idPrefix, errors) };
}
