// A household's plan for a year (一户一策), read for the household page, the plan form, the visit
// form and the card. The caller has already found the household within the viewer's scope (or
// holds the card's token): this reads by the household's id.
import "server-only";
import { db } from "@/lib/db/client";

export async function planOf(householdId: string, year: number) {
  const p = await db().householdPlan.findUnique({
    where: { householdId_year: { householdId, year } },
    select: {
      id: true,
      year: true,
      mainCause: true,
      secondaryCauses: true,
      expectedIncome: true,
      note: true,
      version: true,
      measures: { select: { measure: { select: { id: true, kind: true, description: true, amount: true, loanStatus: true } } } },
      items: { orderBy: { position: "asc" }, select: { id: true, text: true, doneAt: true } },
    },
  });
  if (!p) return null;
  return {
    ...p,
    expectedIncome: Number(p.expectedIncome),
    measures: p.measures.map((m) => ({ ...m.measure, amount: Number(m.measure.amount) })),
    items: p.items.map((i) => ({ id: i.id, text: i.text, doneAt: i.doneAt?.toISOString() ?? null })),
  };
}
export type PlanView = NonNullable<Awaited<ReturnType<typeof planOf>>>;
