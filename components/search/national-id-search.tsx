"use client";
// The search form: one field, the answer below it, focus moved to the answer. The ID is sent by
// POST (a server action), never put in the page's address.
import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { findHouseholdByNationalId } from "@/lib/actions/households/find-by-national-id";
import { initialActionState, type ActionResult } from "@/lib/actions/result";
import type { IdSearchHit } from "@/lib/data/national-id-search";

type State = ActionResult<{ hits: IdSearchHit[] }>;

export function NationalIdSearch() {
  const t = useTranslations("household.idSearch");
  const tr = useTranslations("registered");
  const [state, action, pending] = useActionState<State, FormData>(findHouseholdByNationalId, initialActionState as State);
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
        <div className="min-w-0 flex-1">
          <label htmlFor="nationalId" className="block text-sm font-medium text-stone-700">
            {t("label")}
          </label>
          <input
            id="nationalId"
            name="nationalId"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            className="mt-1 w-full max-w-sm rounded border border-stone-300 px-3 py-2 font-mono tracking-wide"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "nationalId-error" : "nationalId-hint"}
          />
          {fieldError ? (
            <p id="nationalId-error" className="mt-1 text-sm text-red-700" role="alert">
              {fieldError}
            </p>
          ) : (
            <p id="nationalId-hint" className="mt-1 text-xs text-stone-500">
              {t("hint")}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-red-700 px-4 py-2 text-white disabled:opacity-60">
          {pending ? t("searching") : t("submit")}
        </button>
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
                    {[h.townshipName, h.villageName].filter(Boolean).join(" · ")} · {tr(h.registeredStatus as never)}
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
