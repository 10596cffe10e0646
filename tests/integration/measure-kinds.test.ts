// Measures by type (decision 0047) on a real database: each kind with its own details, the cause or
// risk it answers, field errors naming the field, another kind's details dropped, another cadre's
// household not found; and the migration: measures recorded before the kinds read the same after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { countyIdForTest, createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { measuresByKind, overdueLoans } from "@/lib/data/measures";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { migrationSql } from "../support/migrations";
import fs from "node:fs";
import path from "node:path";

let t: TestDb;
let mine: string;
let theirs: string;
const VILLAGE = "520603201200";

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  const a = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", members: 3 });
  const b = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002", members: 2 });
  [mine, theirs] = [a.id, b.id];
  await assign(t.prisma, mine, cadre.id);
  await assign(t.prisma, theirs, other.id);
});

afterAll(async () => {
  signOut();
  await t.close();
});

const loan = (over: Record<string, unknown> = {}) => ({
  householdId: mine,
  kind: "microcredit",
  answers: "lack_of_capital",
  description: "扶贫小额信贷：发展肉牛养殖",
  amount: "50000",
  startDate: "2024-03-15",
  bank: "万山农商银行",
  termMonths: "36",
  interestSubsidy: "4350",
  loanStatus: "current",
  ...over,
});

describe("a measure by kind", () => {
  it("a microcredit stores its loan, its category, the cause it answers, and a due date from its term", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, loan());
    expect(res).toMatchObject({ ok: true });
    const m = await t.prisma.assistanceMeasure.findUniqueOrThrow({ where: { id: (res as { data: { id: string } }).data.id } });
    expect(m).toMatchObject({
      kind: "microcredit",
      category: "industry",
      cause: "lack_of_capital",
      risk: null,
      bank: "万山农商银行",
      termMonths: 36,
      loanStatus: "current",
    });
    expect(Number(m.interestSubsidy)).toBe(4350);
    expect(m.endDate?.toISOString().slice(0, 10)).toBe("2027-03-15");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "measure.create", entityId: m.id } });
    expect(ev.after).toMatchObject({ kind: "microcredit", bank: "万山农商银行", loanStatus: "current" });
  });

  it("an overdue loan needs the date it fell overdue: the field is named", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, loan({ loanStatus: "overdue" }));
    expect(res).toMatchObject({ ok: false, code: "invalid", fieldErrors: { overdueSince: [expect.stringContaining("必填")] } });
    const ok = await addMeasure(undefined, loan({ loanStatus: "overdue", overdueSince: "2025-09-16" }));
    expect(ok).toMatchObject({ ok: true });
  });

  it("a loan without its bank, or with a term of 0 months, names the field", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, loan({ bank: "", termMonths: "0" }));
    expect(res).toMatchObject({ ok: false, code: "invalid" });
    if (res.ok) throw new Error("expected a refusal");
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["bank", "termMonths"]);
  });

  it("repaid before it was issued is a field error", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, loan({ loanStatus: "repaid", repaidOn: "2024-01-01" }));
    expect(res).toMatchObject({ ok: false, code: "invalid", fieldErrors: { repaidOn: ["不能早于发放日期"] } });
  });

  it("a public-welfare job stores its post and pay and answers a risk; a loan's fields sent with it are dropped", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, {
      householdId: mine,
      kind: "public_welfare_job",
      answers: "income_drop",
      description: "村级保洁员",
      amount: "0",
      startDate: "2025-01-01",
      post: "保洁员",
      monthlyPay: "800",
      bank: "某银行",
    });
    expect(res).toMatchObject({ ok: true });
    const m = await t.prisma.assistanceMeasure.findUniqueOrThrow({ where: { id: (res as { data: { id: string } }).data.id } });
    expect(m).toMatchObject({
      kind: "public_welfare_job",
      category: "employment",
      cause: null,
      risk: "income_drop",
      post: "保洁员",
      bank: null,
      loanStatus: null,
    });
    expect(Number(m.monthlyPay)).toBe(800);
  });

  it("a job without its pay, an unknown kind, and no cause or risk: each names its field", async () => {
    await signInAs(t.prisma, "cadre1");
    const job = await addMeasure(undefined, {
      householdId: mine,
      kind: "ecological_job",
      answers: "lack_of_land",
      description: "护林",
      amount: "0",
      startDate: "2025-01-01",
      post: "生态护林员",
    });
    expect(job).toMatchObject({ ok: false, fieldErrors: { monthlyPay: [expect.any(String)] } });
    const kind = await addMeasure(undefined, {
      householdId: mine,
      kind: "lottery",
      answers: "illness",
      description: "x",
      amount: "0",
      startDate: "2025-01-01",
    });
    expect(kind).toMatchObject({ ok: false, fieldErrors: { kind: [expect.any(String)] } });
    const answers = await addMeasure(undefined, {
      householdId: mine,
      kind: "dibao",
      description: "x",
      amount: "0",
      startDate: "2025-01-01",
    });
    expect(answers).toMatchObject({ ok: false, fieldErrors: { answers: [expect.any(String)] } });
  });

  it("another cadre's household is not found; an official may not record one", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await t.prisma.assistanceMeasure.count();
    expect(await addMeasure(undefined, loan({ householdId: theirs }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "official");
    expect(await addMeasure(undefined, loan())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await t.prisma.assistanceMeasure.count()).toBe(before);
  });
});

