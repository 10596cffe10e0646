// Issue #16.8: registering a household with a national ID held in another county must not say
// that it belongs to someone; the attempt is audited. Inside the cadre's own region it still says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { registerHousehold } from "@/lib/actions/households/register-household";
import { makeNationalId } from "@/lib/national-id";

let t: TestDb;
const VILLAGE = "520603201200";
const FAR_ID = makeNationalId("520602", "1975-01-02", 21);

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  const a = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", members: 2 });
  await assign(t.prisma, a.id, cadre.id);
  const far = await createHousehold(t.prisma, { villageId: "520602100200", number: "0001", members: 2 });
  await t.prisma.member.update({
    where: { id: (await t.prisma.member.findFirstOrThrow({ where: { householdId: far.id } })).id },
    data: { nationalId: FAR_ID },
  });
});
afterAll(async () => {
  signOut();
  await t?.close();
});

describe("a national ID held in another county", () => {
  it("is refused without saying it belongs to anyone, and the attempt is audited", async () => {
    const me = await signInAs(t.prisma, "cadre1");
    const res = await registerHousehold(undefined, {
      villageId: VILLAGE,
      number: "0102",
      members: [{ name: "钱某", nationalId: FAR_ID, sex: "male", birthDate: "1975-01-02", relation: "head" }],
    });
    expect(res).toMatchObject({ ok: false, code: "invalid" });
    if (res.ok) throw new Error("expected a refusal");
    const said = JSON.stringify(res);
    expect(said).not.toContain("另一在册成员");
    expect(res.fieldErrors?.["members.0.nationalId"]?.[0]).toBe("该身份证号无法在此登记：请核对；如确属本户成员，请联系县里核实");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "national_id.denied", actorId: me.id } });
    expect(ev).toMatchObject({ entity: "member", countyId: "520602" });
    expect(JSON.stringify({ ...ev, id: String(ev.id) })).not.toContain(FAR_ID);
  });
});
