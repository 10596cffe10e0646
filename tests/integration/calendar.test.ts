// The work calendar as data (issue #23, point 1): the migration seeds the State Council's
// schedules from the chinese-days package; a help report lodged before National Day or Spring
// Festival gets the real fifth working day; an admin edits the calendar (audited, admins only);
// a year with no calendar loaded is flagged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useAddress, type TestDb } from "./helpers";
import { createUser, seedRegions } from "../factories";
import { leadDeadline } from "@/lib/data/help";
import { calendarOverview, calendarYearView, deadlineFlag, loadedYears, loadWorkCalendar } from "@/lib/data/calendar";
import { getChallenge } from "@/lib/actions/help/get-challenge";
import { submitVillageReport } from "@/lib/actions/help/submit-village-report";
import { setCalendarDay } from "@/lib/actions/admin/set-calendar-day";
import { removeCalendarDay } from "@/lib/actions/admin/remove-calendar-day";
import { publishCalendarYear } from "@/lib/actions/admin/publish-calendar-year";
import { withdrawCalendarYear } from "@/lib/actions/admin/withdraw-calendar-year";
import { createPowSolver } from "@/lib/security/pow-solver";
import { addWorkingDays, isWorkingDay } from "@/lib/domain/working-days";
import { chineseDaysFor, chineseDaysYears } from "@/lib/calendar/chinese-days";

const COUNTY = "520603";
const VILLAGE = "520603201200";
let t: TestDb;

beforeAll(async () => {
  process.env.JINGZHUN_POW_BITS = "8";
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: COUNTY });
});

afterAll(async () => {
  delete process.env.JINGZHUN_TODAY;
  signOut();
  await t?.close();
});

async function pow() {
  const r = await getChallenge();
  if (!r.ok || !r.data) throw new Error(`no challenge: ${!r.ok && r.message}`);
  return { challenge: r.data.challenge, nonce: String(createPowSolver().search(r.data.challenge, r.data.bits, 0, 1 << 22)) };
}

async function auditOf(action: string) {
  return t.sql<{ actorRole: string; entityId: string; before: unknown; after: unknown }>(
    `SELECT "actorRole", "entityId", before, after FROM audit_event WHERE action = $1 ORDER BY id`,
    [action],
  );
}

describe("the migration seeds every year the chinese-days package covers", () => {
  it("all its years are loaded, with all their days", async () => {
    const years = await loadedYears(t.prisma);
    for (const y of chineseDaysYears()) expect(years.has(y), String(y)).toBe(true);
    const rows = await t.prisma.calendarDay.count();
    expect(rows).toBe(chineseDaysFor().length);
    const cal = await loadWorkCalendar(t.prisma);
    expect(isWorkingDay("2025-10-01", cal)).toBe(false);
    expect(isWorkingDay("2025-10-11", cal)).toBe(true);
  });
});

