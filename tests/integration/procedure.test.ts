// The procedure (两公示一公告) end to end on a real database, with a controllable "today"
// (JINGZHUN_TODAY): an exit and an identification each change a registered status exactly once,
// at the announcement; steps cannot be skipped; review and approval wait for the notice to end
// (the refusal names the end date) and for objections; the township reviewer, the county
// official and the facilitator each act only within their own scope.
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, evidenceRow, homeVerified, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { raiseProposal } from "@/lib/actions/proposals/raise-proposal";
import { explainComparison } from "@/lib/actions/proposals/explain-comparison";
import { recordHomeVerification } from "@/lib/actions/proposals/record-home-verification";
import { recordExitAgreement } from "@/lib/actions/proposals/record-exit-agreement";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { publishNotice } from "@/lib/actions/procedure/publish-notice";
import { publishSecondNotice } from "@/lib/actions/procedure/publish-second-notice";
import { townshipReview } from "@/lib/actions/procedure/township-review";
import { countyApprove } from "@/lib/actions/procedure/county-approve";
import { announce } from "@/lib/actions/procedure/announce";
import { lodgeObjection } from "@/lib/actions/procedure/lodge-objection";
import { sendBack } from "@/lib/actions/procedure/send-back";
import { returnAtReview } from "@/lib/actions/procedure/return-at-review";
import { lodgeObjectionFromCard } from "@/lib/data/procedure/objections";
import { approvalQueue } from "@/lib/data/procedure/queue";
import { getProposalView, householdTimeline } from "@/lib/data/procedure/views";
import { getPublicNotice } from "@/lib/data/procedure/notices";
import { getViewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { addDays } from "@/lib/domain/working-days";

const DANYANG = "520603201200";
let t: TestDb;
let reps: string[] = [];
let cadreId = "";
const T0 = today();

function pin(date: string | null) {
  if (date) process.env.JINGZHUN_TODAY = date;
  else delete process.env.JINGZHUN_TODAY;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "fac", role: "facilitator", regionId: DANYANG, name: "主持人" });
  cadreId = (await createUser(t.prisma, { username: "cadre", role: "cadre", regionId: DANYANG, name: "帮扶干部" })).id;
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201", name: "乡审核员" });
  await createUser(t.prisma, { username: "township_other", role: "county_official", regionId: "520602100", name: "外乡审核员" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603", name: "县扶贫办" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602", name: "外县扶贫办" });
  reps = [];
  for (let i = 0; i < 6; i++)
    reps.push((await t.prisma.representative.create({ data: { villageId: DANYANG, countyId: "520603", name: `代表${i + 1}` } })).id);
});

afterEach(() => pin(null));

afterAll(async () => {
  pin(null);
  signOut();
  await t?.close();
});

let n = 100;
async function household(
  data: { registeredStatus?: "not_registered" | "registered_poor" | "lifted"; incomeWages?: number; members?: number } = {},
) {
  n += 1;
  const h = await createHousehold(t.prisma, { villageId: DANYANG, number: String(n), ...data });
  await t.prisma.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
  return h.id;
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const png = (name = "signature.png") => new File([PNG], name, { type: "image/png" });

async function raise(user: string, values: Record<string, string>) {
  await signInAs(t.prisma, user);
  const id = crypto.randomUUID();
  // a monitoring application carries the household's signed authorisation
  const extra =
    values.kind === "monitor" && values.source === "application"
      ? { authorisationEvidenceId: (await evidenceRow(t.prisma, values.householdId!)).id }
      : {};
  const r = await raiseProposal(undefined, form({ id, reason: "经入户核实，情况属实", ...values, ...extra }));
  return { id, r };
}

/** A meeting today that passes every given proposal (secret ballot: 5 of 6 attend, 4 yes). */
async function passAtMeeting(proposalIds: string[]) {
  await signInAs(t.prisma, "fac");
  const meetingId = crypto.randomUUID();
  expect(await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }))).toMatchObject({ ok: true });
  for (const p of proposalIds) {
    // each goes to the village with a signed home verification of its round
    if (
      !(await t.prisma.homeVerification.findFirst({
        where: {
          proposalId: p,
          createdAt: {
            gte:
              (await t.prisma.procedureStepRecord.findFirst({ where: { proposalId: p, stage: "reverify" }, orderBy: { at: "desc" } }))
                ?.at ?? new Date(0),
          },
        },
      }))
    )
      await homeVerified(t.prisma, p);
    expect(await addToAgenda(undefined, form({ meetingId, proposalId: p }))).toMatchObject({ ok: true });
  }
  expect(await openMeeting(undefined, form({ meetingId }))).toMatchObject({ ok: true });
  for (const r of reps.slice(0, 5)) await recordAttendance(undefined, form({ meetingId, representativeId: r, present: true }));
  const items = await t.prisma.agendaItem.findMany({ where: { meetingId }, select: { id: true } });
  for (const i of items)
    expect(await recordSecretBallot(undefined, form({ meetingId, agendaItemId: i.id, yes: 4, no: 1, abstain: 0 }))).toMatchObject({
      ok: true,
    });
  expect(await closeMeeting(undefined, form({ meetingId, minutes: "表决通过" }))).toMatchObject({ ok: true });
  return meetingId;
}

