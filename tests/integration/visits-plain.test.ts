// A plain visit (no household changes, no files) is stored by one database call
// (jz_store_plain_visit, decision 0055). It must write what the ORM's transaction (recordVisit)
// writes for the same visit — the visit row, its follow-ups, the plan step it marks, the
// household's last-visit date, the audit event — and keep the audit chain and its seals whole.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { logVisit } from "@/lib/actions/visits/log-visit";
import { recordVisit } from "@/lib/data/visits/log-visit";
import { recomputeHousehold } from "@/lib/data/assessment";
import { getViewer } from "@/lib/auth/session";
import { visitSchema } from "@/lib/validation/visit";
import { verifyAudit } from "@/scripts/audit-verify";
import { auditKey } from "@/lib/audit-key";
import { today } from "@/lib/clock";

let t: TestDb;
let viaFunction: string;
let viaOrm: string;
let cadreId: string;
const TODAY = today();

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  // a township-level cadre: the reach is a village prefix within the county
  cadreId = (await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201", name: "李帮扶" })).id;
  const a = await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", incomeWages: 60000, members: 3 });
  const b = await createHousehold(t.prisma, { villageId: "520603201200", number: "0002", incomeWages: 60000, members: 3 });
  [viaFunction, viaOrm] = [a.id, b.id];
  for (const id of [viaFunction, viaOrm]) {
    await assign(t.prisma, id, cadreId);
    await t.prisma.$transaction((tx) => recomputeHousehold(tx, id, { trigger: "seed", actorId: null }));
  }
});

afterAll(async () => {
  signOut();
  await t?.close();
});

async function planStep(householdId: string) {
  const h = await t.prisma.household.findUniqueOrThrow({ where: { id: householdId }, select: { countyId: true } });
  const plan = await t.prisma.householdPlan.create({
    data: { householdId, countyId: h.countyId, year: 2026, expectedIncome: 9000 },
    select: { id: true },
  });
  const item = await t.prisma.planItem.create({
    data: { planId: plan.id, householdId, countyId: h.countyId, position: 1, text: "技能培训" },
    select: { id: true },
  });
  return item.id;
}

const raw = (householdId: string, planItem: string) => ({
  clientVisitId: crypto.randomUUID(),
  householdId,
  baseVersion: 1,
  date: TODAY,
  mode: "home",
  findings: "粮食够吃，衣被齐全。",
  problems: "屋顶漏雨",
  actionsTaken: "联系村委",
  locationConsent: true,
  location: { latitude: 26.5, longitude: 107.5, accuracyM: 12, locatedAt: new Date("2026-12-01T03:04:05.678Z").toISOString() },
  confirmation: "read_back",
  followUps: [{ description: "协助办理医保续保", dueDate: TODAY }],
  planProgress: [planItem],
});

async function written(visitId: string) {
  const visit = await t.prisma.visit.findUniqueOrThrow({ where: { id: visitId } });
  const followUps = await t.prisma.followUp.findMany({
    where: { visitId },
    select: { description: true, dueDate: true, countyId: true, resolvedAt: true },
  });
  const step = await t.prisma.planItem.findFirstOrThrow({ where: { doneVisitId: visitId }, select: { doneById: true, doneAt: true } });
  const household = await t.prisma.household.findUniqueOrThrow({
    where: { id: visit.householdId },
    select: { lastVisitAt: true, version: true },
  });
  const events = await t.prisma.auditEvent.findMany({ where: { entityId: visitId } });
  const { id: _id, householdId: _h, createdAt, ...row } = visit;
  return { row, createdAt, followUps, step: { doneById: step.doneById, done: step.doneAt != null }, household, events };
}

describe("a plain visit in one database call", () => {
  it("writes what the ORM's transaction writes, and the audit chain and seals stay whole", async () => {
    await signInAs(t.prisma, "cadre1");
    const a = raw(viaFunction, await planStep(viaFunction));
    const b = raw(viaOrm, await planStep(viaOrm));

    const r = await logVisit(undefined, a);
    expect(r).toMatchObject({ ok: true, data: { state: "accepted", replay: false, changed: [] } });
    // the ORM's way, for the same visit on a household just like it
    const viewer = (await getViewer())!;
    const { evidence: _e, signature: _s, ...parsed } = visitSchema.parse(b);
    const orm = await recordVisit(viewer, parsed, [], { conflictMessage: () => "" });

    const { visitId: _v1, householdId: _h1, ...answerA } = (r as unknown as { data: Record<string, unknown> }).data;
    const { visitId: _v2, householdId: _h2, ...answerB } = orm;
    expect(answerA).toEqual(answerB);

    const wa = await written(a.clientVisitId);
    const wb = await written(b.clientVisitId);
    expect(wa.row).toEqual(wb.row);
    expect(wa.followUps).toEqual(wb.followUps);
    expect(wa.step).toEqual(wb.step);
    expect(wa.household).toEqual(wb.household);
    expect(Math.abs(wa.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(wa.events).toHaveLength(1);
    expect(wb.events).toHaveLength(1);
    const strip = (e: (typeof wa.events)[number]) => {
      const after = { ...(e.after as Record<string, unknown>) };
      delete after.householdId;
      delete after.planProgress;
      return {
        action: e.action,
        entity: e.entity,
        actorId: e.actorId,
        actorRole: e.actorRole,
        countyId: e.countyId,
        reason: e.reason,
        before: e.before,
        after,
      };
    };
    expect(strip(wa.events[0]!)).toEqual(strip(wb.events[0]!));
    expect(wa.events[0]!.mac).toBeTruthy();
    expect(await verifyAudit(t.prisma, 5000, { key: auditKey() })).toMatchObject({ ok: true });

    // sent again: the stored one, nothing written twice
    const again = await logVisit(undefined, a);
    expect(again).toMatchObject({ ok: true, data: { replay: true, state: "accepted" } });
    expect(await t.prisma.followUp.count({ where: { visitId: a.clientVisitId } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { entityId: a.clientVisitId } })).toBe(1);
  });

  it("refuses a visit dated before the assignment began, on the date, and writes nothing", async () => {
    await signInAs(t.prisma, "cadre1");
    const a = { ...raw(viaFunction, crypto.randomUUID()), date: "2023-12-31", followUps: [], planProgress: [] };
    const r = await logVisit(undefined, a);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys((r as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["date"]);
    expect(await t.prisma.visit.count({ where: { id: a.clientVisitId } })).toBe(0);
  });
});