describe("the county's measures by type", () => {
  it("counts measures, households and amounts by kind in the county only, and lists overdue loans oldest first", async () => {
    // one of another county's, which must not count
    const far = await createHousehold(t.prisma, { villageId: "520602100200", number: "0001", members: 1 });
    await t.prisma.assistanceMeasure.create({
      data: {
        householdId: far.id,
        countyId: "520602",
        category: "industry",
        kind: "microcredit",
        loanStatus: "overdue",
        overdueSince: new Date("2020-01-01"),
        description: "x",
        amount: 1,
        startDate: new Date("2019-01-01"),
      },
    });
    const kinds = await measuresByKind(countyIdForTest("520603"));
    const loan = kinds.find((k) => k.kind === "microcredit")!;
    const mine = await t.prisma.assistanceMeasure.findMany({ where: { countyId: "520603", kind: "microcredit" } });
    expect(loan.measures).toBe(mine.length);
    expect(loan.households).toBe(1);
    expect(Number(loan.amount)).toBe(mine.reduce((n, m) => n + Number(m.amount), 0));
    const overdue = await overdueLoans(countyIdForTest("520603"), 1);
    expect(overdue.total).toBe(1);
    expect(overdue.rows[0]).toMatchObject({ since: "2025-09-16", bank: "万山农商银行", amount: 50000 });
    expect((await overdueLoans(countyIdForTest("520603"), 2)).rows).toEqual([]);
  });
});

describe("the migration to kinds", () => {
  it("measures recorded before the kinds read the same after, each with its category's general kind", async () => {
    const dir = fs
      .readdirSync(path.resolve("prisma/migrations"))
      .filter((d) => !d.endsWith(".toml"))
      .sort();
    const at = dir.indexOf("20261206300000_measure_kinds_and_plans");
    expect(at).toBeGreaterThan(0);
    const all = migrationSql();
    const lite = await PGlite.create();
    try {
      for (const sql of all.slice(0, at)) await lite.exec(sql);
      // measures only: the households they belong to are not what this checks
      await lite.exec(`SET session_replication_role = replica;
        INSERT INTO assistance_measure (id, "householdId", "countyId", category, description, amount, "startDate", "endDate") VALUES
        ('m1', 'h1', '520603', 'industry', '发放鸡苗200只', 1500.50, '2019-04-01', NULL),
        ('m2', 'h1', '520603', 'social_assistance', '纳入农村低保', 0, '2018-01-01', '2020-12-31'),
        ('m3', 'h2', '520603', 'ecological', '退耕还林补助', 1200, '2017-05-01', NULL);`);
      const cols = `id, "householdId", "countyId", category::text, description, amount::text, "startDate"::text, "endDate"::text`;
      const before = (await lite.query(`SELECT ${cols} FROM assistance_measure ORDER BY id`)).rows;
      await lite.exec(all[at]!);
      const after = (await lite.query(`SELECT ${cols} FROM assistance_measure ORDER BY id`)).rows;
      expect(after).toEqual(before);
      const kinds = (
        await lite.query<{ id: string; kind: string; cause: string | null }>(
          `SELECT id, kind::text, cause::text FROM assistance_measure ORDER BY id`,
        )
      ).rows;
      expect(kinds).toEqual([
        { id: "m1", kind: "industry", cause: null },
        { id: "m2", kind: "social_assistance", cause: null },
        { id: "m3", kind: "ecological", cause: null },
      ]);
      // and the database itself refuses a loan status on a measure that is not a loan
      await expect(lite.exec(`UPDATE assistance_measure SET "loanStatus" = 'current' WHERE id = 'm1'`)).rejects.toThrow(
        /assistance_measure_loan_check/,
      );
    } finally {
      await lite.close();
    }
  }, 120_000); // every migration replayed into a fresh PGlite (on both runs)
});
