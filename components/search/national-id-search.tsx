"use client";
// The search form: one field, the answer below it, focus moved to the answer. The ID is sent by
// POST (a server action), never put in the page's address.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { findHouseholdByNationalId } from "@/lib/actions/households/find-by-national-id";
import type { nationalIdSearchSchema } from "@/lib/validation/search";
import { SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

export function NationalIdSearch() {
  const t = useTranslations("household.idSearch");
  const tr = useTranslations("registered");
  // element ids without a prefix: the one form of its page ("nationalId", "nationalId-error")
  const {
    state,
    dispatch: action,
    pending,
    fields,
  } = useFormAction(findHouseholdByNationalId, schemaOf<typeof nationalIdSearchSchema>(), {
    idPrefix: "",
  });
  const answer = useRef<HTMLDivElement>(null);
  // kept after sending (a form action resets its fields): a mistyped ID is corrected, not retyped
  const [typed, setTyped] = useState("");
  const fieldError = !state.ok ? state.fieldErrors?.nationalId?.[0] : undefined;
  const hits = state.ok ? state.data?.hits : undefined;

  useEffect(() => {
    if (hits || (!state.ok && !fieldError)) answer.current?.focus();
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
        <TextField
          form={fields}
          name="nationalId"
          label={t("label")}
          hint={fieldError ? undefined : t("hint")}
          className="min-w-0 max-w-sm flex-1"
          inputMode="text"
          spellCheck={false}
          maxLength={40}
          value={typed}
          onChange={setTyped}
        />
        <SubmitButton pending={pending} pendingLabel={t("searching")} tone="danger">
          {t("submit")}
        </SubmitButton>
      </form>

      <div ref={answer} tabIndex={-1} aria-live="polite" className="outline-none" data-testid="id-search-answer">
        {!state.ok && !fieldError && <p className="text-sm text-red-700">{state.message}</p>}
        {hits && hits.length === 0 && <p className="text-stone-600">{t("none")}</p>}
        {hits && hits.length > 0 && (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {hits.map((h) => (
              <li
                key={`${h.householdId}-${h.member.maskedId}-${h.member.active}`}
                className="flex flex-wrap items-center justify-between gap-2 p-3"
                data-testid="id-search-hit"
              >
                <div>
                  <Link href={`/households/${h.householdId}`} className="font-medium text-red-800 hover:underline">
                    {t("household", { head: h.headName, number: h.number })}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {[h.townshipName, h.villageName].filter(Boolean).join(" · ")} · {tr(h.registeredStatus)}
                  </p>
                </div>
                <p className="text-sm">
                  {h.member.name} <span className="font-mono text-stone-500">{h.member.maskedId}</span>{" "}
                  <span className={h.member.active ? "text-green-800" : "text-stone-500"}>
                    {h.member.active ? t("current") : t("former")}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
