// A department as the source on the appraisal meeting's agenda (issue #19, point 3): a flag from a
// department's feed reaches the household's open proposal with its department and as-of day, and
// the meeting's view shows it apart from the household's own answers; a flag the province made a
// red line excludes the item from the agenda as the household's own flags do.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { createHousehold, createUser, evidenceRow, homeVerified, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { raiseProposal } from "@/lib/actions/proposals/raise-proposal";
import { explainComparison } from "@/lib/actions/proposals/explain-comparison";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { getMeetingView } from "@/lib/data/procedure/meeting-view";
import { getViewer } from "@/lib/auth/session";
import { loadFeed } from "@/lib/feeds/load";
import { memorySource } from "@/lib/import";
import { today } from "@/lib/clock";
import type { DepartmentCode } from "@/lib/domain/feeds";

const DANYANG = "520603201200";
const AS_OF = "2026-01-31";
let t: TestDb;
let officialId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "fac", role: "facilitator", regionId: DANYANG, name: "主持人" });
  officialId = (await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" })).id;
  for (let i = 0; i < 6; i++)
    await t.prisma.representative.create({ data: { villageId: DANYANG, countyId: "520603", name: `代表${i + 1}` } });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

let n = 700;
/** A household whose head has a national ID; a monitoring proposal raised and its comparison explained. */
async function explainedProposal(): Promise<{ householdId: string; proposalId: string; headId: string }> {
  n += 1;
  const h = await createHousehold(t.prisma, { villageId: DANYANG, number: String(n), members: 2, idSeq: 2 * n - 1300 });
  await t.prisma.household.update({ where: { id: h.id }, data: { registeredBusiness: true } }); // the household's own answer
  await t.prisma.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
  const head = await t.prisma.member.findFirstOrThrow({ where: { householdId: h.id, relation: "head" } });
  await signInAs(t.prisma, "fac");
  const proposalId = crypto.randomUUID();
  expect(
    await raiseProposal(
      undefined,
      form({
        id: proposalId,
        householdId: h.id,
        kind: "monitor",
        monitoringCategory: "marginal",
        source: "application",
        reason: "户主申请纳入监测",
        authorisationEvidenceId: (await evidenceRow(t.prisma, h.id)).id,
      }),
    ),
  ).toMatchObject({ ok: true });
  const version = (await t.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;
  expect(await explainComparison(undefined, form({ proposalId, version, explanation: "个体经营已注销" }))).toMatchObject({ ok: true });
  signOut();
  return { householdId: h.id, proposalId, headId: head.nationalId! };
}

async function feed(department: DepartmentCode, line: string, name: string) {
  const r = await loadFeed(t.prisma, memorySource(name, `national_id,fact,date,value,name\n${line}\n`), {
    actor: { id: officialId, role: "county_official" },
    scopeId: "520603",
    department,
    asOf: AS_OF,
    copyUrl: null,
  });
  expect(r.ok).toBe(true);
  return r;
}

describe("a department's flag at the appraisal meeting", () => {
  it("a red-line flag from a department keeps the proposal off the agenda, as the province set", async () => {
    const p = await explainedProposal();
    await t.prisma.policyRow.create({ data: { id: "test-52-red-vehicle", year: 2021, provinceId: "52", values: { redLineVehicle: 1 } } });
    try {
      const r = await feed("public_security", `${p.headId},vehicle,,68000,`, "公安车辆.csv");
      expect(r.counts).toMatchObject({ flags: 1, proposals: 1 });
      const stored = await t.prisma.proposal.findUniqueOrThrow({ where: { id: p.proposalId } });
      expect(stored.flags).toContainEqual({
        code: "vehicle",
        detail: "",
        source: { department: "public_security", asOf: AS_OF },
        redLine: true,
      });
      await homeVerified(t.prisma, p.proposalId);
      await signInAs(t.prisma, "fac");
      const meetingId = crypto.randomUUID();
      expect(await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }))).toMatchObject({ ok: true });
      const added = await addToAgenda(undefined, form({ meetingId, proposalId: p.proposalId }));
      expect(added).toMatchObject({ ok: false, message: expect.stringContaining("比对疑点为本省“红线”，不能列入评议") });
    } finally {
      signOut();
      await t.prisma.policyRow.update({ where: { id: "test-52-red-vehicle" }, data: { active: false } });
    }
  });

  it("shows the department and as-of day of a flag that arrives for an item on the agenda, apart from the household's own", async () => {
    const p = await explainedProposal();
    await homeVerified(t.prisma, p.proposalId);
    await signInAs(t.prisma, "fac");
    const meetingId = crypto.randomUUID();
    expect(await createMeeting(undefined, form({ id: meetingId, date: today(), place: "村委会" }))).toMatchObject({ ok: true });
    expect(await addToAgenda(undefined, form({ meetingId, proposalId: p.proposalId }))).toMatchObject({ ok: true });
    signOut();
    await feed("human_resources", `${p.headId},public_employee,,,`, "人社财政供养.csv");

    await signInAs(t.prisma, "fac");
    const view = await getMeetingView((await getViewer())!, meetingId);
    signOut();
    const item = view!.items.find((i) => i.proposalId === p.proposalId)!;
    const head = await t.prisma.member.findFirstOrThrow({ where: { nationalId: p.headId, active: true } });
    expect(item.flags).toEqual([
      { code: "business", detail: "", redLine: false, source: null },
      { code: "public_employee", detail: head.name, redLine: false, source: { department: "human_resources", asOf: AS_OF } },
    ]);
    expect(item.flagCount).toBe(2);
  });
});
