// The authorization matrix (issue #9): every server action and route handler of the registry
// (authz-registry.ts), called directly — not through the UI — as every actor (no session, admin,
// county official, township official, cadre, facilitator, evaluator), on an object of the
// actor's own scope and on one of another county (another province for the admin). An allowed
// call in scope succeeds and writes only the tables its entry names; every other call is refused
// as unauthenticated / forbidden / not found, returns no data and no household's name or id,
// writes nothing (a row trigger logs every write to every table but the audit log and the
// throttle counters, so an UPDATE counts too), and a signed-in caller's refusal is recorded as an
// access.denied audit event. Then: one object in scope mixed with one outside it, and another's
// client id; lists, details and exports asked for another county through their filters and
// paging; the field-level rules for national IDs and health; a disabled user's live session.
// Fixtures: built once per file (authz-fixtures.ts). AUTHZ_REPORT=<file> writes every call's
// outcome as JSON.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDb, signInAs, signOut, type TestDb, countyIdForTest } from "./helpers";
import { testSession } from "./session-state";
import {
  ACTOR_USER,
  ACTORS,
  SIGNED_IN,
  auditSince,
  buildFixtures,
  snapshot,
  writtenSince,
  type Actor,
  type Fixtures,
  type Scope,
} from "./authz-fixtures";
import {
  REGISTRY,
  callAction,
  callRoute,
  expectation,
  removeImportDirs,
  type Entry,
  type Expectation,
  type RouteRequest,
} from "./authz-registry";
import { getViewer, requireViewer, type Viewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { getHousehold, listMyHouseholds } from "@/lib/data/households";
import { reviewCounty, villageList, exitThreshold } from "@/lib/data/county";
import { householdBatches, villageHouseholds, villageCadres } from "@/lib/data/county-households";
import { assignableHouseholds, searchCountyCadres } from "@/lib/data/county-assignments";
import { listLeads } from "@/lib/data/help";
import { getCardView, listPrintable } from "@/lib/data/card";
import { approvalQueue } from "@/lib/data/procedure/queue";
import { listMeetings } from "@/lib/data/procedure/meetings";
import { getMeetingView } from "@/lib/data/procedure/meeting-view";
import { getProposalView, householdTimeline } from "@/lib/data/procedure/views";
import { countyFollowups, releasedSamples } from "@/lib/data/evaluation/county";
import { listEvaluations } from "@/lib/data/evaluation/evaluations";
import { sampledHousehold } from "@/lib/data/evaluation/household";
import { evaluationDetail } from "@/lib/data/evaluation/detail";
import { evaluationMetrics } from "@/lib/data/evaluation/metrics";
import { getUserForAdmin, listUsers } from "@/lib/data/admin/users";
import { getRegionView, findRegionInScope } from "@/lib/data/admin/regions";
import { villageOverview, countiesOverview } from "@/lib/data/overview";
import { changeUserRole } from "@/lib/actions/admin/change-user-role";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { setUserDisabled } from "@/lib/actions/admin/set-user-disabled";
import { issueCards } from "@/lib/actions/card/issue-cards";
import { assignHousehold } from "@/lib/actions/county/assign-household";
import { bulkAssign } from "@/lib/actions/county/bulk-assign";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import { saveQuestionnaire } from "@/lib/actions/evaluation/save-questionnaire";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { registerHousehold } from "@/lib/actions/households/register-household";
import { updateHousehold } from "@/lib/actions/households/update-household";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { recordVote } from "@/lib/actions/meetings/record-vote";
import { announce } from "@/lib/actions/procedure/announce";
import { lodgeObjection } from "@/lib/actions/procedure/lodge-objection";
import { publishNotice } from "@/lib/actions/procedure/publish-notice";
import { publishSecondNotice } from "@/lib/actions/procedure/publish-second-notice";
import { raiseProposal } from "@/lib/actions/proposals/raise-proposal";
import { logVisit } from "@/lib/actions/visits/log-visit";
import { GET as drawJson } from "@/app/(app)/evaluator/[id]/draw.json/route";
import { GET as frozenList } from "@/app/(app)/evaluator/[id]/frozen-list.csv/route";
import { GET as exportHouseholds } from "@/app/api/county/export/households/route";
import { GET as exportVillages } from "@/app/api/county/export/villages/route";
import { GET as evidenceFile } from "@/app/api/evidence/[id]/route";

// next-auth's route handler reads cookies() and headers() from Next's request store (through a
// CommonJS require the setup's mock of next/headers does not reach): give Next a real
// AsyncLocalStorage before its modules load, as its own server does (see the registry's
// inNextRequestScope).
vi.hoisted(() => {
  const { AsyncLocalStorage } = process.getBuiltinModule("node:async_hooks") as typeof import("node:async_hooks");
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
});

let t: TestDb;
let fx: Fixtures;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-authz-"));
  process.env.UPLOAD_DIR = uploadDir;
  t = await createTestDb();
  fx = await buildFixtures(t, uploadDir);
  // the fixtures take one of every record through real actions: on a loaded machine this passed
  // the 60 s default hook timeout before any test ran (seen by four engineers on 2026-12-05)
}, 300_000);

