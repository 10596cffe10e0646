// The appraisal meeting on a real database: roster, agenda, attendance and quorum, roll-call
// votes (one per representative per item, also when two arrive at once), secret-ballot counts
// that must add up, the close (one transaction), and a closed meeting frozen — by the action's
// check (audited) and by the database's trigger, also against raw SQL. A vote racing the close
// is either counted or refused, never stored after it.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useLocale, type TestDb } from "./helpers";
import { createHousehold, createUser, evidenceRow, homeVerified, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { raiseProposal } from "@/lib/actions/proposals/raise-proposal";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { addRepresentative } from "@/lib/actions/meetings/add-representative";
import { setRepresentativeActive } from "@/lib/actions/meetings/set-representative-active";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordVote } from "@/lib/actions/meetings/record-vote";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { today } from "@/lib/clock";
import { createMeeting as createMeetingAs } from "@/lib/data/procedure/meetings";
import type { Viewer } from "@/lib/auth/session";

const DANYANG = "520603201200";
const NEIGHBOUR = "520603201201";
let t: TestDb;
let reps: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "fac", role: "facilitator", regionId: DANYANG, name: "主持人甲" });
  await createUser(t.prisma, { username: "fac2", role: "facilitator", regionId: NEIGHBOUR, name: "邻村主持人" });
  const cadre = await createUser(t.prisma, { username: "cadre", role: "cadre", regionId: DANYANG, name: "帮扶干部" });
  // six representatives: quorum 2/3 is four
  reps = [];
  for (const name of ["杨德福", "吴秀英", "龙建国", "姚桂兰", "田志强", "张春梅"]) {
    const r = await t.prisma.representative.create({ data: { villageId: DANYANG, countyId: "520603", name } });
    reps.push(r.id);
  }
  void cadre;
});

afterAll(async () => {
  signOut();
  await t?.close();
});

let householdNo = 0;
/** A household of Danyang with a proposal at "comparison explained" (no flag), ready for the agenda. */
async function readyProposal(): Promise<string> {
  householdNo += 1;
  const h = await createHousehold(t.prisma, { villageId: DANYANG, number: String(householdNo).padStart(4, "0"), members: 3 });
  await t.prisma.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
  await signInAs(t.prisma, "fac");
  const id = crypto.randomUUID();
  const authorisation = await evidenceRow(t.prisma, h.id);
  const r = await raiseProposal(
    undefined,
    form({
      id,
      householdId: h.id,
      kind: "monitor",
      monitoringCategory: "marginal",
      source: "application",
      reason: "户主申请：家中突发变故，申请纳入监测",
      authorisationEvidenceId: authorisation.id,
    }),
  );
  expect(r).toMatchObject({ ok: true, data: { stage: "comparison_explained", replay: false } });
  await homeVerified(t.prisma, id);
  return id;
}

async function openMeetingWith(proposalIds: string[], present = reps): Promise<{ meetingId: string; items: string[] }> {
  await signInAs(t.prisma, "fac");
  const meetingId = crypto.randomUUID();
  expect(await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会议室" }))).toMatchObject({ ok: true });
  for (const p of proposalIds) expect(await addToAgenda(undefined, form({ meetingId, proposalId: p }))).toMatchObject({ ok: true });
  expect(await openMeeting(undefined, form({ meetingId }))).toMatchObject({ ok: true, data: { rosterSize: reps.length } });
  for (const r of present)
    expect(await recordAttendance(undefined, form({ meetingId, representativeId: r, present: true }))).toMatchObject({ ok: true });
  const items = await t.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { id: true } });
  return { meetingId, items: items.map((i) => i.id) };
}

