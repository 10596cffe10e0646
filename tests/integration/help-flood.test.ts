// Issue #16.2 and #17.4: nobody can shut a village's public help channel. A household's card
// report is never refused by the village's anonymous budget; one address cannot use up that
// budget; the county sees a flooded village. And the village form takes a phone number or
// nothing, and refuses the same report sent twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useAddress, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { issueCards } from "@/lib/actions/card/issue-cards";
import { getChallenge } from "@/lib/actions/help/get-challenge";
import { submitCardReport } from "@/lib/actions/help/submit-card-report";
import { submitVillageReport } from "@/lib/actions/help/submit-village-report";
import { floodedVillages, receiveVillageReport } from "@/lib/data/help";
import { createPowSolver } from "@/lib/security/pow-solver";
import { issueChallenge } from "@/lib/security/pow";
import { LIMITS } from "@/lib/ratelimit";

const VILLAGE = "520603201200";
let t: TestDb;
let token = "";

beforeAll(async () => {
  process.env.JINGZHUN_POW_BITS = "8";
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  const h = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", headName: "王大山" });
  await signInAs(t.prisma, "official");
  const r = await issueCards(undefined, form({ householdId: h.id }));
  signOut();
  token = r.ok ? r.data!.cards[0]!.url.split("/card/")[1]! : "";
});
afterAll(async () => t?.close());

async function pow() {
  const r = await getChallenge();
  if (!r.ok || !r.data) throw new Error("no challenge");
  return { challenge: r.data.challenge, nonce: String(createPowSolver().search(r.data.challenge, r.data.bits, 0, 1 << 22)) };
}
function powAt(nowMs: number) {
  const c = issueChallenge(nowMs, { bits: 8 });
  return { challenge: c.challenge, nonce: String(createPowSolver().search(c.challenge, 8, 0, 1 << 22)) };
}

describe("the village's anonymous budget", () => {
  it("one address sending all day cannot use it up", async () => {
    const start = Date.now();
    let accepted = 0;
    for (let hour = 0; hour < 24 && accepted < LIMITS.reportPerVillage.max; hour++) {
      const now = new Date(start + hour * 3600_000);
      for (let i = 0; i < LIMITS.reportPerAddress.max; i++) {
        try {
          await receiveVillageReport(
            {
              villageId: VILLAGE,
              id: crypto.randomUUID(),
              category: "other",
              text: `刷屏 ${hour}-${i}`,
              headName: "",
              contact: "",
              ...powAt(now.getTime()),
            },
            { address: "192.0.2.66", now },
          );
          accepted++;
        } catch {
          /* refused */
        }
      }
    }
    expect(accepted).toBeLessThanOrEqual(LIMITS.reportPerAddressPerVillage.max);
  });

  it("a flood from many addresses fills it, yet the household's own card report goes through, and the county sees the flood", async () => {
    let refused = 0;
    for (let a = 0; refused === 0 && a < 40; a++) {
      useAddress(`198.51.100.${a}`);
      for (let i = 0; i < LIMITS.reportPerAddress.max; i++) {
        const r = await submitVillageReport(
          undefined,
          form({ villageId: VILLAGE, id: crypto.randomUUID(), text: `洪水 ${a}-${i}`, ...(await pow()) }),
        );
        if (!r.ok && r.code === "rate_limited" && r.message.includes("本村")) refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    useAddress("203.0.113.200");
    const mine = await submitCardReport(
      undefined,
      form({ token, id: crypto.randomUUID(), category: "illness", text: "老伴住院，医药费不够。", ...(await pow()) }),
    );
    expect(mine.ok).toBe(true);
    const flooded = await floodedVillages("520603");
    expect(flooded.map((v) => v.id)).toEqual([VILLAGE]);
    expect(flooded[0]!.refused).toBeGreaterThan(0);
    expect(await t.prisma.auditEvent.count({ where: { action: "help.village_flooded", entityId: VILLAGE } })).toBe(1);
    expect(await floodedVillages("520602")).toEqual([]);
  });
});

describe("the village form's contact and duplicates (#17.4)", () => {
  it("'abc' is not a phone number; a phone with separators is stored plain", async () => {
    useAddress("203.0.113.51");
    const bad = await submitVillageReport(
      undefined,
      form({ villageId: "520603201201", id: crypto.randomUUID(), text: "有困难", contact: "abc", ...(await pow()) }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors?.contact).toEqual(["请填写电话号码（7–15 位数字），或留空"]);
    const id = crypto.randomUUID();
    const good = await submitVillageReport(
      undefined,
      form({ villageId: "520603201201", id, text: "有困难", contact: "0856-123 4567", ...(await pow()) }),
    );
    expect(good.ok).toBe(true);
    expect((await t.prisma.helpRequest.findUniqueOrThrow({ where: { id } })).contact).toBe("08561234567");
  });

  it("the same report sent a second time under a new id is refused", async () => {
    useAddress("203.0.113.52");
    const values = { villageId: "520603201201", text: "张家房子漏雨", contact: "13900000001" };
    expect((await submitVillageReport(undefined, form({ ...values, id: crypto.randomUUID(), ...(await pow()) }))).ok).toBe(true);
    const again = await submitVillageReport(undefined, form({ ...values, id: crypto.randomUUID(), ...(await pow()) }));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toBe("这条求助已经收到了，不用再提交。");
    expect(await t.prisma.helpRequest.count({ where: { text: "张家房子漏雨" } })).toBe(1);
  });
});