afterAll(async () => {
  signOut();
  await t?.close();
  if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
  removeImportDirs();
});

const DENIALS = ["unauthenticated", "forbidden", "not_found"];

/** The actors' sessions (their session versions do not change during the matrix). */
const sessions = new Map<Actor, { uid: string; sv: number }>();
async function actAs(actor: Actor): Promise<void> {
  if (actor === "anon") return signOut();
  const known = sessions.get(actor);
  if (known) {
    testSession.current = { ...known };
    return;
  }
  await signInAs(t.prisma, ACTOR_USER[actor]);
  sessions.set(actor, { ...testSession.current! });
}

async function viewerOf(username: string): Promise<Viewer> {
  await signInAs(t.prisma, username);
  const v = await getViewer();
  if (!v) throw new Error(`no viewer for ${username}`);
  return v;
}

function leaks(text: string, markers: readonly string[]): string[] {
  return markers.filter((m) => text.includes(m));
}

interface Ran {
  result?: unknown;
  status?: number;
  body?: string;
  changed: string[];
  audits: { action: string; actorId: string | null; entity: string }[];
}

async function run(entry: Entry, actor: Actor, scope: Scope): Promise<Ran> {
  await actAs(actor);
  const prepared = entry.kind === "action" ? await entry.input(fx, scope, actor) : await entry.request(fx, scope, actor);
  const before = await snapshot(t);
  let ran: Omit<Ran, "changed" | "audits">;
  if (entry.kind === "action") {
    ran = { result: await callAction(entry, prepared) };
  } else {
    const r = prepared as RouteRequest;
    const res = await callRoute(entry, new NextRequest(new URL(r.url, "http://localhost:3000"), r.init as never), r.params ?? {});
    ran = { status: res.status, body: await res.text() };
  }
  return { ...ran, changed: await writtenSince(t, before), audits: await auditSince(t, before.auditMax) };
}

function check(entry: Entry, actor: Actor, scope: Scope, exp: Expectation, ran: Ran, userId: string | null) {
  const shown = entry.kind === "action" ? (JSON.stringify(ran.result) ?? "") : `${ran.status} ${ran.body}`;
  const outMarkers = actor === "admin" ? fx.markers.foreign : fx.markers.out;
  if (exp === "allowed") {
    if (entry.kind === "action") {
      // set-locale answers nothing; everything else answers { ok: true, … } (or its one expected refusal)
      const r = ran.result as { ok?: boolean; code?: string } | undefined;
      if (r !== undefined && !(entry.refusal && r.ok === false && r.code === entry.refusal.code))
        expect(r, shown).toMatchObject({ ok: true });
    } else {
      expect(ran.status, shown.slice(0, 300)).toBe(entry.okStatus ?? 200);
    }
    expect(
      ran.changed.filter((x) => !entry.writes.includes(x)),
      "wrote outside its entry's tables",
    ).toEqual([]);
    return;
  }
  // every refusal: nothing written, nothing of any household in the answer
  expect(ran.changed, `wrote on a refusal: ${shown.slice(0, 300)}`).toEqual([]);
  expect(leaks(shown, fx.markers.all), "household data in a refusal").toEqual([]);
  if (exp === "filtered") {
    expect(leaks(shown, outMarkers), "the other scope's data in the answer").toEqual([]);
    return;
  }
  if (entry.kind === "route") {
    if (actor === "anon") expect(ran.status, shown).toBe(401);
    else expect([401, 403, 404], shown.slice(0, 300)).toContain(ran.status);
  } else {
    const r = ran.result as { ok?: boolean; code?: string; fieldErrors?: Record<string, string[]> } & Record<string, unknown>;
    expect(r?.ok, shown).toBe(false);
    expect("data" in r, `data in a refusal: ${shown}`).toBe(false);
    if (exp === "field") {
      // refused on the form's field, and still recorded as a scope refusal below
      expect(r.code, shown).toBe("invalid");
      expect(r.fieldErrors?.[entry.field!]?.length, shown).toBeGreaterThan(0);
    } else if (exp === "unknown_key") {
      expect(r.code, shown).toBe("not_found");
      return;
    } else if (actor === "anon") expect(r.code, shown).toBe("unauthenticated");
    else expect(DENIALS, shown).toContain(r.code);
  }
  if (userId) {
    expect(
      ran.audits.some((a) => a.action === "access.denied" && a.actorId === userId),
      `no access.denied audit for ${actor}: ${JSON.stringify(ran.audits)} ${shown.slice(0, 200)}`,
    ).toBe(true);
  }
}

