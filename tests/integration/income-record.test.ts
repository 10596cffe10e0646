// The annual income record (收入核算) on a real database: recorded by a cadre for an assigned
// household (or an official over its region), per-capita income computed by the income rule,
// signed by the household on the pad or by a photographed thumb-printed form, a retried submission
// stored once, a signed record never changed (a correction is a new revision, the old kept), and
// refusals: another county's household reads as not found, a cadre not assigned is refused, bad
// input names its field.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { recordIncome } from "@/lib/actions/income/record-income";
import { signIncome } from "@/lib/actions/income/sign-income";
import { signedIncomeRecord, unsignedIncomeCount } from "@/lib/data/income-records";
import { currentYear } from "@/lib/clock";
import type { ReviewCountyId } from "@/lib/auth/scope";
import type { ActionResult } from "@/lib/actions/result";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const VILLAGE = "520603201200";
const OTHER_COUNTY_VILLAGE = "520602100200";
const YEAR = currentYear();

let t: TestDb;
let mine: string;
let notMine: string;
let foreign: string;

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jz-income-"));
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE, name: "李帮扶" });
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  mine = (await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", members: 3 })).id;
  notMine = (await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002", members: 2 })).id;
  foreign = (await createHousehold(t.prisma, { villageId: OTHER_COUNTY_VILLAGE, number: "0001", members: 2 })).id;
  await assign(t.prisma, mine, cadre.id);
  await assign(t.prisma, notMine, other.id);
  // one of the three members is not counted (moved out for work and does not share income)
  const m = await t.prisma.member.findFirstOrThrow({ where: { householdId: mine }, orderBy: { name: "desc" } });
  await t.prisma.member.update({ where: { id: m.id }, data: { counted: false, notCountedReason: "not_sharing" } });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

const items = {
  incomeWages: "12000",
  incomeBusiness: "3000",
  incomeBusinessCosts: "1000",
  incomeProperty: "0",
  transferSubsistence: "2400",
  transferPension: "1200",
  excludedMedical: "5000",
  excludedGifts: "800",
};

function refusal<T>(r: ActionResult<T>) {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
  return r;
}

describe("recording and signing the year's income", () => {
  let first: string;

  it("records the items, counts the counted members and computes per-capita income without the excluded items", async () => {
    await signInAs(t.prisma, "cadre1");
    first = randomUUID();
    const r = await recordIncome(undefined, { id: first, householdId: mine, year: String(YEAR), expectedRevision: "0", ...items });
    expect(r).toMatchObject({ ok: true });
    const row = await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: first } });
    // (12000 + 3000 − 1000 + 0 + 2400 + 1200) ÷ 2 counted = 8800; medical and gifts recorded, not counted
    expect(row).toMatchObject({ year: YEAR, revision: 1, current: true, countedMembers: 2, countyId: "520603", signedAt: null });
    expect(Number(row.householdNetIncome)).toBe(17600);
    expect(Number(row.perCapitaIncome)).toBe(8800);
    expect(Number(row.excludedMedical)).toBe(5000);
    expect(Number(row.incomeTransfers)).toBe(0);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "income_record.create", entityId: first } });
    expect(ev).toMatchObject({ entity: "income_record", countyId: "520603" });
  });

  it("a retried submission stores once", async () => {
    await signInAs(t.prisma, "cadre1");
    const r = await recordIncome(undefined, { id: first, householdId: mine, year: String(YEAR), expectedRevision: "0", ...items });
    expect(r).toMatchObject({ ok: true, data: { replay: true, revision: 1 } });
    expect(await t.prisma.incomeRecord.count({ where: { householdId: mine } })).toBe(1);
  });

  it("an unsigned record counts in the county's unsigned figure", async () => {
    expect(await unsignedIncomeCount("520603" as ReviewCountyId, YEAR)).toBe(1);
    expect(await signedIncomeRecord(mine, YEAR)).toBeNull();
  });

  it("refuses a missing signature by naming the field", async () => {
    await signInAs(t.prisma, "cadre1");
    const r = refusal(await signIncome(undefined, { recordId: first, method: "signature" }));
    expect(r.code).toBe("invalid");
    expect(r.fieldErrors?.signature?.[0]).toBe("请户主在签名区签字");
    const p = refusal(await signIncome(undefined, { recordId: first, method: "thumbprint_form" }));
    expect(p.fieldErrors?.formPhoto?.[0]).toBe("请拍摄按手印的纸质确认表");
    expect((await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: first } })).signedAt).toBeNull();
  });

  it("the household signs on the pad: evidence kept, record signed, audited; signing again changes nothing", async () => {
    await signInAs(t.prisma, "cadre1");
    const fd = new FormData();
    fd.set("recordId", first);
    fd.set("method", "signature");
    fd.set("signature", new File([PNG], "signature.png", { type: "image/png" }));
    expect(await signIncome(undefined, fd)).toMatchObject({ ok: true, data: { replay: false } });
    const row = await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: first } });
    expect(row.signedAt).not.toBeNull();
    expect(row.signMethod).toBe("signature");
    const ev = await t.prisma.evidence.findUniqueOrThrow({ where: { id: row.signatureEvidenceId! } });
    expect(ev).toMatchObject({ kind: "signature", householdId: mine });
    expect(await t.prisma.auditEvent.count({ where: { action: "income_record.sign", entityId: first } })).toBe(1);

    const again = new FormData();
    again.set("recordId", first);
    again.set("method", "thumbprint_form");
    again.set("formPhoto", new File([PNG], "form.png", { type: "image/png" }));
    expect(await signIncome(undefined, again)).toMatchObject({ ok: true, data: { replay: true } });
    const still = await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: first } });
    expect(still.signMethod).toBe("signature");
    expect(still.signatureEvidenceId).toBe(row.signatureEvidenceId);
    expect(await unsignedIncomeCount("520603" as ReviewCountyId, YEAR)).toBe(0);
    expect(await signedIncomeRecord(mine, YEAR)).toMatchObject({ id: first, perCapitaIncome: 8800 });
  });

  it("a signed record is immutable, even to a direct update; a correction is a new revision superseding it", async () => {
    await expect(t.sql(`UPDATE income_record SET "incomeWages" = 99999 WHERE id = $1`, [first])).rejects.toThrow(/signed income record/);
    await expect(t.sql(`DELETE FROM income_record WHERE id = $1`, [first])).rejects.toThrow(/signed income record/);

    await signInAs(t.prisma, "official");
    // a correction without its reason names the field; one from a stale form is refused
    const noReason = refusal(
      await recordIncome(undefined, { id: randomUUID(), householdId: mine, year: String(YEAR), expectedRevision: "1", ...items }),
    );
    expect(noReason.fieldErrors?.correctionReason?.[0]).toBe("更正已有记录须写明原因");
    const stale = refusal(
      await recordIncome(undefined, { id: randomUUID(), householdId: mine, year: String(YEAR), expectedRevision: "0", ...items }),
    );
    expect(stale.code).toBe("conflict");

    const second = randomUUID();
    const r = await recordIncome(undefined, {
      id: second,
      householdId: mine,
      year: String(YEAR),
      expectedRevision: "1",
      correctionReason: "漏记务工收入",
      ...items,
      incomeWages: "14000",
    });
    expect(r).toMatchObject({ ok: true, data: { revision: 2, perCapitaIncome: 9800 } });
    const old = await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: first } });
    expect(old).toMatchObject({ current: false });
    expect(Number(old.incomeWages)).toBe(12000);
    expect(await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      supersedesId: first,
      current: true,
      signedAt: null,
    });
    // the signed figure of the year is gone until the correction is signed
    expect(await signedIncomeRecord(mine, YEAR)).toBeNull();
    expect(await unsignedIncomeCount("520603" as ReviewCountyId, YEAR)).toBe(1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "income_record.correct", entityId: second } });
    expect(ev.reason).toBe("漏记务工收入");
    // the superseded one can no longer be signed... it is signed already; the new one by a form photo
    const fd = new FormData();
    fd.set("recordId", second);
    fd.set("method", "thumbprint_form");
    fd.set("formPhoto", new File([PNG], "form.png", { type: "image/png" }));
    expect(await signIncome(undefined, fd)).toMatchObject({ ok: true });
    expect(await signedIncomeRecord(mine, YEAR)).toMatchObject({ id: second, revision: 2, perCapitaIncome: 9800 });
  });
});

