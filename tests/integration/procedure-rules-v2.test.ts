// Procedure v2 on a real database: a monitoring application carries the household's signed
// authorisation (evidence under the evidence rules); risk elimination is refused while the
// household has no labour capacity (with or without 低保) or no measure was delivered; overdue
// monitoring proposals come first for the township and county, with how late they are; an
// objection is checked by the village and only one that stands sends the item back; a red-line
// comparison flag (a province's policy setting) excludes the item from the agenda.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { createHousehold, createUser, evidenceRow, homeVerified, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { raiseProposal } from "@/lib/actions/proposals/raise-proposal";
import { explainComparison } from "@/lib/actions/proposals/explain-comparison";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { publishNotice } from "@/lib/actions/procedure/publish-notice";
import { lodgeObjection } from "@/lib/actions/procedure/lodge-objection";
import { sendBack } from "@/lib/actions/procedure/send-back";
import { approvalQueue, overdueProposals } from "@/lib/data/procedure/queue";
import { getViewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { addDays } from "@/lib/domain/working-days";

const DANYANG = "520603201200";
let t: TestDb;
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "fac", role: "facilitator", regionId: DANYANG, name: "主持人" });
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201", name: "乡审核员" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603", name: "县扶贫办" });
  for (let i = 0; i < 6; i++)
    await t.prisma.representative.create({ data: { villageId: DANYANG, countyId: "520603", name: `代表${i + 1}` } });
});

afterAll(async () => {
  delete process.env.JINGZHUN_TODAY;
  signOut();
  await t?.close();
});

let n = 500;
async function household(data: { incomeWages?: number } = {}) {
  n += 1;
  const h = await createHousehold(t.prisma, { villageId: DANYANG, number: String(n), ...data });
  await t.prisma.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
  return h.id;
}

async function raiseMonitor(hh: string) {
  await signInAs(t.prisma, "fac");
  const id = crypto.randomUUID();
  const r = await raiseProposal(
    undefined,
    form({
      id,
      householdId: hh,
      kind: "monitor",
      monitoringCategory: "marginal",
      source: "application",
      reason: "户主申请纳入监测",
      authorisationEvidenceId: (await evidenceRow(t.prisma, hh)).id,
    }),
  );
  expect(r).toMatchObject({ ok: true });
  return id;
}

describe("a monitoring application carries the signed authorisation (point 3)", () => {
  it("refused without it; a photo sent with it is stored as the household's evidence; another household's evidence is not it", async () => {
    const hh = await household();
    await signInAs(t.prisma, "fac");
    const base = { householdId: hh, kind: "monitor", monitoringCategory: "marginal", source: "application", reason: "户主申请纳入监测" };
    expect(await raiseProposal(undefined, form({ id: crypto.randomUUID(), ...base }))).toMatchObject({
      ok: false,
      fieldErrors: { authorisation: [expect.stringContaining("监测对象申请及承诺授权书")] },
    });
    const other = await evidenceRow(t.prisma, await household());
    expect(await raiseProposal(undefined, form({ id: crypto.randomUUID(), ...base, authorisationEvidenceId: other.id }))).toMatchObject({
      ok: false,
      fieldErrors: { authorisation: [expect.any(String)] },
    });
    const fd = form({ id: crypto.randomUUID(), ...base });
    fd.append("authorisation", new File([PNG], "授权书.png", { type: "image/png" }));
    const r = await raiseProposal(undefined, fd);
    expect(r).toMatchObject({ ok: true });
    const p = await t.prisma.proposal.findUniqueOrThrow({ where: { id: (r as { data: { proposalId: string } }).data.proposalId } });
    expect(await t.prisma.evidence.findUniqueOrThrow({ where: { id: p.authorisationEvidenceId! } })).toMatchObject({
      householdId: hh,
      kind: "signed_form",
      mimeType: "image/png",
    });
    // a cadre's own proposal after a visit needs none
    expect(p.source).toBe("application");
  });
});