interface Case {
  actor: Actor;
  scope: Scope;
  exp: Expectation;
}

function casesOf(entry: Entry): Case[] {
  const cases: Case[] = [];
  for (const actor of ACTORS) {
    for (const scope of ["in", "out"] as const) {
      const exp = expectation(entry, actor, scope);
      if (exp) cases.push({ actor, scope, exp });
    }
  }
  // refusals first: an allowed call changes the state the others would find
  return [...cases.filter((c) => c.exp !== "allowed"), ...cases.filter((c) => c.exp === "allowed")];
}

const report: { id: string; actor: Actor; scope: Scope; exp: Expectation; got: string }[] = [];

describe.each(REGISTRY.map((e) => [e.id, e] as const))("%s", (_id, entry) => {
  it.each(casesOf(entry))("$actor × $scope scope → $exp", async ({ actor, scope, exp }) => {
    const userId = actor === "anon" ? null : fx.users[ACTOR_USER[actor]]!;
    const ran = await run(entry, actor, scope);
    const r = ran.result as { ok?: boolean; code?: string } | undefined;
    report.push({
      id: entry.id,
      actor,
      scope,
      exp,
      got: entry.kind === "route" ? String(ran.status) : r === undefined ? "void" : r.ok ? "ok" : String(r.code),
    });
    check(entry, actor, scope, exp, ran, userId);
  });
});

afterAll(() => {
  if (process.env.AUTHZ_REPORT) fs.writeFileSync(process.env.AUTHZ_REPORT, JSON.stringify(report, null, 1));
});

// ───────────────────────────── lists and exports asked for another county ─────────────────────────────

