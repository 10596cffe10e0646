// Whether this month's visit is done, due or overdue, from the last visit date.
// done: visited this calendar month; due: visited last month (not yet this month), or never
// visited but on the register only since last month or this month (a household registered today
// is due, not overdue); overdue: not visited this month or last month, and on the register before.
export type VisitDue = "done" | "due" | "overdue";

const isoDay = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function visitDue(lastVisit: Date | string | null, todayIso: string, since?: Date | string | null): VisitDue {
  const [y, m] = todayIso.split("-").map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  if (!lastVisit) return since && isoDay(since).slice(0, 7) >= prev ? "due" : "overdue";
  const last = isoDay(lastVisit);
  if (last.slice(0, 7) >= todayIso.slice(0, 7)) return "done";
  return last.slice(0, 7) >= prev ? "due" : "overdue";
}