describe("creating a meeting with a client id", () => {
  it("two facilitators racing on one id: one meeting, and the other is told 'not found', never 'already saved'", async () => {
    const viewerOf = async (username: string): Promise<Viewer> => {
      const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
      return { id: u.id, name: u.name, username, role: "facilitator", regionId: u.regionId!, regionLevel: "village", regionName: "" };
    };
    const [fac, fac2] = [await viewerOf("fac"), await viewerOf("fac2")];
    for (let i = 0; i < 6; i++) {
      const id = crypto.randomUUID();
      const [a, b] = await Promise.allSettled([
        createMeetingAs(fac, { id, date: today(), place: "村委会" }),
        createMeetingAs(fac2, { id, date: today(), place: "邻村村委会" }),
      ]);
      const won = [a, b].filter((r) => r.status === "fulfilled");
      expect(won, JSON.stringify([a, b])).toHaveLength(1);
      expect((won[0] as PromiseFulfilledResult<{ replay: boolean }>).value.replay).toBe(false);
      const lost = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "not_found" });
      // and the same facilitator sending it twice at once gets one meeting, the second a replay
      const again = crypto.randomUUID();
      const twice = await Promise.all([
        createMeetingAs(fac, { id: again, date: today(), place: "村委会" }),
        createMeetingAs(fac, { id: again, date: today(), place: "村委会" }),
      ]);
      expect(twice.map((r) => r.replay).sort()).toEqual([false, true]);
    }
  });
});

describe("the roster", () => {
  it("a facilitator adds and deactivates representatives of the own village; both audited", async () => {
    await signInAs(t.prisma, "fac");
    const added = await addRepresentative(undefined, form({ name: "潘红霞", phone: "13800000000" }));
    expect(added).toMatchObject({ ok: true, message: "代表已添加。" });
    const id = (added as { data: { id: string } }).data.id;
    expect(await setRepresentativeActive(undefined, form({ representativeId: id, active: "false" }))).toMatchObject({ ok: true });
    expect((await t.prisma.representative.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect(
      await t.prisma.auditEvent.count({ where: { entityId: id, action: { in: ["representative.add", "representative.deactivate"] } } }),
    ).toBe(2);
    // another village's facilitator cannot touch it
    await signInAs(t.prisma, "fac2");
    expect(await setRepresentativeActive(undefined, form({ representativeId: id, active: "true" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("a cadre cannot run meetings", async () => {
    await signInAs(t.prisma, "cadre");
    expect(await addRepresentative(undefined, form({ name: "某人" }))).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("quorum and votes", () => {
  it("below quorum the meeting cannot vote; the message names the counts", async () => {
    const p = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p], reps.slice(0, 3));
    const r = await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[0]!, choice: "yes" }));
    expect(r).toMatchObject({ ok: false, code: "invalid", message: "出席 3 人，不足代表名册 6 人的 2/3（至少 4 人），会议不能表决" });
    const closed = await closeMeeting(undefined, form({ meetingId, minutes: "会议记录" }));
    expect(closed).toMatchObject({ ok: false, message: expect.stringContaining("不足代表名册") });
    expect(await t.prisma.vote.count({ where: { agendaItemId: items[0] } })).toBe(0);
  });

  it("a representative not attending cannot vote; one marked absent after voting is refused", async () => {
    const p = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p], reps.slice(0, 5));
    const absent = await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[5]!, choice: "yes" }));
    expect(absent).toMatchObject({ ok: false, fieldErrors: { representativeId: ["该代表未登记出席，不能投票"] } });
    expect(
      await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[0]!, choice: "yes" })),
    ).toMatchObject({ ok: true });
    expect(await recordAttendance(undefined, form({ meetingId, representativeId: reps[0]!, present: false }))).toMatchObject({
      ok: false,
      fieldErrors: { representativeId: [expect.stringContaining("该代表已在第 1 项投票，投票后不能直接改为缺席")] },
    });
  });

  it("the same representative voting twice at once: exactly one vote is stored, the other is told why", async () => {
    const p = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p]);
    const vote = (choice: string) =>
      recordVote(undefined, form({ id: crypto.randomUUID(), meetingId, agendaItemId: items[0]!, representativeId: reps[1]!, choice }));
    const results = await Promise.all([vote("yes"), vote("no"), vote("yes")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ ok: false, code: "conflict", message: "该代表已对此项投票" });
    expect(await t.prisma.vote.count({ where: { agendaItemId: items[0], representativeId: reps[1] } })).toBe(1);
    // the same vote (same device id) sent again is a replay, not a second vote
    const id = crypto.randomUUID();
    const again = form({ id, meetingId, agendaItemId: items[0]!, representativeId: reps[2]!, choice: "abstain" });
    const [a, b] = await Promise.all([recordVote(undefined, again), recordVote(undefined, again)]);
    expect([a, b].every((r) => r.ok)).toBe(true);
    expect(await t.prisma.vote.count({ where: { agendaItemId: items[0], representativeId: reps[2] } })).toBe(1);
  });

  it("secret-ballot counts that do not add up to the attendance are refused, naming the fields", async () => {
    const p = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p], reps.slice(0, 5));
    const bad = await recordSecretBallot(undefined, form({ meetingId, agendaItemId: items[0]!, yes: 3, no: 1, abstain: 0 }));
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    const fe = (bad as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fe).sort()).toEqual(["abstain", "no", "yes"]);
    expect(fe.yes![0]).toBe("赞成 3 + 反对 1 + 弃权 0 = 4，与出席人数 5 不符");
    const blank = await recordSecretBallot(undefined, form({ meetingId, agendaItemId: items[0]!, yes: "", no: 1, abstain: 1 }));
    expect(blank).toMatchObject({ ok: false, fieldErrors: { yes: ["必填"] } });
    const negative = await recordSecretBallot(undefined, form({ meetingId, agendaItemId: items[0]!, yes: 3, no: -1, abstain: 1 }));
    expect(negative).toMatchObject({ ok: false, fieldErrors: { no: ["不能为负数"] } });
    useLocale("en");
    const en = await recordSecretBallot(undefined, form({ meetingId, agendaItemId: items[0]!, yes: 1, no: 1, abstain: 1 }));
    useLocale("zh-CN");
    expect(en).toMatchObject({ ok: false, fieldErrors: { yes: ["Yes 1 + no 1 + abstain 1 = 3, but 5 attended"] } });
    expect(await recordSecretBallot(undefined, form({ meetingId, agendaItemId: items[0]!, yes: 3, no: 1, abstain: 1 }))).toMatchObject({
      ok: true,
      data: { passed: true },
    });
    // a secret-ballot item takes no roll-call vote
    expect(
      await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[0]!, choice: "yes" })),
    ).toMatchObject({ ok: false, fieldErrors: { agendaItemId: [expect.any(String)] } });
  });
});