describe("lists and exports with filters and paging that reach for another county", () => {
  it("county pages: another county is not found; its village, township and cadre as filters find nothing", async () => {
    const official = await viewerOf("official");
    await expect(reviewCounty(official, "520602")).rejects.toMatchObject({ code: "not_found" });
    await expect(reviewCounty(await viewerOf("township"))).rejects.toMatchObject({ code: "not_found" });
    await expect(reviewCounty(await viewerOf("cadre"))).rejects.toMatchObject({ code: "not_found" });
    const threshold = await exitThreshold("520603", "west");
    for (const opts of [{ township: fx.out.townshipId }, { q: "碧江" }, { page: 2, pageSize: 1 }, { page: 99 }]) {
      const list = await villageList(countyIdForTest("520603"), threshold, opts);
      expect(leaks(JSON.stringify(list), fx.markers.out), JSON.stringify(opts)).toEqual([]);
    }
    const cadre2 = fx.users.cadre2!;
    for (const [county, village, p] of [
      ["520603", fx.out.villageId, {}],
      ["520602", fx.out.villageId, {}],
      ["520602", fx.out.villageId, { cadre: cadre2, page: 1 }],
      ["520603", fx.in.villageId, { cadre: cadre2 }],
      ["520603", fx.in.villageId, { q: "碧江", size: "20", page: 2 }],
    ] as const) {
      const rows = await villageHouseholds(official, countyIdForTest(county), village, p);
      expect(leaks(JSON.stringify(rows), fx.markers.out), `${county} ${village} ${JSON.stringify(p)}`).toEqual([]);
    }
    const batches: unknown[] = [];
    for await (const b of householdBatches(official, { countyId: "520602" }, {})) batches.push(...b);
    for await (const b of householdBatches(official, { countyId: "520602", villageId: fx.out.villageId }, { cadre: cadre2 }))
      batches.push(...b);
    expect(batches).toEqual([]);
    expect(leaks(JSON.stringify(await villageCadres(countyIdForTest("520603"), fx.out.villageId)), fx.markers.out)).toEqual([]);
    expect(leaks(JSON.stringify(await searchCountyCadres(countyIdForTest("520603"), "碧江", fx.out.villageId)), fx.markers.out)).toEqual(
      [],
    );
    const assignable = await assignableHouseholds(official, countyIdForTest("520603"), { village: fx.out.villageId, show: "all" } as never);
    expect(leaks(JSON.stringify(assignable), fx.markers.out)).toEqual([]);
  });

  it("the CSV exports: another county's village is not found (audited); other filters answer only the own county", async () => {
    const officialId = (await signInAs(t.prisma, "official")).id;
    const get = async (query: string, route = exportHouseholds) => {
      const res = await route(new Request(`http://localhost:3000/api/county/export/x${query}`));
      return { status: res.status, body: await res.text() };
    };
    const before = await snapshot(t);
    expect((await get(`?village=${fx.out.villageId}`)).status).toBe(404);
    expect((await auditSince(t, before.auditMax)).some((a) => a.action === "access.denied" && a.actorId === officialId)).toBe(true);
    for (const q of [
      `?cadre=${fx.users.cadre2}`,
      "?q=碧江",
      `?q=${fx.out.household}`,
      "?page=2&size=50",
      "?sort=head&dir=desc",
      `?village=${fx.in.villageId}&cadre=${fx.users.cadre2}`,
      // parameters the export does not take are no way around the county either
      `?villageId=${fx.out.villageId}`,
      `?regionId=${fx.out.countyId}`,
      `?county=${fx.out.countyId}`,
      `?countyId=${fx.out.countyId}&page=1`,
      `?township=${fx.out.townshipId}`,
    ]) {
      const r = await get(q);
      expect([200, 400], q).toContain(r.status);
      expect(leaks(r.body, fx.markers.out), q).toEqual([]);
    }
    const full = await get("");
    expect(full.status).toBe(200);
    expect(full.body).toContain(fx.nationalIds.in[0]!); // the county official sees the county's IDs in full
    for (const q of [
      `?township=${fx.out.townshipId}`,
      "?q=碧江",
      "?page=3",
      "?inc=above&sort=incidence",
      `?regionId=${fx.out.countyId}`,
      `?county=${fx.out.countyId}&page=1`,
    ]) {
      const r = await get(q, exportVillages);
      expect([200, 400], q).toContain(r.status);
      expect(leaks(r.body, fx.markers.out), q).toEqual([]);
    }
    expect(await writtenSince(t, before)).toEqual([]);
  });

  it("an evaluation's draw files reach the county only after the release (the embargo), audited", async () => {
    const officialId = (await signInAs(t.prisma, "official")).id;
    const before = await snapshot(t);
    for (const route of [drawJson, frozenList]) {
      const res = await route(new Request("http://localhost:3000/x"), { params: Promise.resolve({ id: fx.in.evaluations.drawn }) });
      expect(res.status).toBe(404);
      expect(leaks(await res.text(), fx.markers.all)).toEqual([]);
    }
    expect((await auditSince(t, before.auditMax)).filter((a) => a.action === "access.denied" && a.actorId === officialId)).toHaveLength(2);
    expect(await writtenSince(t, before)).toEqual([]);
  });

  it("every other list a role sees stays in its scope", async () => {
    const lists: [string, () => Promise<unknown>][] = [
      ["cadre: my households", async () => listMyHouseholds(await viewerOf("cadre"), { q: "碧江" })],
      ["cadre: my households, page 2", async () => listMyHouseholds(await viewerOf("cadre"), { page: 2 })],
      ["official: my households", async () => listMyHouseholds(await viewerOf("official"))],
      ["township: leads", async () => listLeads(await viewerOf("township"), { filter: "all" })],
      ["official: leads", async () => listLeads(await viewerOf("official"), { filter: "all", page: 2 })],
      ["cadre: leads", async () => listLeads(await viewerOf("cadre"), { filter: "all" })],
      ["official: approval queue", async () => approvalQueue(await viewerOf("official"))],
      ["township: approval queue", async () => approvalQueue(await viewerOf("township"))],
      ["facilitator: meetings", async () => listMeetings(await viewerOf("facilitator"))],
      ["facilitator: village overview", async () => villageOverview(await viewerOf("facilitator"))],
      ["evaluator: counties overview", async () => countiesOverview(await viewerOf("evaluator"))],
      ["evaluator: evaluations", async () => listEvaluations(await viewerOf("evaluator"))],
      ["official: released samples of the other county", async () => releasedSamples(await viewerOf("official"), "520602")],
      ["official: follow-ups of the other county", async () => countyFollowups(await viewerOf("official"), { countyId: "520602" })],
    ];
    for (const [what, list] of lists) expect(leaks(JSON.stringify(await list()), fx.markers.out), what).toEqual([]);
    // a page's single record of another scope: nothing (null or "not found")
    const nothing = async (what: string, read: () => Promise<unknown>) => {
      let out: unknown;
      try {
        out = await read();
      } catch (e) {
        expect((e as { code?: string }).code, what).toBe("not_found");
        return;
      }
      expect(out, what).toBeNull();
    };
    await nothing("facilitator: the other county's meeting", async () =>
      getMeetingView(await viewerOf("facilitator"), fx.out.meetings.open),
    );
    await nothing("official: the other county's proposal", async () =>
      getProposalView(await viewerOf("official"), fx.out.proposals.explained),
    );
    await nothing("township: the other county's proposal", async () =>
      getProposalView(await viewerOf("township"), fx.out.proposals.townshipReview),
    );
    await nothing("cadre: another county's household's timeline", async () => householdTimeline(await viewerOf("cadre"), fx.out.household));
    await nothing("evaluator: another team's evaluation", async () =>
      evaluationDetail(await viewerOf("evaluator"), fx.out.evaluations.drawn),
    );
    await nothing("evaluator: another team's metrics", async () =>
      evaluationMetrics(await viewerOf("evaluator"), fx.out.evaluations.drawn),
    );
    await nothing("admin: a user of another province", async () => getUserForAdmin(await viewerOf("admin"), fx.foreign.user));
    await nothing("admin: a region of another province", async () => getRegionView(await viewerOf("admin"), fx.foreign.provinceId));
    await nothing("admin: a village of another province", async () => findRegionInScope(await viewerOf("admin"), fx.foreign.villageId));
    for (const u of ["cadre", "official"]) {
      const printable = await listPrintable(await viewerOf(u), { villageId: fx.out.villageId });
      expect(printable.households, u).toEqual([]);
    }
    const admin = await viewerOf("admin");
    expect(leaks(JSON.stringify(await listUsers(admin, { q: "外省" })), [fx.foreign.user, "外省干部"])).toEqual([]);
    expect(leaks(JSON.stringify(await listUsers(admin, { page: 2 })), [fx.foreign.user, "外省干部"])).toEqual([]);
  });
});

