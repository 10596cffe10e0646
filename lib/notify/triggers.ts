// What calls for a message today: each event and who must act on it. Set-based (one query per
// kind of event, bounded by the events of a day or two), never a scan of households.
//  - lead_due: an open help lead due today or on the next working day (by the work calendar):
//    the household's current cadre, or the village's cadres when no household is known (the
//    county's officials when the village has none);
//  - notice_ending: a first or second public notice whose last day is today or tomorrow: the
//    village's facilitators and the officials over the village (county and township), who take
//    the next step once it has ended;
//  - evaluation_released: an evaluation released to its county within the last week: the
//    county's officials.
// A message names a place, a date and what to do — never a person, a category of need, or any
// text someone typed: a group chat or an SMS gateway sees it (issue #23, point 9).
import "server-only";
import type { Db } from "@/lib/db/client";
import { addDays, addWorkingDays } from "@/lib/domain/working-days";
import { loadWorkCalendar } from "@/lib/data/calendar";

export type NotifyKind = "lead_due" | "notice_ending" | "evaluation_released";

export interface Recipient {
  id: string;
  phone: string | null;
  locale: string;
}

export interface NotifyEvent {
  /** unique per event: "lead_due:<leadId>" */
  key: string;
  kind: NotifyKind;
  countyId: string;
  /** what the text says: place names and dates only */
  params: Record<string, string>;
  recipients: Recipient[];
}

const DAY = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface UserRow {
  id: string;
  role: string;
  regionId: string;
  phone: string | null;
  locale: string;
}

async function activeUsersUnder(db: Db, regionIds: string[]): Promise<UserRow[]> {
  if (regionIds.length === 0) return [];
  // everyone whose scope contains one of these regions, or lies in it (a cadre of a village)
  const prefixes = [...new Set(regionIds.flatMap((id) => [2, 4, 6, 9, 12].filter((n) => n <= id.length).map((n) => id.slice(0, n))))];
  return db.user.findMany({
    where: { disabled: false, OR: [{ regionId: { in: prefixes } }] },
    select: { id: true, role: true, regionId: true, phone: true, locale: true },
  });
}

const asRecipient = (u: UserRow): Recipient => ({ id: u.id, phone: u.phone, locale: u.locale });
const officialsOver = (users: UserRow[], regionId: string) =>
  users.filter((u) => u.role === "county_official" && regionId.startsWith(u.regionId));

export async function dueEvents(db: Db, today: string, now: Date): Promise<NotifyEvent[]> {
  const cal = await loadWorkCalendar(db, today);
  const nextWorking = addWorkingDays(today, 1, cal);
  const [leads, notices, evaluations] = await Promise.all([
    db.helpRequest.findMany({
      where: { state: "open", deadline: { gte: DAY(today), lte: DAY(nextWorking) } },
      select: { id: true, villageId: true, countyId: true, householdId: true, deadline: true },
      orderBy: { deadline: "asc" },
      take: 5000,
    }),
    db.notice.findMany({
      where: { kind: { in: ["first", "second"] }, endDate: { gte: DAY(today), lte: DAY(addDays(today, 1)) } },
      select: { id: true, villageId: true, countyId: true, kind: true, startDate: true, endDate: true },
      take: 5000,
    }),
    db.evaluation.findMany({
      where: { state: { in: ["drawn", "closed"] }, releaseAt: { not: null, lte: now, gte: new Date(now.getTime() - 7 * 86_400_000) } },
      select: { id: true, countyId: true },
      take: 1000,
    }),
  ]);
  const villageIds = [...new Set([...leads.map((l) => l.villageId), ...notices.map((n) => n.villageId)])];
  const countyIds = [
    ...new Set([...leads.map((l) => l.countyId), ...notices.map((n) => n.countyId), ...evaluations.map((e) => e.countyId)]),
  ];
  const householdIds = [...new Set(leads.map((l) => l.householdId).filter((x): x is string => !!x))];
  const [regions, users, assignments] = await Promise.all([
    db.region.findMany({ where: { id: { in: [...villageIds, ...countyIds] } }, select: { id: true, name: true } }),
    activeUsersUnder(db, [...villageIds, ...countyIds]),
    householdIds.length
      ? db.cadreAssignment.findMany({
          where: { householdId: { in: householdIds }, validTo: null },
          select: { householdId: true, cadreId: true },
        })
      : Promise.resolve([]),
  ]);
  const name = new Map(regions.map((r) => [r.id, r.name]));
  const byId = new Map(users.map((u) => [u.id, u]));
  const cadreOf = new Map(assignments.map((a) => [a.householdId, a.cadreId]));
  const out: NotifyEvent[] = [];

  for (const l of leads) {
    const cadre = l.householdId ? byId.get(cadreOf.get(l.householdId) ?? "") : undefined;
    let who = cadre && cadre.role === "cadre" ? [cadre] : users.filter((u) => u.role === "cadre" && u.regionId === l.villageId);
    if (who.length === 0) who = officialsOver(users, l.countyId).filter((u) => u.regionId.length === 6);
    out.push({
      key: `lead_due:${l.id}`,
      kind: "lead_due",
      countyId: l.countyId,
      params: { village: name.get(l.villageId) ?? l.villageId, date: l.deadline.toISOString().slice(0, 10) },
      recipients: who.map(asRecipient),
    });
  }
  for (const n of notices) {
    const who = [...users.filter((u) => u.role === "facilitator" && u.regionId === n.villageId), ...officialsOver(users, n.villageId)];
    out.push({
      key: `notice_ending:${n.id}`,
      kind: "notice_ending",
      countyId: n.countyId,
      params: {
        village: name.get(n.villageId) ?? n.villageId,
        which: n.kind,
        start: n.startDate.toISOString().slice(0, 10),
        end: n.endDate.toISOString().slice(0, 10),
      },
      recipients: who.map(asRecipient),
    });
  }
  for (const e of evaluations) {
    out.push({
      key: `evaluation_released:${e.id}`,
      kind: "evaluation_released",
      countyId: e.countyId,
      params: { county: name.get(e.countyId) ?? e.countyId },
      recipients: officialsOver(users, e.countyId).map(asRecipient),
    });
  }
  return out;
}