async function firstNotice(meetingId: string, proposalIds: string[], startDate = today()) {
  await signInAs(t.prisma, "fac");
  const r = await publishNotice(undefined, form({ id: crypto.randomUUID(), meetingId, proposalIds, startDate }));
  expect(r).toMatchObject({ ok: true });
  return (r as { data: { noticeIds: string[] } }).data.noticeIds;
}

async function step(user: string, action: typeof townshipReview, proposalId: string, reason = "同意") {
  await signInAs(t.prisma, user);
  const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;
  return action(undefined, form({ proposalId, version, reason }));
}

/** The village's check of the waiting objections (about this item? new?) with its note. */
async function check(user: string, proposalId: string, answers: { aboutItem: "yes" | "no"; isNew: "yes" | "no" }, reason: string) {
  await signInAs(t.prisma, user);
  const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;
  return sendBack(undefined, form({ proposalId, version, reason, ...answers }));
}

const stage = async (id: string) => (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).stage;

describe("an exit, from the cadre's proposal to the announcement", () => {
  it("changes the registered status exactly once, at the announcement, in one transaction", async () => {
    const hh = await household({ registeredStatus: "registered_poor", incomeWages: 30000 });
    await assign(t.prisma, hh, cadreId);
    const { id, r } = await raise("cadre", { householdId: hh, kind: "exit", source: "cadre" });
    expect(r).toMatchObject({ ok: true, data: { stage: "comparison_explained", flags: [] } });
    // a retry of the same submission stores nothing more
    expect(
      await raiseProposal(undefined, form({ id, householdId: hh, kind: "exit", source: "cadre", reason: "经入户核实，情况属实" })),
    ).toMatchObject({ ok: true, data: { replay: true } });
    expect(await t.prisma.proposal.count({ where: { householdId: hh } })).toBe(1);
    // a second proposal for the same household while this one runs is refused
    expect((await raise("cadre", { householdId: hh, kind: "exit", source: "application" })).r).toMatchObject({
      ok: false,
      message: "该户已有正在进行的评议提议，请在原提议中继续",
    });

    // the agenda waits for the home verification (the agreement comes after the vote)
    await signInAs(t.prisma, "fac");
    const meetingId = crypto.randomUUID();
    await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }));
    const early = await addToAgenda(undefined, form({ meetingId, proposalId: id }));
    expect(early).toMatchObject({ ok: false, message: "尚未入户核实：须有核实人签字的入户核实记录（收入和各项保障）" });

    // the cadre checks at home and signs: who, when, income and each guarantee found
    await signInAs(t.prisma, "cadre");
    const check = {
      id: crypto.randomUUID(),
      proposalId: id,
      checkedOn: today(),
      checkedByName: "帮扶干部",
      perCapitaIncome: "9200",
      food: "met",
      clothing: "met",
      medical: "met",
      housing: "met",
      water: "met",
      education: "met",
      findings: "与档案一致",
    };
    expect(await recordHomeVerification(undefined, form(check))).toMatchObject({
      ok: false,
      fieldErrors: { signature: ["请在签名区域签字"] },
    });
    const fd = form(check);
    fd.append("signature", png());
    expect(await recordHomeVerification(undefined, fd)).toMatchObject({ ok: true, message: "入户核实已记录。" });
    const hv = await t.prisma.homeVerification.findFirstOrThrow({ where: { proposalId: id } });
    expect(hv).toMatchObject({ checkedByName: "帮扶干部", findings: "与档案一致", guarantees: { food: true, water: true } });
    expect(await t.prisma.evidence.findUniqueOrThrow({ where: { id: hv.signatureEvidenceId } })).toMatchObject({
      householdId: hh,
      kind: "signature",
    });
    // the same submission again stores nothing more
    const again = form(check);
    again.append("signature", png());
    expect(await recordHomeVerification(undefined, again)).toMatchObject({ ok: true, data: { replay: true } });
    let version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;

    const mId = await passAtMeeting([id]);
    expect(await stage(id)).toBe("voted");

    // the first notice waits for the household's own agreement; a visit read back is not one
    await signInAs(t.prisma, "fac");
    expect(
      await publishNotice(undefined, form({ id: crypto.randomUUID(), meetingId: mId, proposalIds: [id], startDate: today() })),
    ).toMatchObject({ ok: false, message: expect.stringContaining("缺少农户本人签字（或按手印）认可退出") });
    await signInAs(t.prisma, "cadre");
    version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;
    const agreement = form({ id: crypto.randomUUID(), proposalId: id, version, outcome: "agreed", method: "signature" });
    expect(await recordExitAgreement(undefined, agreement)).toMatchObject({ ok: false, fieldErrors: { signature: ["请在签名区域签字"] } });
    agreement.append("signature", png());
    expect(await recordExitAgreement(undefined, agreement)).toMatchObject({ ok: true, message: "农户认可已记录，可以发布公示。" });
    const signed = await t.prisma.exitAgreement.findFirstOrThrow({ where: { proposalId: id } });
    // the record names the income and the guarantees the household was shown
    expect(signed).toMatchObject({ outcome: "agreed", method: "signature", guarantees: hv.guarantees, refusalReason: null });
    expect(Number(signed.perCapitaIncome)).toBe(9200);
    const [noticeId] = await firstNotice(mId, [id]);
    const notice = await t.prisma.notice.findUniqueOrThrow({ where: { id: noticeId! } });
    expect(notice).toMatchObject({ kind: "first", days: 7 });
    const end = addDays(T0, 6);
    expect(notice.endDate.toISOString().slice(0, 10)).toBe(end);

    // review before the notice ended: refused, naming the end date
    const tooEarly = await step("township", townshipReview, id);
    expect(tooEarly).toMatchObject({ ok: false, code: "invalid", message: `第一次公示期尚未结束（至 ${end}）` });
    pin(end);
    expect(await step("township", townshipReview, id)).toMatchObject({ ok: false, message: `第一次公示期尚未结束（至 ${end}）` });
    pin(addDays(T0, 7));
    // the county cannot skip the township, the township cannot approve for the county
    expect(await step("official", countyApprove, id)).toMatchObject({ ok: false, message: expect.stringContaining("不能跳过或颠倒步骤") });
    expect(await step("official", townshipReview, id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await step("township_other", townshipReview, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await step("township", townshipReview, id, "乡镇审核：材料齐全")).toMatchObject({
      ok: true,
      data: { stage: "township_review" },
    });
    // announcing before approval is out of order
    await signInAs(t.prisma, "official");
    expect(await announce(undefined, form({ id: crypto.randomUUID(), proposalIds: [id] }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("不能跳过或颠倒步骤"),
    });
    expect(await step("township", countyApprove, id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await step("official2", countyApprove, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await step("official", countyApprove, id, "县级审批：同意退出")).toMatchObject({ ok: true, data: { stage: "county_approval" } });

    // nothing changed the registered status so far
    const before = await t.prisma.household.findUniqueOrThrow({ where: { id: hh } });
    expect(before.registeredStatus).toBe("registered_poor");
    const assessmentsBefore = await t.prisma.assessment.count({ where: { householdId: hh } });

    await signInAs(t.prisma, "official");
    const announcementId = crypto.randomUUID();
    expect(await announce(undefined, form({ id: announcementId, proposalIds: [id] }))).toMatchObject({
      ok: true,
      data: { noticeIds: [announcementId] },
    });
    const after = await t.prisma.household.findUniqueOrThrow({ where: { id: hh } });
    expect(after).toMatchObject({ registeredStatus: "lifted", version: before.version + 1 });
    expect(after.liftedAt?.toISOString().slice(0, 10)).toBe(addDays(T0, 7));
    expect(
      await t.prisma.registrationChange.findMany({ where: { householdId: hh }, select: { fromStatus: true, toStatus: true } }),
    ).toEqual([{ fromStatus: "registered_poor", toStatus: "lifted" }]);
    expect(await t.prisma.assessment.count({ where: { householdId: hh, trigger: "edit" } })).toBe(1);
    expect(await t.prisma.assessment.count({ where: { householdId: hh } })).toBe(assessmentsBefore + 1);
    expect(await t.prisma.auditEvent.count({ where: { action: "household.registered_status", entityId: hh } })).toBe(1);
    expect(await stage(id)).toBe("announced");

    // the announcement run again: refused; the same one retried: a replay; still one change
    expect(await announce(undefined, form({ id: crypto.randomUUID(), proposalIds: [id] }))).toMatchObject({
      ok: false,
      message: "流程已结束（已公告）",
    });
    expect(await announce(undefined, form({ id: announcementId, proposalIds: [id] }))).toMatchObject({ ok: true, data: { replay: true } });
    expect(await t.prisma.registrationChange.count({ where: { householdId: hh } })).toBe(1);
    expect((await t.prisma.household.findUniqueOrThrow({ where: { id: hh } })).version).toBe(before.version + 1);

    // one step record per step, append-only, in order
    const steps = await t.prisma.procedureStepRecord.findMany({
      where: { proposalId: id },
      orderBy: { at: "asc" },
      select: { stage: true },
    });
    expect(steps.map((s) => s.stage)).toEqual([
      "proposed",
      "comparison_explained",
      "on_agenda",
      "voted",
      "first_notice",
      "township_review",
      "county_approval",
      "announced",
    ]);

    // the household's timeline tells it in order; the public notice shows no ID
    await signInAs(t.prisma, "cadre");
    const timeline = await householdTimeline((await getViewer())!, hh);
    expect(timeline!.map((e) => e.kind)).toEqual(["raised", "step", "step", "vote", "notice", "decision", "decision", "decision"]);
    const pub = await getPublicNotice(noticeId!);
    expect(pub).toMatchObject({ kind: "first", village: "丹阳村", township: "黄道侗族乡", county: "万山区", start: T0, end });
    expect(JSON.stringify(pub)).not.toMatch(/\d{17}[\dX]/);
    version = 0;
    void version;
  });

  it("a household that refuses is recorded as refusing, with the reason, and the exit stops there", async () => {
    const hh = await household({ registeredStatus: "registered_poor", incomeWages: 30000 });
    await assign(t.prisma, hh, cadreId);
    const { id } = await raise("cadre", { householdId: hh, kind: "exit", source: "cadre" });
    const mId = await passAtMeeting([id]);
    await signInAs(t.prisma, "cadre");
    const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;
    expect(
      await recordExitAgreement(
        undefined,
        form({ id: crypto.randomUUID(), proposalId: id, version, outcome: "refused", refusalReason: "" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { refusalReason: ["请写明农户不认可的理由"] } });
    expect(
      await recordExitAgreement(
        undefined,
        form({ id: crypto.randomUUID(), proposalId: id, version, outcome: "refused", refusalReason: "儿子刚失业，家里收入不稳" }),
      ),
    ).toMatchObject({ ok: true, message: "农户不认可已记录，退出程序终止。" });
    expect(await stage(id)).toBe("withdrawn");
    expect(await t.prisma.exitAgreement.findFirstOrThrow({ where: { proposalId: id } })).toMatchObject({
      outcome: "refused",
      refusalReason: "儿子刚失业，家里收入不稳",
      evidenceId: null,
    });
    expect(await t.prisma.procedureStepRecord.findFirstOrThrow({ where: { proposalId: id, stage: "withdrawn" } })).toMatchObject({
      decision: "household_refused",
      reason: expect.stringContaining("儿子刚失业"),
    });
    await signInAs(t.prisma, "fac");
    expect(
      await publishNotice(undefined, form({ id: crypto.randomUUID(), meetingId: mId, proposalIds: [id], startDate: today() })),
    ).toMatchObject({ ok: false });
    expect((await t.prisma.household.findUniqueOrThrow({ where: { id: hh } })).registeredStatus).toBe("registered_poor");
    const view = await getProposalView((await getViewer())!, id);
    expect(view).toMatchObject({ stage: "withdrawn", next: [], exit: { agreement: { outcome: "refused" } } });
  });
});

describe("an identification, with an objection and the second notice", () => {
  it("goes back on an objection, needs a new vote and notice, then the second notice before county approval", async () => {
    // identification closed at the end of 2020 (#14): this one runs in 2020
    const T0 = "2020-11-02";
    pin(T0);
    const hh = await household({ incomeWages: 3000 });
    const { id, r } = await raise("fac", { householdId: hh, kind: "identify", source: "application" });
    expect(r).toMatchObject({ ok: true, data: { stage: "comparison_explained" } });
    const m1 = await passAtMeeting([id]);
    await firstNotice(m1, [id]);

    // an objection during the notice sends it back
    await signInAs(t.prisma, "fac");
    const objected = await lodgeObjection(
      undefined,
      form({ id: crypto.randomUUID(), proposalId: id, byName: "村民甲", contact: "13900000000", text: "该户家中有小汽车" }),
    );
    expect(objected).toMatchObject({ ok: true, message: "异议已登记，待村里核查。" });
    // the village checks it first: about this item and new, so it stands and sends the item back
    expect(await stage(id)).toBe("first_notice");
    expect(await check("fac", id, { aboutItem: "yes", isNew: "yes" }, "经核查，该户确有小汽车一辆，需重新核实")).toMatchObject({
      ok: true,
      data: { stage: "reverify", stands: true },
    });
    expect(await stage(id)).toBe("reverify");
    expect(await t.prisma.objection.findFirst({ where: { proposalId: id } })).toMatchObject({
      aboutItem: true,
      isNew: true,
      stands: true,
      checkNote: "经核查，该户确有小汽车一辆，需重新核实",
    });
    expect(await t.prisma.objection.findFirst({ where: { proposalId: id } })).toMatchObject({
      source: "village",
      byName: "村民甲",
      resolvedAt: null,
    });
    pin(addDays(T0, 7));
    expect(await step("township", townshipReview, id)).toMatchObject({ ok: false, message: expect.stringContaining("不能跳过或颠倒步骤") });

    // re-verification: comparison again, a new vote (which answers the objection), a new notice
    await signInAs(t.prisma, "fac");
    let version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;
    expect(await explainComparison(undefined, form({ proposalId: id, version, explanation: "" }))).toMatchObject({ ok: true });
    const m2 = await passAtMeeting([id]);
    expect((await t.prisma.objection.findFirstOrThrow({ where: { proposalId: id } })).resolution).toContain("重新评议");
    const start = addDays(T0, 7);
    await firstNotice(m2, [id], start);
    pin(addDays(start, 7));
    expect(await step("township", townshipReview, id)).toMatchObject({ ok: true });

    // identification has a second notice; the county approves only after it ended
    expect(await step("official", countyApprove, id)).toMatchObject({ ok: false, message: expect.stringContaining("不能跳过或颠倒步骤") });
    await signInAs(t.prisma, "township");
    const second = await publishSecondNotice(undefined, form({ id: crypto.randomUUID(), proposalIds: [id], startDate: today() }));
    expect(second).toMatchObject({ ok: true });
    const secondEnd = addDays(today(), 6);
    const refused = await step("official", countyApprove, id);
    expect(refused).toMatchObject({ ok: false, message: `第二次公示期尚未结束（至 ${secondEnd}）` });
    pin(addDays(today(), 7));
    expect(await step("official", countyApprove, id)).toMatchObject({ ok: true });
    await signInAs(t.prisma, "official");
    expect(await announce(undefined, form({ id: crypto.randomUUID(), proposalIds: [id] }))).toMatchObject({ ok: true });
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: hh } });
    expect(h.registeredStatus).toBe("registered_poor");
    expect(await t.prisma.registrationChange.count({ where: { householdId: hh } })).toBe(1);
    const steps = await t.prisma.procedureStepRecord.findMany({
      where: { proposalId: id },
      orderBy: { at: "asc" },
      select: { stage: true },
    });
    expect(steps.map((s) => s.stage)).toEqual([
      "proposed",
      "comparison_explained",
      "on_agenda",
      "voted",
      "first_notice",
      "reverify",
      "comparison_explained",
      "on_agenda",
      "voted",
      "first_notice",
      "township_review",
      "second_notice",
      "county_approval",
      "announced",
    ]);
    version = 0;
    void version;
  });
});

describe("monitoring, objections through the household card, and the queue", () => {
  it("an open card objection blocks the review until someone sends the item back; monitoring opens a period", async () => {
    const hh = await household({ incomeWages: 30000 });
    const { id } = await raise("fac", { householdId: hh, kind: "monitor", monitoringCategory: "marginal", source: "application" });
    const m = await passAtMeeting([id]);
    const [noticeId] = await firstNotice(m, [id]);
    expect((await t.prisma.notice.findUniqueOrThrow({ where: { id: noticeId! } })).days).toBe(5);

    const card = await lodgeObjectionFromCard(hh, id, "听说他家开了小卖部", "邻居 139");
    expect(card.replay).toBe(false);
    expect(await t.prisma.objection.findUniqueOrThrow({ where: { id: card.objectionId } })).toMatchObject({
      source: "card",
      recordedById: null,
      resolvedAt: null,
    });
    expect(await stage(id)).toBe("first_notice");
    await expect(lodgeObjectionFromCard(crypto.randomUUID(), id, "x", "")).rejects.toMatchObject({ code: "not_found" });

    pin(addDays(T0, 5));
    await expect(lodgeObjectionFromCard(hh, id, "期满之后", "")).rejects.toMatchObject({
      code: "invalid",
      message: "procedure.validation.noticeNotOpen",
    });
    await signInAs(t.prisma, "township");
    const queue = await approvalQueue((await getViewer())!);
    const row = queue.rows.find((r) => r.proposalId === id)!;
    expect(row).toMatchObject({ next: "township_review", ready: false, openObjections: 1, missing: ["有 1 条异议尚未处理"] });
    expect(await step("township", townshipReview, id)).toMatchObject({ ok: false, message: "有 1 条异议尚未处理" });
    expect(await check("fac", id, { aboutItem: "yes", isNew: "yes" }, "核实明白卡异议")).toMatchObject({
      ok: true,
      data: { stage: "reverify" },
    });

    // again: comparison, vote, notice; then review, approval (no second notice), announcement
    await signInAs(t.prisma, "fac");
    const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;
    expect(await explainComparison(undefined, form({ proposalId: id, version, explanation: "" }))).toMatchObject({ ok: true });
    const m2 = await passAtMeeting([id]);
    await firstNotice(m2, [id]);
    pin(addDays(T0, 10));
    await signInAs(t.prisma, "township");
    expect((await approvalQueue((await getViewer())!)).rows.find((r) => r.proposalId === id)).toMatchObject({ ready: true });
    expect(await step("township", townshipReview, id)).toMatchObject({ ok: true });
    await signInAs(t.prisma, "official");
    expect((await approvalQueue((await getViewer())!)).rows.find((r) => r.proposalId === id)).toMatchObject({
      next: "county_approval",
      ready: true,
    });
    expect(await step("official", countyApprove, id)).toMatchObject({ ok: true });
    expect(await announce(undefined, form({ id: crypto.randomUUID(), proposalIds: [id] }))).toMatchObject({ ok: true });
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: hh } });
    expect(h).toMatchObject({ registeredStatus: "not_registered", monitoringCategory: "marginal" });
    expect(
      await t.prisma.monitoringPeriod.findMany({ where: { householdId: hh }, select: { category: true, toDate: true, proposalId: true } }),
    ).toEqual([{ category: "marginal", toDate: null, proposalId: id }]);
    expect(await t.prisma.registrationChange.count({ where: { householdId: hh } })).toBe(0);
  });
});