describe("risk elimination (point 4)", () => {
  async function eliminating(opts: { subsistence: boolean; measure: boolean }) {
    const hh = await household({ incomeWages: 60000 });
    await t.prisma.household.update({
      where: { id: hh },
      data: { monitoringCategory: "marginal", monitoringSince: new Date("2024-01-01") },
    });
    await t.prisma.monitoringPeriod.create({
      data: { householdId: hh, countyId: "520603", category: "marginal", fromDate: new Date("2024-01-01") },
    });
    await t.prisma.member.updateMany({
      where: { householdId: hh },
      data: { laborCapacity: "none", subsistenceAllowance: opts.subsistence },
    });
    if (opts.measure)
      await t.prisma.assistanceMeasure.create({
        data: {
          householdId: hh,
          countyId: "520603",
          category: "social_assistance",
          kind: "social_assistance",
          description: "临时救助",
          startDate: new Date("2024-03-01"),
        },
      });
    await signInAs(t.prisma, "fac");
    const id = crypto.randomUUID();
    expect(
      await raiseProposal(
        undefined,
        form({ id, householdId: hh, kind: "eliminate_risk", source: "application", reason: "收入稳定，申请风险消除" }),
      ),
    ).toMatchObject({ ok: true });
    await homeVerified(t.prisma, id);
    const meetingId = crypto.randomUUID();
    await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }));
    return (await addToAgenda(undefined, form({ meetingId, proposalId: id }))) as { ok: boolean; message: string };
  }

  it("never marked for a household whose members all lack labour capacity — without 低保 as well as with it", async () => {
    for (const subsistence of [false, true]) {
      const r = await eliminating({ subsistence, measure: true });
      expect(r.ok).toBe(false);
      expect(r.message).toContain("家庭成员均无劳动能力，暂不标注风险消除");
      expect(r.message).toContain(subsistence ? "已纳入低保" : "未纳入低保");
      expect(r.message).not.toContain("纳入监测不满");
      expect(r.message).not.toContain("落实帮扶措施");
    }
  });

  it("needs a measure delivered while monitored", async () => {
    const r = await eliminating({ subsistence: false, measure: false });
    expect(r.message).toContain("落实帮扶措施 0 项，少于 1 项");
  });
});

describe("time limits (point 5)", () => {
  it("a monitoring proposal open past 15 days comes first for the township and the county, with how late", async () => {
    const late = await raiseMonitor(await household());
    const fresh = await raiseMonitor(await household());
    await t.prisma.proposal.update({ where: { id: late }, data: { raisedAt: new Date(`${addDays(today(), -20)}T10:00:00+08:00`) } });
    await t.prisma.proposal.update({ where: { id: fresh }, data: { raisedAt: new Date(`${addDays(today(), -15)}T10:00:00+08:00`) } });
    for (const user of ["township", "official"]) {
      await signInAs(t.prisma, user);
      const rows = await overdueProposals((await getViewer())!);
      expect(rows.map((r) => [r.proposalId, r.daysLate])).toEqual([[late, 5]]);
      expect(rows[0]).toMatchObject({ due: addDays(today(), -5), raisedOn: addDays(today(), -20) });
    }
    await signInAs(t.prisma, "fac");
    expect(await overdueProposals((await getViewer())!)).toEqual([]);
  });
});

