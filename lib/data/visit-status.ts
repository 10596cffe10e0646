// Whether this month's visit is done, due or overdue, from the last visit date.
// done: visited this calendar month; due: visited last month (not yet this month);
// overdue: not visited this month or last month (or never).
export type VisitDue = "done" | "due" | "overdue";

export function visitDue(lastVisit: Date | string | null, todayIso: string): VisitDue {
  if (!lastVisit) return "overdue";
  const last = typeof lastVisit === "string" ? lastVisit.slice(0, 10) : lastVisit.toISOString().slice(0, 10);
  const thisMonth = todayIso.slice(0, 7);
  if (last.slice(0, 7) >= thisMonth) return "done";
  const [y, m] = todayIso.split("-").map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return last.slice(0, 7) >= prev ? "due" : "overdue";
}
