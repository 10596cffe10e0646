// Procedure v2, votes: attendance, votes and the ballot kind of an item are serialised per meeting
// (the meeting row locked FOR UPDATE), so conflicting requests sent at the same moment never leave
// a vote by an absent representative nor an item holding both kinds; a mis-tapped roll-call vote is
// corrected while the meeting is open (kept in the history); representatives and measures carry a
// device-made id so a retried submission stores once. Race tests are meaningful on PostgreSQL.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { addRepresentative } from "@/lib/actions/meetings/add-representative";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordVote } from "@/lib/actions/meetings/record-vote";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { today } from "@/lib/clock";

const DANYANG = "520603201200";
let t: TestDb;
let reps: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "fac", role: "facilitator", regionId: DANYANG, name: "主持人甲" });
  await createUser(t.prisma, { username: "cadre", role: "cadre", regionId: DANYANG, name: "帮扶干部" });
  reps = [];
  for (const name of ["杨德福", "吴秀英", "龙建国", "姚桂兰", "田志强", "张春梅"]) {
    const r = await t.prisma.representative.create({ data: { villageId: DANYANG, countyId: "520603", name } });
    reps.push(r.id);
  }
});

afterAll(async () => {
  signOut();
  await t?.close();
});

let householdNo = 0;
async function readyProposal(): Promise<string> {
  householdNo += 1;
  const h = await createHousehold(t.prisma, { villageId: DANYANG, number: String(householdNo).padStart(4, "0"), members: 3 });
  await t.prisma.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
  const id = crypto.randomUUID();
  // the proposal goes straight to the agenda: its home verification is not the subject here
  await t.prisma.$transaction(async (tx) => {
    await tx.proposal.create({
      data: {
        id,
        householdId: h.id,
        countyId: "520603",
        villageId: DANYANG,
        kind: "monitor",
        monitoringCategory: "marginal",
        source: "application",
        reason: "测试",
        householdVersion: 1,
        stage: "comparison_explained",
      },
    });
  });
  return id;
}

async function openMeetingWith(proposalIds: string[], present = reps): Promise<{ meetingId: string; items: string[] }> {
  await signInAs(t.prisma, "fac");
  const meetingId = crypto.randomUUID();
  expect(await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会议室" }))).toMatchObject({ ok: true });
  // straight to the agenda (the agenda's own rules are tested elsewhere)
  for (const [i, p] of proposalIds.entries()) {
    await t.prisma.agendaItem.create({ data: { meetingId, proposalId: p, position: i + 1 } });
    await t.prisma.proposal.update({ where: { id: p }, data: { stage: "on_agenda" } });
  }
  expect(await openMeeting(undefined, form({ meetingId }))).toMatchObject({ ok: true, data: { rosterSize: reps.length } });
  for (const r of present)
    expect(await recordAttendance(undefined, form({ meetingId, representativeId: r, present: true }))).toMatchObject({ ok: true });
  const items = await t.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { id: true } });
  return { meetingId, items: items.map((i) => i.id) };
}