describe("help leads: 5 working days by the State Council's schedule", () => {
  it("lodged on 2025-09-30: due 2025-10-14 (National Day), not 2025-10-07", async () => {
    expect(await leadDeadline(t.prisma, COUNTY, "2025-09-30")).toBe("2025-10-14");
  });
  it("lodged on 2026-02-13: due 2026-02-27 (Spring Festival), not 2026-02-20", async () => {
    expect(await leadDeadline(t.prisma, COUNTY, "2026-02-13")).toBe("2026-02-27");
  });
  it("a report on the village form stores and promises that deadline", async () => {
    process.env.JINGZHUN_TODAY = "2025-09-30";
    try {
      useAddress("203.0.113.7");
      const id = crypto.randomUUID();
      const r = await submitVillageReport(
        undefined,
        form({ villageId: VILLAGE, id, category: "illness", text: "邻居老人生病无人照顾", headName: "", contact: "", ...(await pow()) }),
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(r.ok && r.data?.deadline).toBe("2025-10-14");
      expect(r.ok && r.data?.message).toContain("2025-10-14");
      const row = await t.prisma.helpRequest.findUniqueOrThrow({ where: { id } });
      expect(row.deadline.toISOString().slice(0, 10)).toBe("2025-10-14");
    } finally {
      delete process.env.JINGZHUN_TODAY;
    }
  });
});

describe("the admin edits the calendar (admins only, every change audited)", () => {
  it("a county official may not", async () => {
    await signInAs(t.prisma, "official");
    const r = await setCalendarDay(undefined, form({ date: "2027-10-01", kind: "holiday", name: "国庆节" }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("forbidden");
    expect(await t.prisma.calendarDay.findUnique({ where: { date: new Date("2027-10-01T00:00:00Z") } })).toBeNull();
    const denied = await auditOf("access.denied");
    expect(denied.some((d) => d.entityId === "admin.set_calendar_day")).toBe(true);
    signOut();
  });

  it("a make-up working day must be a Saturday or Sunday; the refusal names the field", async () => {
    await signInAs(t.prisma, "admin");
    const r = await setCalendarDay(undefined, form({ date: "2027-10-04", kind: "workday", name: "国庆节" })); // a Monday
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors?.date?.[0]).toMatch(/星期六|周六|Saturday/);
    const bad = await setCalendarDay(undefined, form({ date: "2027-02-30", kind: "holiday", name: "春节" }));
    expect(!bad.ok && bad.fieldErrors?.date?.length).toBeTruthy();
  });

  it("a year not loaded is flagged; loading it by hand, then from the package, is audited", async () => {
    await signInAs(t.prisma, "admin");
    const next = Math.max(...chineseDaysYears()) + 1;
    // received in December of the last covered year, due in the next: flagged
    const due = await leadDeadline(t.prisma, COUNTY, `${next - 1}-12-30`);
    expect(due.startsWith(`${next}-`)).toBe(true);
    expect(deadlineFlag(`${next - 1}-12-30`, due, await loadedYears(t.prisma))).toEqual([next]);
    const overview = await calendarOverview(next - 1, t.prisma);
    expect(overview.find((y) => y.year === next)).toMatchObject({ loaded: false, inPackage: false });

    // the admin types the first days from the State Council's notice, then marks the year loaded
    expect((await setCalendarDay(undefined, form({ date: `${next}-01-01`, kind: "holiday", name: "元旦" }))).ok).toBe(true);
    const sat = [2, 3, 4, 5, 6, 7, 8]
      .map((d) => `${next}-01-${String(d).padStart(2, "0")}`)
      .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    expect((await setCalendarDay(undefined, form({ date: sat, kind: "workday", name: "元旦" }))).ok).toBe(true);
    const refused = await publishCalendarYear(undefined, form({ year: next, mode: "manual", notice: "" }));
    expect(!refused.ok && refused.fieldErrors?.notice?.length).toBeTruthy();
    const published = await publishCalendarYear(
      undefined,
      form({ year: next, mode: "manual", notice: "国办发明电〔2026〕号 关于部分节假日安排的通知" }),
    );
    expect(published.ok, JSON.stringify(published)).toBe(true);
    expect(deadlineFlag(`${next - 1}-12-30`, due, await loadedYears(t.prisma))).toEqual([]);
    const view = await calendarYearView(next, next - 1, t.prisma);
    expect(view.loaded).toBe(true);
    expect(view.days.map((d) => d.kind)).toEqual(["holiday", "workday"]);
    // the new-year holiday moves the deadline on
    const cal = await loadWorkCalendar(t.prisma, `${next - 1}-12-30`);
    expect(addWorkingDays(`${next - 1}-12-31`, 1, cal)).not.toBe(`${next}-01-01`);

    const sets = await auditOf("calendar.day.set");
    expect(sets.map((s) => s.entityId)).toEqual([`${next}-01-01`, sat]);
    expect(sets[0]).toMatchObject({ actorRole: "admin", before: null, after: { kind: "holiday", name: "元旦" } });
    const pubs = await auditOf("calendar.year.publish");
    expect(pubs.at(-1)).toMatchObject({
      entityId: String(next),
      before: { loaded: false },
      after: { loaded: true, days: 2, fromPackage: false },
    });

    // removing a day and withdrawing the year are audited too
    expect((await removeCalendarDay(undefined, form({ date: sat }))).ok).toBe(true);
    expect((await auditOf("calendar.day.remove")).at(-1)).toMatchObject({ entityId: sat, before: { kind: "workday" } });
    expect((await withdrawCalendarYear(undefined, form({ year: next }))).ok).toBe(true);
    expect((await loadedYears(t.prisma)).has(next)).toBe(false);
    const missing = await removeCalendarDay(undefined, form({ date: sat }));
    expect(!missing.ok && missing.code).toBe("not_found");
  });

  it("reloading a year from the bundled package restores its days", async () => {
    await signInAs(t.prisma, "admin");
    await t.prisma.calendarDay.delete({ where: { date: new Date("2025-10-08T00:00:00Z") } });
    expect(await leadDeadline(t.prisma, COUNTY, "2025-09-30")).toBe("2025-10-13"); // the row's absence shows
    const r = await publishCalendarYear(undefined, form({ year: 2025, mode: "package" }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(await leadDeadline(t.prisma, COUNTY, "2025-09-30")).toBe("2025-10-14");
    expect((await auditOf("calendar.year.publish")).at(-1)).toMatchObject({
      entityId: "2025",
      after: { fromPackage: true, days: chineseDaysFor(2025).length },
    });
    const notThere = await publishCalendarYear(undefined, form({ year: 2099, mode: "package" }));
    expect(!notThere.ok && notThere.fieldErrors?.year?.length).toBeTruthy();
  });
});