describe("closing", () => {
  it("computes each result on attendance (more than half), moves each proposal, and freezes the meeting", async () => {
    const pass = await readyProposal();
    const fail = await readyProposal();
    const { meetingId, items } = await openMeetingWith([pass, fail], reps.slice(0, 5));
    // item 1: 3 yes of 5 attending → passes; item 2: 2 yes, 1 no, 2 not voting → fails (half or less)
    for (const [i, choice] of (["yes", "yes", "yes", "no", "abstain"] as const).entries()) {
      expect(await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[i]!, choice }))).toMatchObject({
        ok: true,
      });
    }
    for (const [i, choice] of (["yes", "yes", "no"] as const).entries()) {
      expect(await recordVote(undefined, form({ meetingId, agendaItemId: items[1]!, representativeId: reps[i]!, choice }))).toMatchObject({
        ok: true,
      });
    }
    expect(await closeMeeting(undefined, form({ meetingId, minutes: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { minutes: ["必填"] },
    });
    const closed = await closeMeeting(undefined, form({ meetingId, minutes: "2026 年评议会：到会代表 5 人，表决两项。" }));
    expect(closed).toMatchObject({
      ok: true,
      data: {
        results: [
          { proposalId: pass, passed: true },
          { proposalId: fail, passed: false },
        ],
      },
    });
    const m = await t.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m).toMatchObject({ state: "closed", quorumMet: true, rosterSize: 6, minutes: expect.stringContaining("评议会") });
    const agenda = await t.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    expect(agenda.map((a) => [a.yes, a.no, a.abstain, a.passed])).toEqual([
      [3, 1, 1, true],
      [2, 1, 0, false],
    ]);
    expect((await t.prisma.proposal.findUniqueOrThrow({ where: { id: pass } })).stage).toBe("voted");
    expect((await t.prisma.proposal.findUniqueOrThrow({ where: { id: fail } })).stage).toBe("failed");
    const step = await t.prisma.procedureStepRecord.findFirstOrThrow({ where: { proposalId: fail, stage: "voted" } });
    expect(step).toMatchObject({ decision: "failed", reason: expect.stringContaining("赞成 2，反对 1，弃权 0，未投票 2；出席 5/6") });

    // any later write is refused with a clear message, and the refusal is audited
    const late = await recordVote(undefined, form({ meetingId, agendaItemId: items[1]!, representativeId: reps[4]!, choice: "yes" }));
    expect(late).toMatchObject({ ok: false, code: "closed", message: "评议会已结束，不能再修改" });
    expect(await recordAttendance(undefined, form({ meetingId, representativeId: reps[5]!, present: true }))).toMatchObject({
      ok: false,
      code: "closed",
    });
    expect(await closeMeeting(undefined, form({ meetingId, minutes: "再次结束" }))).toMatchObject({ ok: false, code: "closed" });
    expect(await t.prisma.auditEvent.count({ where: { action: "meeting.write_refused", entityId: meetingId } })).toBe(3);

    // the database refuses too, whatever the application does
    await expect(t.sql(`UPDATE vote SET choice = 'no' WHERE "agendaItemId" = $1`, [items[0]])).rejects.toThrow(/closed/);
    await expect(t.sql(`DELETE FROM meeting_attendance WHERE "meetingId" = $1`, [meetingId])).rejects.toThrow(/closed/);
    await expect(t.sql(`UPDATE meeting SET state = 'open' WHERE id = $1`, [meetingId])).rejects.toThrow(/closed/);
    expect(await t.prisma.vote.count({ where: { agendaItemId: items[0], choice: "no" } })).toBe(1);
    // and a write that slips past the check (straight through Prisma) gets the same clear message
    const { meetingWrite } = await import("@/lib/data/procedure/meeting-guard");
    const viewer = {
      id: "x",
      role: "facilitator" as const,
      regionId: DANYANG,
      regionLevel: "village" as const,
      name: "",
      username: "",
      regionName: "",
    };
    await expect(
      meetingWrite(viewer, meetingId, "test", () => t.prisma.agendaItem.update({ where: { id: items[0]! }, data: { passed: false } })),
    ).rejects.toMatchObject({ code: "closed", message: "procedure.validation.meetingClosed" });
    expect(
      await t.prisma.auditEvent.count({
        where: { action: "meeting.write_refused", entityId: meetingId, after: { path: ["refusedBy"], equals: "database" } },
      }),
    ).toBe(1);
  });

  it("another village's facilitator can neither vote in nor see the meeting; the attempt is audited", async () => {
    const p = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p]);
    await signInAs(t.prisma, "fac2");
    const r = await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[0]!, choice: "yes" }));
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await t.prisma.auditEvent.count({ where: { action: "access.denied", entityId: "vote.record" } })).toBeGreaterThanOrEqual(1);
    expect(await t.prisma.vote.count({ where: { agendaItemId: items[0] } })).toBe(0);
  });

  it("a vote racing the close is either counted by it or refused — never stored after it", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const p = await readyProposal();
      const { meetingId, items } = await openMeetingWith([p]);
      for (const i of [0, 1, 2])
        await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[i]!, choice: "yes" }));
      const racing = () => recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[3]!, choice: "yes" }));
      const closing = () => closeMeeting(undefined, form({ meetingId, minutes: `第 ${round + 1} 轮` }));
      // started in both orders: the vote first in even rounds, the close first in odd ones
      const [vote, close] =
        round % 2 === 0
          ? await Promise.all([racing(), closing()])
          : await Promise.all([closing(), racing()]).then(([c, v]) => [v, c] as const);
      outcomes.add(vote!.ok ? "counted" : "refused");
      expect(close).toMatchObject({ ok: true });
      const item = await t.prisma.agendaItem.findUniqueOrThrow({ where: { id: items[0]! } });
      const stored = await t.prisma.vote.count({ where: { agendaItemId: items[0] } });
      // whatever the order, the frozen result counts exactly the votes stored
      expect(stored).toBe((item.yes ?? 0) + (item.no ?? 0) + (item.abstain ?? 0));
      if (vote!.ok) expect(stored).toBe(4);
      else {
        expect(vote).toMatchObject({ code: "closed", message: "评议会已结束，不能再修改" });
        expect(stored).toBe(3);
      }
      expect(item.passed).toBe(stored === 4);
    }
    console.info(`[race] outcomes on ${t.kind}: ${[...outcomes].join(", ")}`);
  });
});
