// Issue #16.6: signing out ends the session on the server. A cookie kept from before sign-out
// (its JWT still inside its lifetime) opens nothing afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { createUser, seedRegions } from "../factories";
import { authOptions } from "@/lib/auth/options";
import { getViewer } from "@/lib/auth/session";
import { testSession } from "./session-state";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
});
afterAll(async () => t?.close());

describe("signing out", () => {
  it("a cookie kept from before sign-out no longer opens anything", async () => {
    await signInAs(t.prisma, "official");
    const kept = { ...testSession.current! }; // the JWT's contents, as a copied cookie would carry them
    expect(await getViewer()).not.toBeNull();
    await authOptions.events!.signOut!({ token: { uid: kept.uid, sv: kept.sv }, session: null } as never);
    testSession.current = kept; // the old cookie presented again
    expect(await getViewer()).toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { action: "auth.sign_out", actorId: kept.uid } })).toBe(1);
    signOut();
  });

  it("a stale or forged token's sign-out changes nothing", async () => {
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "official" } });
    await authOptions.events!.signOut!({ token: { uid: user.id, sv: user.sessionVersion - 1 }, session: null } as never);
    await authOptions.events!.signOut!({ token: {}, session: null } as never);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { username: "official" } })).sessionVersion).toBe(user.sessionVersion);
  });
});