describe("no races (point 9): sent at the same moment", () => {
  it("a representative marked absent while their vote is recorded: never a stored vote by an absent person", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const p = await readyProposal();
      const { meetingId, items } = await openMeetingWith([p]);
      const rep = reps[5]!;
      const vote = () =>
        recordVote(undefined, form({ id: crypto.randomUUID(), meetingId, agendaItemId: items[0]!, representativeId: rep, choice: "yes" }));
      const absent = () => recordAttendance(undefined, form({ meetingId, representativeId: rep, present: false }));
      const [v, a] =
        round % 2 === 0 ? await Promise.all([vote(), absent()]) : await Promise.all([absent(), vote()]).then(([x, y]) => [y, x] as const);
      outcomes.add(`${v.ok ? "voted" : "vote-refused"}/${a.ok ? "absent" : "absent-refused"}`);
      const present = (
        await t.prisma.meetingAttendance.findUniqueOrThrow({ where: { meetingId_representativeId: { meetingId, representativeId: rep } } })
      ).present;
      const votes = await t.prisma.vote.count({ where: { agendaItemId: items[0], representativeId: rep } });
      expect({ present, votes, v: v.ok, a: a.ok }).not.toMatchObject({ present: false, votes: 1 });
      expect(v.ok && a.ok).toBe(false);
    }
    console.info(`[race] absent vs vote on ${t.kind}: ${[...outcomes].join(", ")}`);
  });

  it("a secret-ballot count and roll-call votes at once on one item: one kind wins, and the close counts what is stored", async () => {
    for (let round = 0; round < 6; round++) {
      const p = await readyProposal();
      const { meetingId, items } = await openMeetingWith([p]);
      const item = items[0]!;
      const votes = reps
        .slice(0, 3)
        .map(
          (r) => () =>
            recordVote(undefined, form({ id: crypto.randomUUID(), meetingId, agendaItemId: item, representativeId: r, choice: "yes" })),
        );
      const ballot = () => recordSecretBallot(undefined, form({ meetingId, agendaItemId: item, yes: 2, no: 4, abstain: 0 }));
      const all = round % 2 === 0 ? [ballot, ...votes] : [...votes, ballot];
      await Promise.all(all.map((f) => f()));
      const stored = await t.prisma.agendaItem.findUniqueOrThrow({ where: { id: item } });
      const rollCall = await t.prisma.vote.count({ where: { agendaItemId: item } });
      // never both kinds on one item
      if (stored.ballot === "secret") expect(rollCall).toBe(0);
      else expect(stored.yes).toBeNull();
      // and whatever is stored is what the close counts
      if (stored.ballot === "roll_call") {
        for (const r of reps.slice(3))
          await recordVote(undefined, form({ meetingId, agendaItemId: item, representativeId: r, choice: "no" }));
      }
      expect(await closeMeeting(undefined, form({ meetingId, minutes: "记录" }))).toMatchObject({ ok: true });
      const after = await t.prisma.agendaItem.findUniqueOrThrow({ where: { id: item } });
      if (stored.ballot === "roll_call") expect([after.yes, after.no]).toEqual([rollCall, 6 - rollCall]);
      else expect([after.yes, after.no]).toEqual([2, 4]);
    }
  });
});

