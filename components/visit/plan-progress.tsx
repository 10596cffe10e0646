"use client";
// The household's plan (一户一策) on the visit form: its steps not yet done, each a checkbox; the
// ones ticked travel with the visit (planProgress) through the same outbox, stored once with it.
import { useTranslations } from "next-intl";
import { CheckRow } from "@/components/ui/form";
import { formatQuantity } from "@/lib/domain/format";

export interface VisitPlan {
  year: number;
  expectedIncome: number;
  measures: string[];
  items: { id: string; text: string }[];
  done: number;
}

export function PlanProgress({ plan, marked, setMarked }: { plan: VisitPlan; marked: string[]; setMarked: (ids: string[]) => void }) {
  const t = useTranslations("plan.plan");
  const total = plan.items.length + plan.done;
  return (
    <div className="space-y-2 text-sm" data-testid="visit-plan">
      <p className="text-stone-700">
        {t("expected")}：{formatQuantity(plan.expectedIncome)} · {t("progress", { done: plan.done, total })}
      </p>
      {plan.measures.length > 0 && <p className="text-stone-600">{plan.measures.join("；")}</p>}
      {plan.items.length > 0 && <p className="text-stone-600">{t("visitHint")}</p>}
      {plan.items.map((i) => (
        <CheckRow
          key={i.id}
          id={`plan-${i.id}`}
          name="planProgress"
          label={i.text}
          checked={marked.includes(i.id)}
          onChange={(on) => setMarked(on ? [...marked, i.id] : marked.filter((x) => x !== i.id))}
        />
      ))}
    </div>
  );
}
