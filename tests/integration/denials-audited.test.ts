// Issue #16.12: every denial is audited (a page's role redirect, a card print page out of scope),
// and a legitimate read is not audited as one (a meeting's own minutes before any scan).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { requireViewerPage } from "@/lib/auth/session";
import CardsPage from "@/app/(app)/cards/page";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { GET as getMinutes } from "@/app/(app)/meetings/[id]/minutes/route";

let t: TestDb;
let far = "";
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200" });
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: "520603201200" });
  await createUser(t.prisma, { username: "facilitator2", role: "facilitator", regionId: "520603201201" });
  far = (await createHousehold(t.prisma, { villageId: "520602100200", number: "0001" })).id;
});
afterAll(async () => {
  signOut();
  await t?.close();
});

const denials = () => t.prisma.auditEvent.count({ where: { action: "access.denied" } });
const thrown = (p: Promise<unknown>) =>
  p.then(
    () => "none",
    (e: Error & { digest?: string }) => e.digest ?? e.message,
  );

describe("denials are audited", () => {
  it("a page whose role check sends the viewer home", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await denials();
    expect(await thrown(requireViewerPage("user.manage"))).toMatch(/NEXT_REDIRECT/);
    expect(await denials()).toBe(before + 1);
    await signInAs(t.prisma, "facilitator");
    expect(await thrown(CardsPage({ searchParams: Promise.resolve({}) }))).toMatch(/NEXT_REDIRECT/);
    expect(await denials()).toBe(before + 2);
  });

  it("a card print page of a household out of scope", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await denials();
    expect(await thrown(CardsPage({ searchParams: Promise.resolve({ household: far }) }))).toMatch(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    expect(await denials()).toBe(before + 1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "access.denied" }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ entity: "household", entityId: far });
  });
});

describe("no false denials", () => {
  it("a meeting's own minutes before any scan: not found, not a denial", async () => {
    await signInAs(t.prisma, "facilitator");
    const id = crypto.randomUUID();
    expect(await createMeeting(undefined, { id, date: new Date().toISOString().slice(0, 10), place: "村委会" })).toMatchObject({
      ok: true,
    });
    const before = await denials();
    const res = await getMinutes(new Request("http://x"), { params: Promise.resolve({ id }) });
    expect(res.status).toBe(404);
    expect(await denials()).toBe(before);
    await signInAs(t.prisma, "cadre1"); // not this cadre's meeting: a denial
    expect((await getMinutes(new Request("http://x"), { params: Promise.resolve({ id }) })).status).toBe(404);
    expect(await denials()).toBe(before + 1);
  });
});

describe("another village's meeting", () => {
  it("is not found, and the denial is audited", async () => {
    const MeetingPage = (await import("@/app/(app)/meetings/[id]/page")).default;
    await signInAs(t.prisma, "facilitator2");
    const before = await denials();
    const id = (await t.prisma.meeting.findFirstOrThrow()).id; // the Danyang facilitator's
    expect(await thrown(MeetingPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }))).toMatch(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    expect(await denials()).toBe(before + 1);
  });
});