// ───────────────────────────── one object in scope, another outside ─────────────────────────────

describe("an allowed caller mixing an object of their scope with one outside it, or another's client id", () => {
  type Call = [what: string, username: string, call: () => Promise<unknown>];
  const member = async (householdId: string) =>
    (await t.prisma.member.findFirstOrThrow({ where: { householdId }, select: { id: true } })).id;
  const v = async (table: "household" | "proposal", id: string) =>
    (await t.sql<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0]!.version;
  const calls = (): Call[] => [
    [
      "agenda: own meeting, other county's proposal",
      "facilitator",
      () => addToAgenda(undefined, { meetingId: fx.in.meetings.draft, proposalId: fx.out.proposals.explained }),
    ],
    [
      "attendance: own meeting, other county's representative",
      "facilitator",
      () => recordAttendance(undefined, { meetingId: fx.in.meetings.open, representativeId: fx.out.reps[0], present: "true" }),
    ],
    [
      "vote: own meeting, other county's item",
      "facilitator",
      () =>
        recordVote(undefined, {
          meetingId: fx.in.meetings.open,
          agendaItemId: fx.out.openItems.rollCall,
          representativeId: fx.in.reps[1],
          choice: "yes",
        }),
    ],
    [
      "vote: own meeting and item, other county's representative",
      "facilitator",
      () =>
        recordVote(undefined, {
          meetingId: fx.in.meetings.open,
          agendaItemId: fx.in.openItems.rollCall,
          representativeId: fx.out.reps[1],
          choice: "yes",
        }),
    ],
    [
      "ballot: own meeting, other county's item",
      "facilitator",
      () =>
        recordSecretBallot(undefined, {
          meetingId: fx.in.meetings.open,
          agendaItemId: fx.out.openItems.secret,
          yes: "5",
          no: "1",
          abstain: "0",
        }),
    ],
    [
      "first notice: own meeting, other county's proposal",
      "facilitator",
      () =>
        publishNotice(undefined, {
          id: crypto.randomUUID(),
          meetingId: fx.in.meetings.closed,
          proposalIds: [fx.out.proposals.voted],
          startDate: today(),
        }),
    ],
    [
      "announcement: other county's proposal among the own",
      "official",
      () => announce(undefined, { id: crypto.randomUUID(), proposalIds: [fx.in.proposals.countyApprove, fx.out.proposals.announce] }),
    ],
    [
      "second notice: other county's proposal among the own",
      "township",
      () =>
        publishSecondNotice(undefined, {
          id: crypto.randomUUID(),
          proposalIds: [fx.in.proposals.secondNotice.township, fx.out.proposals.secondNotice.township],
          startDate: today(),
        }),
    ],
    [
      "questionnaire: own evaluation, other county's household",
      "evaluator",
      () =>
        saveQuestionnaire(undefined, {
          id: crypto.randomUUID(),
          evaluationId: fx.in.evaluations.drawn,
          householdId: fx.out.sampled,
          income: { wages: "1", business: "0", businessCosts: "0", property: "0", transfers: "0" },
          indicators: {
            income: { evidence: [] },
            ...Object.fromEntries(
              ["food", "clothing", "medical", "housing", "water", "education"].map((k) => [k, { met: "true", evidence: [] }]),
            ),
          },
          approval: "approve",
          notes: "",
        }),
    ],
    [
      "monitoring application: own household, other county's authorisation",
      "facilitator",
      async () =>
        raiseProposal(undefined, {
          id: crypto.randomUUID(),
          householdId: fx.in.raise.facilitator,
          kind: "monitor",
          monitoringCategory: "marginal",
          source: "application",
          reason: "户主申请",
          authorisationEvidenceId: fx.out.evidenceAgreement,
        }),
    ],
    [
      "assignment: own household, other county's cadre",
      "official",
      () => assignHousehold(undefined, { householdId: fx.in.unassigned, cadreId: fx.users.cadre2, reason: "调整" }),
    ],
    [
      "bulk assignment: other county's household among the own",
      "official",
      () =>
        bulkAssign(undefined, {
          mode: "selected",
          householdIds: [fx.in.unassigned, fx.out.unassigned],
          cadreIds: [fx.spareCadre],
          reason: "调整",
        }),
    ],
    [
      "bulk assignment by filter: other county's village",
      "official",
      () =>
        bulkAssign(undefined, {
          mode: "filter",
          village: fx.out.villageId,
          show: "all",
          need: "0",
          cadreIds: [fx.spareCadre],
          reason: "调整",
        }),
    ],
    [
      "register: own village, split from another county's household",
      "cadre",
      () =>
        registerHousehold(undefined, {
          villageId: fx.in.villageId,
          number: `S${fx.counter()}`,
          splitFromId: fx.out.household,
          splitAt: today(),
          members: [{ name: "分户户主", sex: "male", birthDate: "1985-05-01", relation: "head" }],
        }),
    ],
    [
      "correction: own household, another county's member",
      "cadre",
      async () =>
        updateHousehold(undefined, {
          householdId: fx.in.household,
          baseVersion: await v("household", fx.in.household),
          reason: "更正",
          changes: { members: [{ id: await member(fx.out.household), laborCapacity: "none" }] },
        }),
    ],
    [
      "visit: own household, another county's member updated",
      "cadre",
      async () =>
        logVisit(undefined, {
          clientVisitId: crypto.randomUUID(),
          householdId: fx.in.household,
          baseVersion: await v("household", fx.in.household),
          date: today(),
          mode: "home",
          findings: "走访",
          confirmation: "read_back",
          updates: { members: [{ id: await member(fx.out.household), laborCapacity: "none" }] },
        }),
    ],
    ["cards: another county's village", "official", () => issueCards(undefined, { villageId: fx.out.villageId, reissue: true })],
    ["cards: another county's village (cadre)", "cadre", () => issueCards(undefined, { villageId: fx.out.villageId, reissue: true })],
    [
      "role change: own user into another province",
      "admin",
      () => changeUserRole(undefined, { userId: fx.victim, role: "cadre", regionId: fx.foreign.villageId }),
    ],
    // a client id (the device's) someone else used is never answered as a replay of theirs
    [
      "objection id of another's objection",
      "official2",
      async () => {
        const o = await t.prisma.objection.findFirstOrThrow({
          where: { proposalId: fx.in.proposals.sendBack.official },
          select: { id: true, proposalId: true },
        });
        return lodgeObjection(undefined, { id: o.id, proposalId: o.proposalId, text: "重复" });
      },
    ],
    [
      "objection id of another's objection (same county)",
      "cadre",
      async () => {
        const o = await t.prisma.objection.findFirstOrThrow({
          where: { proposalId: fx.in.proposals.sendBack.facilitator },
          select: { id: true, proposalId: true },
        });
        return lodgeObjection(undefined, { id: o.id, proposalId: o.proposalId, text: "重复" });
      },
    ],
    [
      "meeting id of another's meeting",
      "facilitator2",
      () => createMeeting(undefined, { id: fx.in.meetings.draft, date: today(), place: "村委会" }),
    ],
    [
      "proposal id of another's proposal",
      "cadre2",
      () =>
        raiseProposal(undefined, {
          id: fx.in.proposals.explained,
          householdId: fx.out.raise.cadre,
          kind: "monitor",
          monitoringCategory: "marginal",
          source: "cadre",
          reason: "申请",
        }),
    ],
    [
      "evaluation id of another's evaluation",
      "evaluator2",
      () =>
        createEvaluation(undefined, {
          id: fx.in.evaluations.drawn,
          countyId: "520602",
          year: String(new Date().getFullYear()),
          name: "x",
          team: [],
          plan: { villages: "1", sharePercent: "100", capPerVillage: "200", includeAllExited: true },
        }),
    ],
    [
      "visit id of another's visit",
      "cadre2",
      async () =>
        logVisit(undefined, {
          clientVisitId: fx.in.conflictVisit,
          householdId: fx.out.household,
          baseVersion: await v("household", fx.out.household),
          date: today(),
          mode: "home",
          findings: "走访",
          confirmation: "read_back",
        }),
    ],
    [
      "notice id of another's notice",
      "official2",
      async () => {
        const n = await t.prisma.notice.findFirstOrThrow({ where: { countyId: "520603" }, select: { id: true } });
        return announce(undefined, { id: n.id, proposalIds: [fx.out.proposals.announce] });
      },
    ],
  ];

  it.each(calls().map((c) => [c[0], c[1]] as const))(
    "%s (%s): refused, nothing of the other scope returned or written",
    async (what, username) => {
      const call = calls().find((c) => c[0] === what)![2];
      await signInAs(t.prisma, username);
      const before = await snapshot(t);
      const r = (await call()) as { ok: boolean; code?: string; data?: { cards?: unknown[] } };
      const shown = JSON.stringify(r);
      expect(await writtenSince(t, before), shown).toEqual([]);
      expect(leaks(shown, username.endsWith("2") ? fx.markers.all : fx.markers.out), shown).toEqual([]);
      if (what.startsWith("cards:")) {
        // a village print only ever covers the viewer's own households: here, none
        expect(r.ok ? r.data?.cards : [], shown).toEqual([]);
      } else {
        expect(r.ok, shown).toBe(false);
        if (what.includes(" id of another's")) expect(r.code, shown).toBe("not_found");
      }
    },
  );
});

