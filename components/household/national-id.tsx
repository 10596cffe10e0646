"use client";
// A member's national ID as the page shows it: masked (522228********123X); "显示" asks the
// server for the full number, which records the view (lib/data/national-id-reveal.ts).
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { revealNationalId } from "@/lib/actions/households/reveal-national-id";

export function NationalId({
  masked,
  householdId,
  memberId,
  name,
  canReveal,
}: {
  masked: string | null;
  householdId: string;
  memberId: string;
  name: string;
  canReveal: boolean;
}) {
  const t = useTranslations("household");
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!masked) return <span>—</span>;
  const show = () =>
    start(async () => {
      const r = await revealNationalId(undefined, { householdId, memberId });
      if (r.ok) setFull(r.data?.nationalId ?? null);
      else setError(t("revealFailed", { message: r.message }));
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-0.5">
      <span className="font-mono text-xs tabular-nums" data-testid="national-id" aria-live="polite">
        {full ?? masked}
      </span>
      {canReveal && full === null && (
        <button
          type="button"
          onClick={show}
          disabled={pending}
          aria-label={t("revealFor", { name })}
          className="min-h-8 rounded border border-stone-300 px-2 text-xs text-brand-800 disabled:opacity-60"
          data-testid="reveal-id"
        >
          {t("reveal")}
        </button>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
