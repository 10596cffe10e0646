"use client";
// Printing cards: the codes are made when "generate" is pressed (a page view never issues or
// rotates a token), shown once and printed. Households that already have a card are skipped
// unless "reissue" is ticked: their old code cannot be shown again (only its hash is kept), so
// reprinting means a new code, and the old card stops working.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { issueCards, type IssueResult } from "@/lib/actions/card/issue-cards";
import type { ActionResult } from "@/lib/actions/result";
import { PrintableCard, type CardLabels } from "./printable-card";

interface Props {
  householdId?: string;
  villageId?: string;
  total: number;
  withCard: number;
}

export function PrintCards({ householdId, villageId, total, withCard }: Props) {
  const t = useTranslations("card");
  const [state, action, pending] = useActionState<ActionResult<IssueResult> | undefined, FormData>(issueCards, undefined);
  const single = Boolean(householdId);
  const labels: CardLabels = {
    title: t("printed.title"),
    head: t("printed.head"),
    number: t("printed.number"),
    scan: t("printed.scan"),
    cadre: t("printed.cadre"),
    noCadre: t("printed.noCadre"),
    hotline: t("printed.hotline"),
    keep: t("printed.keep"),
  };
  const cards = state?.ok ? (state.data?.cards ?? []) : [];
  const done = cards.length > 0;

  return (
    <div className="space-y-4">
      {done ? (
        <p
          role="status"
          className="no-print rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900"
          data-testid="issue-result"
        >
          {state?.message}
        </p>
      ) : (
        <form action={action} className="no-print space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          {householdId && <input type="hidden" name="householdId" value={householdId} />}
          {villageId && <input type="hidden" name="villageId" value={villageId} />}
          <p className="text-sm text-stone-700">
            {single
              ? withCard
                ? t("print.singleHasCard")
                : t("print.singleNew")
              : t("print.villageSummary", { total, withCard, without: total - withCard })}
          </p>
          {withCard > 0 && (
            <label className="flex items-start gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
              <input type="checkbox" name="reissue" className="mt-0.5 h-5 w-5" data-testid="reissue" />
              <span>
                <b>{t("print.reissue")}</b>
                <span className="block">{t("print.reissueWarning")}</span>
              </span>
            </label>
          )}
          <p className="text-xs text-stone-500">{t("print.onceOnly")}</p>
          <button
            type="submit"
            disabled={pending || total === 0}
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white disabled:opacity-50"
            data-testid="issue-cards"
          >
            {pending ? t("print.issuing") : t("print.issue")}
          </button>
          {state && (
            <p
              role={state.ok ? "status" : "alert"}
              className={state.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}
              data-testid="issue-result"
            >
              {state.message}
            </p>
          )}
        </form>
      )}

      {done && (
        <>
          <div className="no-print flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => window.print()}
              className="rounded-lg bg-emerald-700 px-4 py-2.5 font-semibold text-white"
              data-testid="print-now"
            >
              {t("print.printNow", { count: cards.length })}
            </button>
            <span className="text-sm text-stone-600">{t("print.paper")}</span>
          </div>
          <div className="jz-print-area">
            {cards.map((c) => (
              <PrintableCard key={c.householdId} card={c} labels={labels} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