// ───────────────────────────── national IDs and health ─────────────────────────────

describe("national IDs and health details only for the roles that may see them", () => {
  // full IDs and health: the household's own cadre and the county's officials (county or township)
  const FULL: Record<Exclude<Actor, "anon">, "full" | "masked" | "none"> = {
    admin: "masked",
    official: "full",
    township: "full",
    cadre: "full",
    facilitator: "masked",
    evaluator: "none",
    auditor: "none",
  };

  it.each(SIGNED_IN.map((a) => [a, FULL[a as Exclude<Actor, "anon">]] as const))(
    "%s: the household page's data shows %s IDs and health",
    async (actor, rule) => {
      const viewer = await viewerOf(ACTOR_USER[actor as Exclude<Actor, "anon">]);
      const h = await getHousehold(viewer, fx.in.household);
      if (rule === "none") {
        expect(h).toBeNull();
        return;
      }
      expect(h).not.toBeNull();
      const text = JSON.stringify(h);
      const ids = h!.members.map((m) => m.nationalId);
      if (rule === "full") {
        expect(ids.sort()).toEqual([...fx.nationalIds.in].sort());
        expect(h!.members.map((m) => m.health).sort()).toEqual(["chronic", "disabled", "serious_illness"]);
        expect(text).toContain("肢体残疾二级");
      } else {
        for (const id of fx.nationalIds.in) expect(text).not.toContain(id);
        for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
        for (const m of h!.members) expect(m.health, "health for a role that may not see it").toBeNull();
        expect(text).not.toContain("肢体残疾二级");
        expect(text).not.toMatch(/serious_illness|"disabled"|chronic/);
      }
    },
  );

  it("a cadre of the same village who does not serve the household, and the other county, read nothing", async () => {
    expect(await getHousehold(await viewerOf("cadreSpare"), fx.in.household)).toBeNull();
    for (const u of ["official", "township", "cadre", "facilitator"])
      expect(await getHousehold(await viewerOf(u), fx.out.household), u).toBeNull();
    expect(await getHousehold(await viewerOf("admin"), fx.foreign.household)).toBeNull();
  });

  it("the evaluator's sampled household: IDs masked; the public card: no ID and no health", async () => {
    const viewer = await viewerOf("evaluator");
    const sampled = await sampledHousehold(viewer, fx.in.evaluations.drawn, fx.in.sampled);
    for (const id of fx.nationalIds.in) expect(JSON.stringify(sampled)).not.toContain(id);
    const card = await getCardView(fx.in.household);
    const text = JSON.stringify(card);
    for (const id of fx.nationalIds.in) expect(text).not.toContain(id);
    expect(text).not.toMatch(/serious_illness|肢体残疾/);
    // the evaluator never reaches the other county's sample
    await expect(sampledHousehold(viewer, fx.out.evaluations.drawn, fx.out.sampled)).rejects.toMatchObject({ code: "not_found" });
  });
});