describe("objection triage (point 6)", () => {
  async function noticeRunning() {
    const id = await raiseMonitor(await household());
    await homeVerified(t.prisma, id);
    await signInAs(t.prisma, "fac");
    const meetingId = crypto.randomUUID();
    await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }));
    expect(await addToAgenda(undefined, form({ meetingId, proposalId: id }))).toMatchObject({ ok: true });
    await openMeeting(undefined, form({ meetingId }));
    await recordAttendance(undefined, form({ meetingId, representativeId: "all", present: true }));
    const item = await t.prisma.agendaItem.findFirstOrThrow({ where: { meetingId } });
    await recordSecretBallot(undefined, form({ meetingId, agendaItemId: item.id, yes: 5, no: 1, abstain: 0 }));
    await closeMeeting(undefined, form({ meetingId, minutes: "通过" }));
    expect(
      await publishNotice(undefined, form({ id: crypto.randomUUID(), meetingId, proposalIds: [id], startDate: today() })),
    ).toMatchObject({ ok: true });
    return id;
  }
  const version = async (id: string) => (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;

  it("an objection is recorded for the village's check; one that is not about the item (or not new) does not send it back", async () => {
    const id = await noticeRunning();
    expect(
      await lodgeObjection(undefined, form({ id: crypto.randomUUID(), proposalId: id, byName: "村民乙", text: "隔壁那户的房子也该修了" })),
    ).toMatchObject({ ok: true, message: "异议已登记，待村里核查。" });
    expect((await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).stage).toBe("first_notice");
    const r = await sendBack(
      undefined,
      form({ proposalId: id, version: await version(id), reason: "反映的是邻户住房问题，已转交村委处理", aboutItem: "no", isNew: "yes" }),
    );
    expect(r).toMatchObject({
      ok: true,
      message: "核查结果已记录：异议不成立，程序继续。",
      data: { stands: false, stage: "first_notice" },
    });
    const o = await t.prisma.objection.findFirstOrThrow({ where: { proposalId: id } });
    expect(o).toMatchObject({
      aboutItem: false,
      isNew: true,
      stands: false,
      checkNote: "反映的是邻户住房问题，已转交村委处理",
      resolution: expect.stringContaining("与本事项无关"),
    });
    expect(o.resolvedAt).not.toBeNull();
    // nothing left to check; the notice runs on and the township may review once it ends
    expect(
      await sendBack(undefined, form({ proposalId: id, version: await version(id), reason: "再查", aboutItem: "yes", isNew: "yes" })),
    ).toMatchObject({ ok: false, message: "没有待核查的异议" });
    process.env.JINGZHUN_TODAY = addDays(today(), 5);
    await signInAs(t.prisma, "township");
    const row = (await approvalQueue((await getViewer())!)).rows.find((x) => x.proposalId === id);
    delete process.env.JINGZHUN_TODAY;
    expect(row).toMatchObject({ ready: true, openObjections: 0 });
  });

  it("one that stands sends the item back, and the check is kept with it", async () => {
    const id = await noticeRunning();
    await lodgeObjection(undefined, form({ id: crypto.randomUUID(), proposalId: id, byName: "村民丙", text: "该户儿子在城里开了公司" }));
    expect(
      await sendBack(
        undefined,
        form({ proposalId: id, version: await version(id), reason: "经查属实，此前未掌握", aboutItem: "yes", isNew: "yes" }),
      ),
    ).toMatchObject({ ok: true, data: { stands: true, stage: "reverify" } });
    expect(await t.prisma.objection.findFirstOrThrow({ where: { proposalId: id } })).toMatchObject({ stands: true, resolvedAt: null });
  });
});

describe("red-line comparison flags (point 7)", () => {
  it("a flag the province made a red line after the proposal was raised keeps it off the agenda, whatever the explanation", async () => {
    const hh = await household();
    await t.prisma.household.update({ where: { id: hh }, data: { vehicleValue: 52000 } });
    const id = await raiseMonitor(hh);
    // the province's policy makes the vehicle flag a red line (policy key redLineVehicle = 1)
    await t.prisma.policyRow.create({ data: { id: "test-52-red-lines", year: 2021, provinceId: "52", values: { redLineVehicle: 1 } } });
    await signInAs(t.prisma, "fac");
    expect(
      await explainComparison(
        undefined,
        form({
          proposalId: id,
          version: (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version,
          explanation: "车辆为亲属借用",
        }),
      ),
    ).toMatchObject({ ok: true });
    await homeVerified(t.prisma, id);
    const meetingId = crypto.randomUUID();
    await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }));
    const r = await addToAgenda(undefined, form({ meetingId, proposalId: id }));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("比对疑点为本省“红线”，不能列入评议") });
    await t.prisma.policyRow.update({ where: { id: "test-52-red-lines" }, data: { active: false } });
  });
});
