// The work calendar (holidays and make-up working days, 调休) as data: read for every deadline
// counted in working days, edited by an admin (管理 → 节假日), every change audited. The counting
// itself is pure (lib/domain/working-days.ts); this only loads and stores the rows.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { audit, type Actor } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { uncoveredYears, workCalendar, type CalendarDayKind, type WorkCalendar } from "@/lib/domain/working-days";
import { CHINESE_DAYS_SOURCE, chineseDaysFor, chineseDaysYears } from "@/lib/calendar/chinese-days";
import { messageKey } from "@/i18n/keys";

type Client = Db | Tx;
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const dateOnly = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The years whose schedule is loaded. */
export async function loadedYears(client: Client = db()): Promise<Set<number>> {
  const rows = await client.calendarYear.findMany({ select: { year: true } });
  return new Set(rows.map((r) => r.year));
}

/**
 * The calendar for counting from `from` on (only the days after it matter to a deadline; a
 * calendar holds a few dozen rows a year). Without `from`: all of it.
 */
export async function loadWorkCalendar(client: Client, from?: string): Promise<WorkCalendar> {
  // one after the other: inside a transaction (a help report's) the client is one connection
  const years = await loadedYears(client);
  const days = await client.calendarDay.findMany({
    where: from ? { date: { gte: dateOnly(from) } } : {},
    select: { date: true, kind: true },
    orderBy: { date: "asc" },
  });
  return workCalendar({ years: [...years], days: days.map((d) => ({ date: isoDay(d.date), kind: d.kind })) });
}

/**
 * For a page listing deadlines: the years of a deadline counted from `from` to `due` that had
 * no calendar (empty: counted by the published schedule). Pure given the loaded years.
 */
export function deadlineFlag(from: string, due: string, years: ReadonlySet<number>): number[] {
  return uncoveredYears(from, due, { years });
}

// ───────────────────────── the admin page ─────────────────────────

export interface CalendarYearStatus {
  year: number;
  loaded: boolean;
  source: string | null;
  loadedAt: string | null;
  loadedBy: string | null;
  holidays: number;
  workdays: number;
  /** the bundled chinese-days data has this year */
  inPackage: boolean;
}

export interface CalendarYearView extends CalendarYearStatus {
  days: { date: string; kind: CalendarDayKind; name: string; updatedAt: string }[];
}

/** The years around today (two back, one ahead) and every year with rows or a load, newest first. */
export async function calendarOverview(currentYear: number, client: Client = db()): Promise<CalendarYearStatus[]> {
  const [loaded, counts] = await Promise.all([
    client.calendarYear.findMany({ select: { year: true, source: true, loadedAt: true, loadedById: true } }),
    client.$queryRawUnsafe<{ year: number; holidays: number; workdays: number }[]>(
      `SELECT extract(year FROM "date")::int AS year,
              count(*) FILTER (WHERE kind = 'holiday')::int AS holidays,
              count(*) FILTER (WHERE kind = 'workday')::int AS workdays
         FROM calendar_day GROUP BY 1`,
    ),
  ]);
  const packageYears = new Set(chineseDaysYears());
  const years = new Set<number>([
    currentYear - 2,
    currentYear - 1,
    currentYear,
    currentYear + 1,
    ...loaded.map((l) => l.year),
    ...counts.map((c) => c.year),
  ]);
  const users = await userNames(
    client,
    loaded.map((l) => l.loadedById),
  );
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const l = loaded.find((x) => x.year === year);
      const c = counts.find((x) => x.year === year);
      return {
        year,
        loaded: !!l,
        source: l?.source ?? null,
        loadedAt: l ? l.loadedAt.toISOString() : null,
        loadedBy: l?.loadedById ? (users.get(l.loadedById) ?? null) : null,
        holidays: c?.holidays ?? 0,
        workdays: c?.workdays ?? 0,
        inPackage: packageYears.has(year),
      };
    });
}