// ───────────────────────────── a disabled user's live session ─────────────────────────────

describe("a disabled user's live session is refused at once", () => {
  it("the admin disables the user: the very next action, data read and route call are unauthenticated", async () => {
    const live = await signInAs(t.prisma, "live");
    const session = { ...testSession.current! };
    await t.prisma.cadreAssignment.create({
      data: { householdId: fx.in.household, cadreId: live.id, countyId: "520603", validFrom: new Date("2024-01-01") },
    });
    expect((await getViewer())?.id).toBe(live.id);
    expect(await getHousehold((await getViewer())!, fx.in.household)).not.toBeNull();

    await signInAs(t.prisma, "admin");
    expect(await setUserDisabled(undefined, { userId: live.id, disabled: "true" })).toMatchObject({ ok: true });

    testSession.current = session; // the disabled user's cookie, still presented
    expect(await getViewer()).toBeNull();
    await expect(requireViewer()).rejects.toMatchObject({ code: "unauthenticated" });
    const before = await snapshot(t);
    expect(
      await addMeasure(undefined, {
        householdId: fx.in.household,
        kind: "industry",
        answers: "lack_of_capital",
        description: "x",
        amount: "1",
        startDate: today(),
      }),
    ).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(
      (await evidenceFile(new Request("http://localhost:3000/api/evidence/x"), { params: Promise.resolve({ id: fx.in.evidence }) })).status,
    ).toBe(401);
    expect((await exportHouseholds(new Request("http://localhost:3000/api/county/export/households"))).status).toBe(401);
    expect(await writtenSince(t, before)).toEqual([]);
  });

  it("a password reset by the admin ends the user's live session at once as well", async () => {
    await signInAs(t.prisma, "cadre2");
    const session = { ...testSession.current! };
    expect(await getViewer()).not.toBeNull();
    await signInAs(t.prisma, "admin");
    expect(
      await resetUserPassword(undefined, {
        userId: fx.users.cadre2,
        password: "Another-long-password-2",
        confirm: "Another-long-password-2",
      }),
    ).toMatchObject({ ok: true });
    testSession.current = session;
    expect(await getViewer()).toBeNull();
    signOut();
  });

  it("disabled without a new session version (a direct change) is refused too; so is an old version", async () => {
    const u = await signInAs(t.prisma, "cadre");
    const session = { ...testSession.current! };
    await t.prisma.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect(await getViewer()).toBeNull();
    await t.prisma.user.update({ where: { id: u.id }, data: { disabled: false } });
    expect((await getViewer())?.id).toBe(u.id);
    testSession.current = { ...session, sv: session.sv - 1 };
    expect(await getViewer()).toBeNull();
    signOut();
  });
});
