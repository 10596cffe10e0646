// Reads of national IDs, health and income are recorded: who, which household or list, full or
// masked IDs, from which page. A disabled user's live session reads nothing at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { householdOr404 } from "@/lib/data/household-page";
import { exportHouseholds } from "@/lib/data/county-export";
import { getViewer } from "@/lib/auth/session";
import { verifyChain } from "@/lib/audit-chain";
import { revealNationalId } from "@/lib/actions/households/reveal-national-id";

let t: TestDb;
let mine: string;
let other: string;
const VILLAGE = "520603201200";

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  const cadre2 = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  mine = (await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001" })).id;
  other = (await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002" })).id;
  await assign(t.prisma, mine, cadre.id);
  await assign(t.prisma, other, cadre2.id);
});

afterAll(async () => {
  signOut();
  await t?.close();
});

async function readsOf(actorUsername: string) {
  const u = await t.prisma.user.findUniqueOrThrow({ where: { username: actorUsername } });
  return t.prisma.auditEvent.findMany({ where: { action: "sensitive.read", actorId: u.id }, orderBy: { id: "asc" } });
}

async function viewer() {
  const v = await getViewer();
  if (!v) throw new Error("no viewer");
  return v;
}

describe("sensitive reads are audited", () => {
  it("a cadre opening their household's page: one event, full IDs, health and income, the page named", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = (await readsOf("cadre1")).length;
    const h = await householdOr404(await viewer(), mine, "household");
    expect(h.id).toBe(mine);
    const events = (await readsOf("cadre1")).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: "household", entityId: mine, countyId: "520603", actorRole: "cadre" });
    expect(events[0]!.after).toMatchObject({ fields: ["nationalId", "health", "income"], nationalIds: "full", via: "household" });
  });

  it("the household page shows IDs masked; a tap reveals one member's ID in full, recorded with the member; a stranger's tap is refused", async () => {
    const head = await t.prisma.member.findFirstOrThrow({ where: { householdId: mine, relation: "head" } });
    await t.prisma.member.update({ where: { id: head.id }, data: { nationalId: "520603198005011234" } });
    await signInAs(t.prisma, "cadre1");
    const before = (await readsOf("cadre1")).length;
    await householdOr404(await viewer(), mine, "household", { idsMasked: true });
    const r = await revealNationalId(undefined, { householdId: mine, memberId: head.id });
    expect(r).toEqual({ ok: true, data: { nationalId: "520603198005011234" } });
    const events = (await readsOf("cadre1")).slice(before);
    expect(events.map((e) => (e.after as { via: string; nationalIds: string }).nationalIds)).toEqual(["masked", "full"]);
    expect(events[1]).toMatchObject({ entity: "household", entityId: mine });
    expect(events[1]!.after).toMatchObject({ fields: ["nationalId"], via: "reveal", filters: { memberId: head.id } });
    // the other household's cadre: not found (and nothing read)
    await signInAs(t.prisma, "cadre2");
    const before2 = (await readsOf("cadre2")).length;
    expect(await revealNationalId(undefined, { householdId: mine, memberId: head.id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await readsOf("cadre2")).length).toBe(before2);
  });

  it("a county official's export records the county, the filters and whether IDs were in full", async () => {
    await signInAs(t.prisma, "official");
    const before = (await readsOf("official")).length;
    const res = await exportHouseholds(new Request(`http://test/api/county/export/households?village=${VILLAGE}&status=registered_poor`));
    expect(res.status).toBe(200);
    await res.text();
    const events = (await readsOf("official")).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: "village", entityId: VILLAGE, countyId: "520603" });
    expect(events[0]!.after).toMatchObject({ fields: ["nationalId", "income"], nationalIds: "full", via: "export" });
  });

  it("the events are links of the hash chain like every change", async () => {
    const rows = await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(verifyChain(rows).ok).toBe(true);
  });
});

describe("a disabled user's live session", () => {
  it("is refused on the very next request, and nothing is read or recorded as a read", async () => {
    await signInAs(t.prisma, "cadre1");
    expect(await getViewer()).not.toBeNull();
    // disabled by an admin while the cadre's cookie is still valid
    await t.prisma.user.update({ where: { username: "cadre1" }, data: { disabled: true, sessionVersion: { increment: 1 } } });
    expect(await getViewer()).toBeNull();
    // re-enabling does not revive the old cookie: its session version is stale
    await t.prisma.user.update({ where: { username: "cadre1" }, data: { disabled: false } });
    expect(await getViewer()).toBeNull();
  });
});

describe("what the event says was shown", () => {
  it("a facilitator (masked IDs, health withheld) is recorded as having seen IDs masked and no health", async () => {
    await createUser(t.prisma, { username: "facil", role: "facilitator", regionId: VILLAGE });
    await signInAs(t.prisma, "facil");
    const h = await householdOr404(await viewer(), other, "household");
    expect(h.members.every((m) => m.health === null && (m.nationalId === null || m.nationalId.includes("*")))).toBe(true);
    const [e] = (await readsOf("facil")).slice(-1);
    expect(e!.after).toMatchObject({ fields: ["nationalId", "income"], nationalIds: "masked" });
  });
});