async function userNames(client: Client, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function calendarYearView(year: number, currentYear: number, client: Client = db()): Promise<CalendarYearView> {
  const overview = await calendarOverview(currentYear, client);
  const status = overview.find((s) => s.year === year) ?? {
    year,
    loaded: false,
    source: null,
    loadedAt: null,
    loadedBy: null,
    holidays: 0,
    workdays: 0,
    inPackage: chineseDaysYears().includes(year),
  };
  const days = await client.calendarDay.findMany({
    where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, name: true, updatedAt: true },
  });
  return { ...status, days: days.map((d) => ({ date: isoDay(d.date), kind: d.kind, name: d.name, updatedAt: d.updatedAt.toISOString() })) };
}

// ───────────────────────── changes (each audited, in one transaction) ─────────────────────────

const ENTITY = "calendar";

/** Sets one day (a holiday, or a weekend day worked). Returns false when nothing changed. */
export async function setCalendarDay(
  client: Db,
  actor: Actor,
  input: { date: string; kind: CalendarDayKind; name: string },
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: dateOnly(input.date) }, select: { kind: true, name: true } });
    if (before && before.kind === input.kind && before.name === input.name) return false;
    await tx.calendarDay.upsert({
      where: { date: dateOnly(input.date) },
      create: { date: dateOnly(input.date), kind: input.kind, name: input.name, updatedById: actor.id },
      update: { kind: input.kind, name: input.name, updatedById: actor.id, updatedAt: new Date() },
    });
    await audit(tx, actor, {
      action: "calendar.day.set",
      entity: ENTITY,
      entityId: input.date,
      before: before ?? null,
      after: { kind: input.kind, name: input.name },
    });
    return true;
  });
}

export async function removeCalendarDay(client: Db, actor: Actor, date: string): Promise<void> {
  await client.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: dateOnly(date) }, select: { kind: true, name: true } });
    if (!before) throw new AppError("not_found");
    await tx.calendarDay.delete({ where: { date: dateOnly(date) } });
    await audit(tx, actor, { action: "calendar.day.remove", entity: ENTITY, entityId: date, before, after: null });
  });
}

/**
 * Marks a year's schedule as loaded (its days entered by hand from the published notice), or
 * loads it from the bundled chinese-days data: the package's days replace the year's rows.
 */
export async function publishCalendarYear(
  client: Db,
  actor: Actor,
  input: { year: number; source: string } | { year: number; fromPackage: true },
): Promise<{ days: number }> {
  const year = input.year;
  const fromPackage = "fromPackage" in input;
  const packageDays = fromPackage ? chineseDaysFor(year) : [];
  if (fromPackage && packageDays.length === 0)
    throw new AppError("invalid", messageKey("admin.calendar.notInPackage"), {
      fieldErrors: { year: [messageKey("admin.calendar.notInPackage")] },
    });
  const source = fromPackage ? CHINESE_DAYS_SOURCE : input.source;
  return client.$transaction(async (tx) => {
    const range = { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) };
    const before = await tx.calendarYear.findUnique({ where: { year }, select: { source: true } });
    const beforeDays = await tx.calendarDay.count({ where: { date: range } });
    if (fromPackage) {
      await tx.calendarDay.deleteMany({ where: { date: range } });
      await tx.calendarDay.createMany({
        data: packageDays.map((d) => ({ date: dateOnly(d.date), kind: d.kind, name: d.name, updatedById: actor.id })),
      });
    }
    await tx.calendarYear.upsert({
      where: { year },
      create: { year, source, loadedById: actor.id },
      update: { source, loadedById: actor.id, loadedAt: new Date() },
    });
    const days = await tx.calendarDay.count({ where: { date: range } });
    await audit(tx, actor, {
      action: "calendar.year.publish",
      entity: ENTITY,
      entityId: String(year),
      before: { loaded: !!before, source: before?.source ?? null, days: beforeDays },
      after: { loaded: true, source, days, fromPackage },
    });
    return { days };
  });
}

/** Marks a year as not loaded (its deadlines are flagged again); its days stay. */
export async function withdrawCalendarYear(client: Db, actor: Actor, year: number): Promise<void> {
  await client.$transaction(async (tx) => {
    const before = await tx.calendarYear.findUnique({ where: { year }, select: { source: true } });
    if (!before) throw new AppError("not_found");
    await tx.calendarYear.delete({ where: { year } });
    await audit(tx, actor, {
      action: "calendar.year.withdraw",
      entity: ENTITY,
      entityId: String(year),
      before: { loaded: true, source: before.source },
      after: { loaded: false },
    });
  });
}