describe("sending an item back at the review (#17 point 13)", () => {
  it("the township reviewer and then the county send it back with a reason, audited; others and other stages are refused", async () => {
    const hh = await household({ incomeWages: 30000 });
    const { id } = await raise("fac", { householdId: hh, kind: "monitor", monitoringCategory: "marginal", source: "application" });
    const m = await passAtMeeting([id]);
    await firstNotice(m, [id]);
    pin(addDays(T0, 6));
    // not the county's turn yet, nor the facilitator's, nor another township's
    expect(await step("official", returnAtReview, id, "县里想退回")).toMatchObject({ ok: false });
    expect(await step("fac", returnAtReview, id, "主持人想退回")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await step("township_other", returnAtReview, id, "外乡")).toMatchObject({ ok: false, code: "not_found" });
    // the reason is required and named
    const empty = await step("township", returnAtReview, id, "");
    expect(empty).toMatchObject({ ok: false, code: "invalid" });
    expect(empty.ok ? null : Object.keys(empty.fieldErrors ?? {})).toEqual(["reason"]);
    expect(await stage(id)).toBe("first_notice");

    const r = await step("township", returnAtReview, id, "收入证明与走访记录不符");
    expect(r).toMatchObject({ ok: true, data: { stage: "reverify" } });
    const rec = await t.prisma.procedureStepRecord.findFirstOrThrow({ where: { proposalId: id, stage: "reverify" } });
    expect(rec).toMatchObject({ decision: "returned", reason: "审核退回：收入证明与走访记录不符" });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "procedure.reverify", entityId: id } });
    expect(audit.reason).toBe("审核退回：收入证明与走访记录不符");
    expect(audit.after).toMatchObject({ stage: "reverify", returnedAt: "first_notice" });

    // again through the village; the township passes it; the county sends it back at its approval
    await signInAs(t.prisma, "fac");
    const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;
    expect(await explainComparison(undefined, form({ proposalId: id, version, explanation: "" }))).toMatchObject({ ok: true });
    const m2 = await passAtMeeting([id]);
    await firstNotice(m2, [id]);
    pin(addDays(T0, 12));
    expect(await step("township", townshipReview, id)).toMatchObject({ ok: true });
    expect(await step("township", returnAtReview, id, "乡里改主意")).toMatchObject({ ok: false });
    expect(await step("official2", returnAtReview, id, "外县")).toMatchObject({ ok: false, code: "not_found" });
    expect(await step("official", returnAtReview, id, "缺少帮扶措施记录")).toMatchObject({ ok: true, data: { stage: "reverify" } });
    expect(await t.prisma.auditEvent.count({ where: { action: "procedure.reverify", entityId: id } })).toBe(2);
    // the proposal page offers the form to the reviewer whose turn it is
    await signInAs(t.prisma, "official");
    expect(await stage(id)).toBe("reverify");
  });
});

