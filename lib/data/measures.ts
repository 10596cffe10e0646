// The county's measures by type and its overdue microcredit (decision 0047): aggregates in SQL,
// the overdue list paginated on its index (countyId, loanStatus, overdueSince).
import "server-only";
import { readDb } from "@/lib/db/client";
import type { ReviewCountyId } from "@/lib/auth/scope";

/** Per kind: measures, distinct households, total amount (yuan). Kinds with no measure are absent. */
export async function measuresByKind(countyId: ReviewCountyId) {
  return readDb().$queryRaw<{ kind: string; category: string; measures: number; households: number; amount: string }[]>`
    SELECT kind::text AS kind, min(category::text) AS category, count(*)::int AS measures,
           count(DISTINCT "householdId")::int AS households, coalesce(sum(amount), 0)::text AS amount
    FROM assistance_measure
    WHERE "countyId" = ${countyId}
    GROUP BY kind ORDER BY 4 DESC, 1`;
}

/** The county's microcredit by status: loans and the amount lent. */
export async function loansByStatus(countyId: ReviewCountyId) {
  return readDb().$queryRaw<{ status: string; loans: number; amount: string }[]>`
    SELECT "loanStatus"::text AS status, count(*)::int AS loans, coalesce(sum(amount), 0)::text AS amount
    FROM assistance_measure
    WHERE "countyId" = ${countyId} AND kind = 'microcredit'
    GROUP BY 1 ORDER BY 1`;
}

/** Overdue loans, the longest overdue first, one page at a time. */
export async function overdueLoans(countyId: ReviewCountyId, page: number, pageSize = 20) {
  const where = { countyId, kind: "microcredit" as const, loanStatus: "overdue" as const };
  const [total, rows] = await Promise.all([
    readDb().assistanceMeasure.count({ where }),
    readDb().assistanceMeasure.findMany({
      where,
      orderBy: [{ overdueSince: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        amount: true,
        bank: true,
        startDate: true,
        endDate: true,
        overdueSince: true,
        household: { select: { id: true, number: true, headName: true, village: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      amount: Number(r.amount),
      bank: r.bank ?? "",
      issued: r.startDate.toISOString().slice(0, 10),
      due: r.endDate?.toISOString().slice(0, 10) ?? null,
      since: r.overdueSince!.toISOString().slice(0, 10),
      householdId: r.household.id,
      household: `${r.household.headName}（${r.household.number}）`,
      village: r.household.village.name,
    })),
  };
}