describe("refusals", () => {
  it("another county's household reads as not found, to its record and to its signature", async () => {
    await signInAs(t.prisma, "official");
    const r = refusal(
      await recordIncome(undefined, { id: randomUUID(), householdId: foreign, year: String(YEAR), expectedRevision: "0", ...items }),
    );
    expect(r.code).toBe("not_found");
    await signInAs(t.prisma, "official2");
    const theirs = randomUUID();
    expect(
      await recordIncome(undefined, { id: theirs, householdId: foreign, year: String(YEAR), expectedRevision: "0", ...items }),
    ).toMatchObject({ ok: true });
    await signInAs(t.prisma, "official");
    const s = await signIncome(undefined, {
      recordId: theirs,
      method: "signature",
      signature: new File([PNG], "s.png", { type: "image/png" }),
    });
    expect(s).toMatchObject({ ok: false, code: "not_found" });
    expect((await t.prisma.incomeRecord.findUniqueOrThrow({ where: { id: theirs } })).signedAt).toBeNull();
  });

  it("a cadre not assigned to the household is refused (not found)", async () => {
    await signInAs(t.prisma, "cadre1");
    const r = refusal(
      await recordIncome(undefined, { id: randomUUID(), householdId: notMine, year: String(YEAR), expectedRevision: "0", ...items }),
    );
    expect(r.code).toBe("not_found");
    expect(await t.prisma.incomeRecord.count({ where: { householdId: notMine } })).toBe(0);
  });

  it("bad input names the field: a negative amount, a year in the future, a year before 2014", async () => {
    await signInAs(t.prisma, "cadre1");
    const base = { id: randomUUID(), householdId: mine, expectedRevision: "0", ...items };
    const neg = refusal(await recordIncome(undefined, { ...base, year: String(YEAR - 1), incomeWages: "-5" }));
    expect(neg.fieldErrors?.incomeWages?.[0]).toBe("不能为负数");
    const future = refusal(await recordIncome(undefined, { ...base, year: String(YEAR + 1) }));
    expect(future.fieldErrors?.year?.[0]).toBe("年份不能晚于今年");
    const early = refusal(await recordIncome(undefined, { ...base, year: "2013" }));
    expect(early.fieldErrors?.year?.[0]).toBe("年份不能早于 2014 年");
    expect(await t.prisma.incomeRecord.count({ where: { householdId: mine, year: { not: YEAR } } })).toBe(0);
  });
});
