"use client";
// Printing cards: the codes are made when "generate" is pressed (a page view never issues or
// rotates a token), shown once and printed. Households that already have a card are skipped
// unless "reissue" is ticked: their old code cannot be shown again (only its hash is kept), so
// reprinting means a new code, and the old card stops working.
import { useTranslations } from "next-intl";
import { issueCards } from "@/lib/actions/card/issue-cards";
import type { issueCardsSchema } from "@/lib/validation/help";
import { Button, CheckField, StatusLine, SubmitButton } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { PrintableCard, type CardLabels } from "./printable-card";

interface Props {
  householdId?: string;
  villageId?: string;
  total: number;
  withCard: number;
}

export function PrintCards({ householdId, villageId, total, withCard }: Props) {
  const t = useTranslations("card");
  const { state, dispatch: action, pending, fields } = useFormAction(issueCards, schemaOf<typeof issueCardsSchema>());
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
  const cards = state.ok ? (state.data?.cards ?? []) : [];
  const done = cards.length > 0;

  return (
    <div className="space-y-4">
      {done ? (
        <p
          role="status"
          className="no-print rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900"
          data-testid="issue-result"
        >
          {state.message}
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
            <CheckField
              form={fields}
              name="reissue"
              label={<b>{t("print.reissue")}</b>}
              hint={t("print.reissueWarning")}
              className="rounded-lg bg-amber-50 p-3 text-amber-900"
              data-testid="reissue"
            />
          )}
          <p className="text-xs text-stone-500">{t("print.onceOnly")}</p>
          <SubmitButton pending={pending} pendingLabel={t("print.issuing")} size="lg" disabled={total === 0} testId="issue-cards">
            {t("print.issue")}
          </SubmitButton>
          <StatusLine state={state} testId={state.message ? "issue-result" : undefined} />
        </form>
      )}

      {done && (
        <>
          <div className="no-print flex flex-wrap items-center gap-3">
            <Button tone="green" size="lg" onClick={() => window.print()} data-testid="print-now">
              {t("print.printNow", { count: cards.length })}
            </Button>
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
