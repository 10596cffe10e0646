// The household's plan for the year (一户一策) on the household page: causes, expected income,
// the measures chosen and the steps with their progress. Server component.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import type { PlanView } from "@/lib/data/plan";
import { chinaDay } from "@/lib/domain/china-time";
import { formatQuantity as yuan } from "@/lib/domain/format";

export async function PlanCard({
  plan,
  year,
  householdId,
  canEdit,
}: {
  plan: PlanView | null;
  year: number;
  householdId: string;
  canEdit: boolean;
}) {
  const t = await getTranslations();
  const tp = await getTranslations("plan");
  const done = plan?.items.filter((i) => i.doneAt).length ?? 0;
  return (
    <Card title={`${tp("plan.title")} · ${year}`}>
      <div data-testid="household-plan" className="space-y-2 text-sm">
        {!plan ? (
          <EmptyState>{tp("plan.none")}</EmptyState>
        ) : (
          <>
            <p>
              <span className="text-stone-600">{tp("plan.causes")}：</span>
              {[plan.mainCause, ...plan.secondaryCauses]
                .filter((c): c is NonNullable<typeof c> => !!c)
                .map((c) => t(`causes.${c}`))
                .join("、") || "—"}
            </p>
            <p>
              <span className="text-stone-600">{tp("plan.expected")}：</span>
              <span className="tabular-nums">
                {yuan(plan.expectedIncome)} {t("common.yuan")}
              </span>
            </p>
            {plan.measures.length > 0 && (
              <ul className="list-disc pl-5">
                {plan.measures.map((m) => (
                  <li key={m.id}>
                    {tp(`kind.${m.kind}`)}：{m.description}
                    {m.loanStatus && ` (${tp(`loan.${m.loanStatus}`)})`}
                  </li>
                ))}
              </ul>
            )}
            {plan.items.length > 0 && (
              <>
                <p className="text-stone-600">{tp("plan.progress", { done, total: plan.items.length })}</p>
                <ul className="space-y-1">
                  {plan.items.map((i) => (
                    <li key={i.id} className="flex gap-2">
                      <span aria-hidden>{i.doneAt ? "✓" : "○"}</span>
                      <span className={i.doneAt ? "text-stone-500" : ""}>
                        {i.text}
                        <span className="sr-only">（{i.doneAt ? tp("plan.done") : tp("plan.notDone")}）</span>
                        {i.doneAt && (
                          <span className="ml-1 text-xs text-stone-500">{tp("plan.doneOn", { date: chinaDay(new Date(i.doneAt)) })}</span>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {plan.note && <p className="text-stone-700">{plan.note}</p>}
          </>
        )}
        {canEdit && (
          <Link href={`/households/${householdId}/plan`} className="no-print inline-flex min-h-11 items-center underline">
            {plan ? tp("plan.edit") : tp("plan.make")}
          </Link>
        )}
      </div>
    </Card>
  );
}