describe("duplicate submissions (point 12): device-made ids", () => {
  it("three identical representative requests at once store one representative", async () => {
    await signInAs(t.prisma, "fac");
    const id = crypto.randomUUID();
    const send = () => addRepresentative(undefined, form({ id, name: "潘红霞", phone: "13800000000" }));
    const results = await Promise.all([send(), send(), send()]);
    expect(
      results.every((r) => r.ok),
      JSON.stringify(results),
    ).toBe(true);
    expect(await t.prisma.representative.count({ where: { villageId: DANYANG, name: "潘红霞" } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { action: "representative.add", entityId: id } })).toBe(1);
    await t.prisma.representative.update({ where: { id }, data: { active: false } });
  });

  it("three identical measure requests at once store one measure", async () => {
    const { id: cadreId } = await signInAs(t.prisma, "cadre");
    const h = await createHousehold(t.prisma, { villageId: DANYANG, number: "0901", members: 2 });
    await assign(t.prisma, h.id, cadreId);
    const id = crypto.randomUUID();
    const send = () =>
      addMeasure(undefined, {
        id,
        householdId: h.id,
        kind: "industry",
        answers: "lack_of_capital",
        description: "发放鸡苗200只",
        amount: "1500",
        startDate: "2025-04-01",
      });
    const results = await Promise.all([send(), send(), send()]);
    expect(
      results.every((r) => r.ok),
      JSON.stringify(results),
    ).toBe(true);
    expect(await t.prisma.assistanceMeasure.count({ where: { householdId: h.id } })).toBe(1);
    // the same id for another household is not a replay
    const h2 = await createHousehold(t.prisma, { villageId: DANYANG, number: "0902", members: 2 });
    await assign(t.prisma, h2.id, cadreId);
    expect(
      await addMeasure(undefined, {
        id,
        householdId: h2.id,
        kind: "industry",
        answers: "lack_of_capital",
        description: "x",
        amount: "1",
        startDate: "2025-04-01",
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("a mis-tap corrected while the meeting is open (point 8)", () => {
  it("the facilitator changes a recorded roll-call vote; the history keeps who, when, from what to what; closed, nothing changes", async () => {
    const p = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p]);
    const { id: facId } = await signInAs(t.prisma, "fac");
    const item = items[0]!;
    expect(await recordVote(undefined, form({ meetingId, agendaItemId: item, representativeId: reps[0]!, choice: "no" }))).toMatchObject({
      ok: true,
    });
    // a second plain vote is still refused: a correction must say so
    expect(await recordVote(undefined, form({ meetingId, agendaItemId: item, representativeId: reps[0]!, choice: "yes" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const fixed = await recordVote(
      undefined,
      form({ meetingId, agendaItemId: item, representativeId: reps[0]!, choice: "yes", correct: "true" }),
    );
    expect(fixed).toMatchObject({ ok: true, message: "已更正投票（更正记录留存）。" });
    expect((await t.prisma.vote.findFirstOrThrow({ where: { agendaItemId: item, representativeId: reps[0] } })).choice).toBe("yes");
    const history = await t.prisma.voteCorrection.findMany({ where: { meetingId } });
    expect(history).toEqual([
      expect.objectContaining({
        representativeId: reps[0],
        fromChoice: "no",
        toChoice: "yes",
        correctedById: facId,
        correctedAt: expect.any(Date),
      }),
    ]);
    expect(await t.prisma.auditEvent.count({ where: { action: "vote.correct", countyId: "520603" } })).toBeGreaterThanOrEqual(1);
    // nothing to correct for someone who has not voted
    expect(
      await recordVote(undefined, form({ meetingId, agendaItemId: item, representativeId: reps[1]!, choice: "yes", correct: "true" })),
    ).toMatchObject({ ok: false, fieldErrors: { representativeId: ["该代表尚未对此项投票，无需更正"] } });
    for (const r of reps.slice(1, 4))
      await recordVote(undefined, form({ meetingId, agendaItemId: item, representativeId: r, choice: "yes" }));
    expect(await closeMeeting(undefined, form({ meetingId, minutes: "记录" }))).toMatchObject({ ok: true });
    expect((await t.prisma.agendaItem.findUniqueOrThrow({ where: { id: item } })).yes).toBe(4);
    // after closing nothing changes, and the history cannot be rewritten either
    expect(
      await recordVote(undefined, form({ meetingId, agendaItemId: item, representativeId: reps[0]!, choice: "no", correct: "true" })),
    ).toMatchObject({ ok: false, code: "closed" });
    await expect(t.sql(`UPDATE vote_correction SET "toChoice" = 'no' WHERE "meetingId" = $1`, [meetingId])).rejects.toThrow();
    await expect(
      t.sql(
        `INSERT INTO vote_correction (id, "voteId", "meetingId", "agendaItemId", "countyId", "representativeId", "fromChoice") VALUES ('x', 'v', $1, $2, '520603', 'r', 'yes')`,
        [meetingId, item],
      ),
    ).rejects.toThrow(/closed/);
  });
});

describe("absent after voting (point 11)", () => {
  it("is refused with the items voted on, or the votes are withdrawn with a recorded reason; never silently nothing", async () => {
    const p1 = await readyProposal();
    const p2 = await readyProposal();
    const { meetingId, items } = await openMeetingWith([p1, p2]);
    await signInAs(t.prisma, "fac");
    await recordVote(undefined, form({ meetingId, agendaItemId: items[1]!, representativeId: reps[2]!, choice: "yes" }));
    const refused = await recordAttendance(undefined, form({ meetingId, representativeId: reps[2]!, present: false }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("该代表已在第 2 项投票") });
    expect(
      (
        await t.prisma.meetingAttendance.findUniqueOrThrow({
          where: { meetingId_representativeId: { meetingId, representativeId: reps[2]! } },
        })
      ).present,
    ).toBe(true);
    const noReason = await recordAttendance(
      undefined,
      form({ meetingId, representativeId: reps[2]!, present: false, withdrawVotes: "true", reason: " " }),
    );
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ["撤销投票须写明原因"] } });
    const withdrawn = await recordAttendance(
      undefined,
      form({ meetingId, representativeId: reps[2]!, present: false, withdrawVotes: "true", reason: "误登记出席，本人未到会" }),
    );
    expect(withdrawn, JSON.stringify(withdrawn)).toMatchObject({ ok: true, data: { attending: 5, withdrawn: 1 } });
    expect(await t.prisma.vote.count({ where: { agendaItemId: items[1], representativeId: reps[2] } })).toBe(0);
    expect(await t.prisma.voteCorrection.findFirst({ where: { meetingId, representativeId: reps[2] } })).toMatchObject({
      fromChoice: "yes",
      toChoice: null,
      reason: "误登记出席，本人未到会",
    });
    // the whole roster cannot be marked absent while anyone has voted
    await recordVote(undefined, form({ meetingId, agendaItemId: items[0]!, representativeId: reps[0]!, choice: "yes" }));
    expect(await recordAttendance(undefined, form({ meetingId, representativeId: "all", present: false }))).toMatchObject({
      ok: false,
      fieldErrors: { representativeId: [expect.stringContaining("逐人")] },
    });
  });
});