describe("comparison flags and the kind's own requirements", () => {
  it("a flagged proposal reaches the agenda only with a written explanation, which is kept", async () => {
    const hh = await household({ incomeWages: 30000 });
    await t.prisma.household.update({ where: { id: hh }, data: { vehicleValue: 52000 } });
    const member = await t.prisma.member.findFirstOrThrow({ where: { householdId: hh, relation: "spouse" } });
    await t.prisma.member.update({ where: { id: member.id }, data: { publicEmployee: true } });
    const { id, r } = await raise("fac", { householdId: hh, kind: "monitor", monitoringCategory: "marginal", source: "application" });
    expect(r).toMatchObject({
      ok: true,
      data: {
        stage: "proposed",
        flags: [
          { code: "public_employee", detail: member.name },
          { code: "vehicle", detail: "" },
        ],
      },
    });
    await signInAs(t.prisma, "fac");
    const meetingId = crypto.randomUUID();
    await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }));
    expect(await addToAgenda(undefined, form({ meetingId, proposalId: id }))).toMatchObject({
      ok: false,
      message: "不能跳过或颠倒步骤：当前为「提出」，下一步只能是「比对疑点说明」",
    });
    const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id } })).version;
    expect(await explainComparison(undefined, form({ proposalId: id, version, explanation: "  " }))).toMatchObject({
      ok: false,
      fieldErrors: { explanation: ["比对发现疑点，必须写明说明"] },
    });
    expect(
      await explainComparison(undefined, form({ proposalId: id, version, explanation: "车辆为亲属借用；配偶系临聘人员，非在编" })),
    ).toMatchObject({ ok: true });
    const p = await t.prisma.proposal.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({ stage: "comparison_explained", flagExplanation: "车辆为亲属借用；配偶系临聘人员，非在编" });
    await homeVerified(t.prisma, id);
    expect(await addToAgenda(undefined, form({ meetingId, proposalId: id }))).toMatchObject({ ok: true });

    // the proposal page shows that the household has changed since it was raised
    await t.prisma.household.update({ where: { id: hh }, data: { version: { increment: 1 } } });
    const view = await getProposalView((await getViewer())!, id);
    expect(view!.household).toMatchObject({ changedSince: true });
    expect(view!.flags).toHaveLength(2);
  });

  it("comparison rules are policy: the province's vehicle value, and a flag it makes a red line excludes outright (#14)", async () => {
    const hh = await household({ incomeWages: 30000 });
    await t.prisma.household.update({ where: { id: hh }, data: { vehicleValue: 52000 } });
    await t.prisma.policyRow.create({ data: { id: "gz-cmp", year: 2014, provinceId: "52", values: { comparisonVehicleValue: 60000 } } });
    try {
      // 52,000 is under Guizhou's 60,000: no flag, comparison passes at once
      const first = await raise("fac", { householdId: hh, kind: "monitor", monitoringCategory: "marginal", source: "application" });
      expect(first.r).toMatchObject({ ok: true, data: { stage: "comparison_explained", flags: [] } });

      const other = await household({ incomeWages: 30000 });
      await t.prisma.household.update({ where: { id: other }, data: { vehicleValue: 80000 } });
      await t.prisma.policyRow.update({ where: { id: "gz-cmp" }, data: { values: { comparisonVehicleValue: 60000, redLineVehicle: 1 } } });
      const refused = (await raise("fac", { householdId: other, kind: "monitor", monitoringCategory: "marginal", source: "application" }))
        .r;
      expect(refused).toMatchObject({
        ok: false,
        fieldErrors: { kind: ["该户触及本省比对红线（拥有价值 3 万元以上的车辆），不能提出识别或纳入监测"] },
      });
      expect(await t.prisma.proposal.count({ where: { householdId: other } })).toBe(0);
    } finally {
      await t.prisma.policyRow.delete({ where: { id: "gz-cmp" } });
    }
  });

  it("a national ID recorded in another household is flagged", async () => {
    const a = await household();
    const b = await household();
    const m = await t.prisma.member.findFirstOrThrow({ where: { householdId: a, relation: "child" } });
    await t.prisma.member.update({ where: { id: m.id }, data: { nationalId: "52060320050501001X", active: false, counted: false } });
    await t.prisma.member.create({
      data: {
        householdId: b,
        countyId: "520603",
        name: m.name,
        sex: m.sex,
        birthDate: m.birthDate,
        relation: "other",
        nationalId: "52060320050501001X",
      },
    });
    const { r } = await raise("fac", { householdId: b, kind: "monitor", monitoringCategory: "marginal", source: "application" });
    expect(r).toMatchObject({ ok: true, data: { flags: [{ code: "duplicate_id", detail: expect.stringContaining("已迁出") }] } });
  });

  it("risk elimination is refused for a household without labour capacity living on subsistence allowance", async () => {
    const hh = await household({ incomeWages: 30000 });
    await t.prisma.household.update({
      where: { id: hh },
      data: { monitoringCategory: "marginal", monitoringSince: new Date("2024-01-01") },
    });
    await t.prisma.member.updateMany({ where: { householdId: hh }, data: { laborCapacity: "none", subsistenceAllowance: true } });
    const { id } = await raise("fac", { householdId: hh, kind: "eliminate_risk", source: "application" });
    await signInAs(t.prisma, "fac");
    const meetingId = crypto.randomUUID();
    await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }));
    const r = await addToAgenda(undefined, form({ meetingId, proposalId: id }));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("家庭成员均无劳动能力，暂不标注风险消除") });
    expect((r as { message: string }).message).toContain("收入评估记录不足 6 个月");
  });

  it("a proposal the household's status does not admit, or a reason unfit for the notice, is refused on its field", async () => {
    const hh = await household();
    expect((await raise("fac", { householdId: hh, kind: "exit", source: "application" })).r).toMatchObject({
      ok: false,
      fieldErrors: { kind: ["只有建档贫困户才能提出退出"] },
    });
    expect(
      (await raise("fac", { householdId: hh, kind: "identify", source: "application", reason: "身份证 520603198001011234 收入 3000 元" }))
        .r,
    ).toMatchObject({ ok: false, fieldErrors: { reason: ["理由会在公示中公开，不能写身份证号、电话号码或收入金额"] } });
    expect((await raise("fac", { householdId: hh, kind: "monitor", monitoringCategory: "marginal", source: "engine" })).r).toMatchObject({
      ok: false,
      fieldErrors: { source: ["该户不是系统比对出的这一类候选对象"] },
    });
    // a cadre only for an assigned household
    expect((await raise("cadre", { householdId: hh, kind: "identify", source: "cadre" })).r).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("from 2021 nobody is identified: refused on its field and audited (#14); 2020 still open", async () => {
    const hh = await household({ incomeWages: 3000 });
    pin("2021-01-04");
    const r = (await raise("fac", { householdId: hh, kind: "identify", source: "application" })).r;
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { kind: ["2020 年底建档立卡已关闭：2021 年起不再识别新的贫困户，请改为提出防返贫监测"] },
    });
    expect(await t.prisma.proposal.count({ where: { householdId: hh } })).toBe(0);
    const refused = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "proposal.refused", entityId: hh } });
    expect(refused.after).toMatchObject({ kind: "identify", reason: "identify_closed", year: 2021 });
    pin("2020-12-31");
    expect((await raise("fac", { householdId: hh, kind: "identify", source: "application" })).r).toMatchObject({ ok: true });
  });
});
