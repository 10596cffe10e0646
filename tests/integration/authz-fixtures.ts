// The fixtures of the authorization matrix (tests/integration/authz-matrix.test.ts), built once per
// file: two counties of Tongren (万山区 520603 "in", 碧江区 520602 "out") with the same kinds of
// object on each side (one per kind on the "out" side, where every call is refused), a third province (云南 53, "foreign") for the admin whose scope is all of Guizhou,
// a user of every role, and, per side, the appraisal procedure run with the actions themselves up
// to each stage an action needs (old notices by pinning the clock back, as procedure.test.ts does).
// Also: the write log that tells whether a call wrote anything (a row trigger on every table but
// the audit log and the throttle counters).
import { makeNationalId } from "@/lib/national-id";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { form, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, homeVerified, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { lodgeObjectionFromCard } from "@/lib/data/procedure/objections";
import { generateToken } from "@/lib/card/token";
import { currentYear, today } from "@/lib/clock";
import { addDays } from "@/lib/domain/working-days";
import { raiseProposal } from "@/lib/actions/proposals/raise-proposal";
import { createMeeting } from "@/lib/actions/meetings/create-meeting";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { publishNotice } from "@/lib/actions/procedure/publish-notice";
import { townshipReview } from "@/lib/actions/procedure/township-review";
import { countyApprove } from "@/lib/actions/procedure/county-approve";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import { drawSample } from "@/lib/actions/evaluation/draw-sample";
import { saveQuestionnaire } from "@/lib/actions/evaluation/save-questionnaire";

export const ACTORS = ["anon", "admin", "official", "township", "cadre", "facilitator", "evaluator", "auditor"] as const;
export type Actor = (typeof ACTORS)[number];
export type Scope = "in" | "out";
export const SIGNED_IN = ACTORS.filter((a) => a !== "anon");
export const EVERYONE: readonly Actor[] = ACTORS;

/** The username each actor signs in as (all act from 万山区, the "in" side). */
export const ACTOR_USER: Record<Exclude<Actor, "anon">, string> = {
  admin: "admin",
  official: "official",
  township: "township",
  cadre: "cadre",
  facilitator: "facilitator",
  evaluator: "evaluator",
  auditor: "auditor",
};

export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** Everything of one county an action may target. */
export interface Side {
  countyId: string;
  townshipId: string;
  villageId: string;
  /** the main household: assigned to the side's cadre; national IDs and health on its members */
  household: string;
  /** households a proposal is raised for, by actor (each can take a fresh proposal) */
  raise: { cadre: string; facilitator: string; cadreOpen: string; facilitatorOpen: string };
  /** no cadre yet: the county assigns it */
  unassigned: string;
  evidence: string;
  evidenceAgreement: string;
  conflictVisit: string;
  followUp: string;
  lead: string;
  proposals: {
    explained: string;
    flaggedCadre: string;
    flaggedFacilitator: string;
    exit: string;
    townshipReview: string;
    countyApprove: string;
    /** the reviewer's own return: township (first notice ended), official (after the township review) */
    reviewReturn: { township: string; official: string };
    announce: string;
    secondNotice: { facilitator: string; township: string };
    objection: { facilitator: string; cadre: string; official: string; township: string };
    sendBack: { facilitator: string; township: string; official: string };
    cardObjection: string;
    voted: string;
    exitVoted: string;
  };
  meetings: { draft: string; toOpen: string; open: string; toClose: string; closed: string };
  openItems: { secret: string; rollCall: string };
  reps: string[];
  spareRep: string;
  /** the household whose card token the public card actions use */
  cardHousehold: string;
  evaluations: { draft: string; toClose: string; drawn: string; released: string };
  sampled: string;
  discrepancy: string;
  job: string;
}

export interface Foreign {
  provinceId: string;
  countyId: string;
  townshipId: string;
  villageId: string;
  household: string;
  evidence: string;
  meeting: string;
  user: string;
  job: string;
}

export interface Fixtures {
  t: TestDb;
  in: Side;
  out: Side;
  foreign: Foreign;
  users: Record<string, string>;
  /** a cadre of the "in" county with no households (an assignment target) */
  spareCadre: string;
  /** a user of the "in" county the admin's user actions change */
  victim: string;
  uploadDir: string;
  /** strings that must never appear in a refusal: household ids, names, members, national IDs */
  markers: { all: string[]; out: string[]; foreign: string[] };
  nationalIds: { in: string[]; out: string[] };
  counter: () => number;
}

const T0 = today();
const OLD = addDays(T0, -20);

function pin(date: string | null) {
  if (date) process.env.JINGZHUN_TODAY = date;
  else delete process.env.JINGZHUN_TODAY;
}

function ok<T extends { ok: boolean }>(r: T, what: string): T {
  if (!r.ok) throw new Error(`fixture step failed: ${what}: ${JSON.stringify(r)}`);
  return r;
}

/**
 * What a matrix run compares: every row written (inserted, updated or deleted) is logged by a
 * row trigger the fixtures install on every table of this test database, except the audit log
 * (where refusals are recorded, checked apart) and the throttle counters (rate_counter,
 * login_throttle: the public endpoints count before any check). A write rolled back is no write.
 */
export interface Snapshot {
  writes: number;
  auditMax: number;
}

const UNWATCHED = ["audit_event", "rate_counter", "login_throttle", "_prisma_migrations", "authz_write_log"];

export async function installWriteLog(t: TestDb): Promise<void> {
  const rows = await t.sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  await t.sql(`CREATE TABLE authz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL)`);
  // SECURITY DEFINER: on PostgreSQL the app's role (jingzhun_app) writes, and may not touch this test table
  await t.sql(
    `CREATE FUNCTION authz_log_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN INSERT INTO authz_write_log (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`,
  );
  for (const { table_name: n } of rows) {
    if (UNWATCHED.includes(n)) continue;
    await t.sql(
      `CREATE TRIGGER authz_write_log AFTER INSERT OR UPDATE OR DELETE ON "${n}" FOR EACH ROW EXECUTE FUNCTION authz_log_write()`,
    );
  }
}

export async function snapshot(t: TestDb): Promise<Snapshot> {
  const [r] = await t.sql<{ w: string; a: string }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM authz_write_log)::text AS w, (SELECT coalesce(max(id), 0) FROM audit_event)::text AS a`,
  );
  return { writes: Number(r!.w), auditMax: Number(r!.a) };
}

/** The tables written since a snapshot. */
export async function writtenSince(t: TestDb, s: Snapshot): Promise<string[]> {
  const rows = await t.sql<{ tbl: string }>(`SELECT DISTINCT tbl FROM authz_write_log WHERE id > $1 ORDER BY tbl`, [s.writes]);
  return rows.map((r) => r.tbl);
}

export async function auditSince(t: TestDb, after: number) {
  return t.sql<{ action: string; actorId: string | null; entity: string }>(
    `SELECT action, "actorId", entity FROM audit_event WHERE id > $1 ORDER BY id`,
    [after],
  );
}

// ───────────────────────────── building ─────────────────────────────

interface SideUsers {
  facilitator: string;
  cadre: string;
  township: string;
  official: string;
  evaluator: string;
}

export async function buildFixtures(t: TestDb, uploadDir: string): Promise<Fixtures> {
  process.env.JINGZHUN_POW_BITS = "8";
  const prisma = t.prisma;
  await seedRegions(prisma);
  await prisma.region.createMany({
    data: [
      { id: "53", level: "province", name: "云南省", zone: "west" },
      { id: "5301", parentId: "53", level: "city", name: "昆明市", zone: "west" },
      { id: "530102", parentId: "5301", level: "county", name: "五华区", zone: "west" },
      { id: "530102001", parentId: "530102", level: "township", name: "华山街道", zone: "west" },
      { id: "530102001200", parentId: "530102001", level: "village", name: "外省村", zone: "west" },
    ],
  });

  const users: Record<string, string> = {};
  const user = async (
    username: string,
    role: "admin" | "county_official" | "cadre" | "facilitator" | "evaluator" | "auditor",
    regionId: string,
    name = username,
  ) => {
    users[username] = (await createUser(prisma, { username, role, regionId, name })).id;
  };
  await user("admin", "admin", "52", "管理员");
  await user("official", "county_official", "520603", "万山扶贫办");
  await user("official2", "county_official", "520602", "碧江扶贫办");
  await user("township", "county_official", "520603201", "黄道乡审核");
  await user("township2", "county_official", "520602100", "碧江某镇审核");
  await user("cadre", "cadre", "520603201200", "万山干部");
  await user("cadre2", "cadre", "520602100200", "碧江干部");
  await user("cadreSpare", "cadre", "520603201200", "万山备用干部");
  await user("facilitator", "facilitator", "520603201200", "丹阳主持人");
  await user("facilitator2", "facilitator", "520602100200", "碧江主持人");
  await user("evaluator", "evaluator", "520603", "万山评估员");
  await user("evaluator2", "evaluator", "520602", "碧江评估员");
  await user("auditor", "auditor", "520603", "万山审计管理员");
  await user("victim", "cadre", "520603201201", "被管理的用户");
  await user("foreigner", "cadre", "530102001200", "外省干部");
  await user("live", "cadre", "520603201200", "将被停用的干部");
  await user("admin53", "admin", "53", "云南管理员");

  let seq = 0;
  const counter = () => ++seq;
  const markers = { all: [] as string[], out: [] as string[], foreign: [] as string[] };
  const nationalIds = { in: [] as string[], out: [] as string[] };

  // an assessment only where a call needs one (eligibility and comparison read the record itself)
  const household = async (
    villageId: string,
    tag: string,
    opts: {
      registeredStatus?: "not_registered" | "registered_poor" | "lifted";
      incomeWages?: number;
      cadre?: string;
      vehicle?: boolean;
      assess?: boolean;
    } = {},
  ) => {
    const n = counter();
    const headName = `${tag}户主${n}`;
    const h = await createHousehold(prisma, {
      villageId,
      number: String(1000 + n),
      headName,
      registeredStatus: opts.registeredStatus,
      incomeWages: opts.incomeWages ?? 30000,
      members: 3,
    });
    if (opts.vehicle) await prisma.household.update({ where: { id: h.id }, data: { vehicleValue: 52000 } });
    if (opts.assess) await prisma.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
    if (opts.cadre) await assign(prisma, h.id, opts.cadre);
    const side = villageId.startsWith("520603") ? "in" : villageId.startsWith("520602") ? "out" : "foreign";
    const names = [h.id, headName, `${headName}家人1`, `${headName}家人2`];
    markers.all.push(...names);
    if (side === "out") markers.out.push(...names);
    if (side === "foreign") markers.foreign.push(...names);
    return h.id;
  };

  const writeFile = (key: string) => {
    const full = path.join(uploadDir, key);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, PNG);
    return key;
  };

  const evidence = async (householdId: string, countyId: string, kind: "photo" | "signature") => {
    const key = writeFile(`${countyId}/${householdId}/${crypto.randomUUID()}.png`);
    return (
      await prisma.evidence.create({
        data: {
          householdId,
          countyId,
          kind,
          fileName: `${kind}.png`,
          mimeType: "image/png",
          sizeBytes: PNG.length,
          storageKey: key,
          sha256: "0",
        },
      })
    ).id;
  };

  const buildSide = async (
    side: "in" | "out",
    v: { countyId: string; townshipId: string; villageId: string },
    u: SideUsers,
  ): Promise<Side> => {
    const tag = side === "in" ? "万山" : "碧江";
    const cadreId = users[u.cadre]!;
    const main = await household(v.villageId, tag, {
      registeredStatus: "registered_poor",
      incomeWages: 6000,
      cadre: cadreId,
      assess: true,
    });
    // national IDs and health on the main household's members (the field-level checks)
    const members = await prisma.member.findMany({ where: { householdId: main }, orderBy: { birthDate: "asc" } });
    for (const [i, m] of members.entries()) {
      const nid = makeNationalId(v.countyId, `19${70 + i * 3}-05-01`, (side === "in" ? 100 : 200) + i * 11);
      (side === "in" ? nationalIds.in : nationalIds.out).push(nid);
      markers.all.push(nid);
      if (side === "out") markers.out.push(nid);
      await prisma.member.update({
        where: { id: m.id },
        data: {
          nationalId: nid,
          health: i === 1 ? "serious_illness" : i === 2 ? "disabled" : "chronic",
          disability: i === 2 ? "肢体残疾二级" : null,
        },
      });
    }
    const ev = await evidence(main, v.countyId, "photo");

    // a visit kept in conflict (pending changes) and a follow-up, both the side cadre's
    const conflictVisit = crypto.randomUUID();
    await prisma.visit.create({
      data: {
        id: conflictVisit,
        householdId: main,
        countyId: v.countyId,
        cadreId,
        date: new Date(`${T0}T00:00:00Z`),
        mode: "home",
        findings: "走访",
        state: "conflict",
        stateReason: "stale",
        baseVersion: 1,
        pendingChanges: { income: { incomeTransfers: 1234 } },
      },
    });
    const plainVisit = crypto.randomUUID();
    await prisma.visit.create({
      data: {
        id: plainVisit,
        householdId: main,
        countyId: v.countyId,
        cadreId,
        date: new Date(`${T0}T00:00:00Z`),
        mode: "home",
        findings: "走访",
      },
    });
    const followUp = (
      await prisma.followUp.create({
        data: {
          visitId: plainVisit,
          householdId: main,
          countyId: v.countyId,
          description: "协助办理参保",
          dueDate: new Date(`${addDays(T0, 10)}T00:00:00Z`),
        },
      })
    ).id;

    // a lead (help request) with a photo
    const lead = crypto.randomUUID();
    const photoKey = writeFile(`help/${v.countyId}/${lead}.png`);
    await prisma.helpRequest.create({
      data: {
        id: lead,
        villageId: v.villageId,
        countyId: v.countyId,
        householdId: main,
        source: "card",
        category: "illness",
        text: "老伴住院",
        photoKey,
        deadline: new Date(`${addDays(T0, 7)}T00:00:00Z`),
      },
    });

    const unassigned = await household(v.villageId, tag);
    const raise = {
      cadre: await household(v.villageId, tag, { cadre: cadreId }),
      facilitator: await household(v.villageId, tag),
      cadreOpen: await household(v.villageId, tag, { cadre: cadreId }),
      facilitatorOpen: await household(v.villageId, tag),
    };

    // the village assembly: six representatives (quorum 2/3 is four)
    const reps: string[] = [];
    for (let i = 0; i < 6; i++)
      reps.push(
        (await prisma.representative.create({ data: { villageId: v.villageId, countyId: v.countyId, name: `${tag}代表${i + 1}` } })).id,
      );

    const raiseAs = async (
      username: string,
      householdId: string,
      kind: "monitor" | "identify" | "exit",
      source: "application" | "cadre",
    ) => {
      await signInAs(prisma, username);
      const id = crypto.randomUUID();
      // a monitoring application carries the household's signed authorisation (an evidence row)
      const authorisation =
        kind === "monitor" && source === "application" ? { authorisationEvidenceId: await evidence(householdId, v.countyId, "photo") } : {};
      const r = await raiseProposal(
        undefined,
        form({
          id,
          householdId,
          kind,
          source,
          reason: "经入户核实，情况属实",
          ...(kind === "monitor" ? { monitoringCategory: "marginal" } : {}),
          ...authorisation,
        }),
      );
      ok(r, `raise ${kind} (${side})`);
      return id;
    };
    const monitor = async (opts: { cadre?: boolean } = {}) =>
      raiseAs(u.facilitator, await household(v.villageId, tag, { cadre: opts.cadre ? cadreId : undefined }), "monitor", "application");
    // identification closed at the end of 2020 (#14): these are raised on its last day, and their
    // procedure (which is what the matrix exercises) runs on as before
    const identify = async () => {
      const hh = await household(v.villageId, tag, { incomeWages: 3000 });
      const pinned = process.env.JINGZHUN_TODAY ?? null;
      pin("2020-12-31");
      try {
        return await raiseAs(u.facilitator, hh, "identify", "application");
      } finally {
        pin(pinned);
      }
    };

    const meeting = async (date: string) => {
      await signInAs(prisma, u.facilitator);
      const id = crypto.randomUUID();
      ok(await createMeeting(undefined, form({ id, date, place: "村委会" })), "create meeting");
      return id;
    };
    const openWith = async (meetingId: string, proposalIds: string[]) => {
      await signInAs(prisma, u.facilitator);
      for (const p of proposalIds) {
        await homeVerified(prisma, p);
        ok(await addToAgenda(undefined, form({ meetingId, proposalId: p })), "agenda");
      }
      ok(await openMeeting(undefined, form({ meetingId })), "open");
      ok(await recordAttendance(undefined, form({ meetingId, representativeId: "all", present: true })), "attendance");
    };
    const passAt = async (date: string, proposalIds: string[], scan = false) => {
      const meetingId = await meeting(date);
      await openWith(meetingId, proposalIds);
      const items = await prisma.agendaItem.findMany({ where: { meetingId }, select: { id: true } });
      for (const i of items)
        ok(await recordSecretBallot(undefined, form({ meetingId, agendaItemId: i.id, yes: 5, no: 1, abstain: 0 })), "ballot");
      const fd = form({ meetingId, minutes: "表决通过" });
      if (scan) fd.append("scan", new File([PNG], "minutes.png", { type: "image/png" }));
      ok(await closeMeeting(undefined, fd), "close");
      return meetingId;
    };
    const notice = async (meetingId: string, proposalIds: string[], startDate: string) => {
      await signInAs(prisma, u.facilitator);
      ok(await publishNotice(undefined, form({ id: crypto.randomUUID(), meetingId, proposalIds, startDate })), "first notice");
    };
    const step = async (username: string, action: typeof townshipReview, proposalId: string) => {
      await signInAs(prisma, username);
      const version = (await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;
      ok(await action(undefined, form({ proposalId, version, reason: "同意" })), "step");
    };

    // the old round (three weeks ago): its first notice has ended, so review and approval can follow
    pin(OLD);
    const townshipReviewP = await monitor();
    const countyApproveP = await monitor();
    const announceP = await monitor();
    // the other county's side only needs one object of each kind (every call there is refused)
    const lean = side === "out";
    const returnTw = await monitor();
    const returnCo = lean ? returnTw : await monitor();
    const secondFac = await identify();
    const secondTw = lean ? secondFac : await identify();
    const oldRound = [...new Set([townshipReviewP, countyApproveP, announceP, secondFac, secondTw, returnTw, returnCo])];
    const oldMeeting = await passAt(OLD, oldRound);
    await notice(oldMeeting, oldRound, OLD);
    pin(null);
    for (const p of new Set([countyApproveP, announceP, secondFac, secondTw, ...(lean ? [] : [returnCo])]))
      await step(u.township, townshipReview, p);
    await step(u.official, countyApprove, announceP);

    // today's round: notices running now (objections), one passed item not yet posted
    const one = lean ? await monitor({ cadre: true }) : null;
    const objection = one
      ? { facilitator: one, cadre: one, official: one, township: one }
      : { facilitator: await monitor(), cadre: await monitor({ cadre: true }), official: await monitor(), township: await monitor() };
    const back = lean ? await monitor() : null;
    const sendBack = back
      ? { facilitator: back, township: back, official: back }
      : { facilitator: await monitor(), township: await monitor(), official: await monitor() };
    const cardObjection = await monitor();
    const voted = await monitor();
    const running = [...new Set([...Object.values(objection), ...Object.values(sendBack), cardObjection])];
    // an exit whose vote passed: waiting for the household's own agreement
    const exitVoted = await raiseAs(
      u.cadre,
      await household(v.villageId, tag, { registeredStatus: "registered_poor", incomeWages: 30000, cadre: cadreId }),
      "exit",
      "cadre",
    );
    const closed = await passAt(T0, [...running, voted, exitVoted], true);
    await notice(closed, running, T0);
    for (const p of new Set(Object.values(sendBack))) {
      const hh = (await prisma.proposal.findUniqueOrThrow({ where: { id: p } })).householdId;
      await lodgeObjectionFromCard(hh, p, "听说他家开了小卖部", "");
    }
    const cardHousehold = (await prisma.proposal.findUniqueOrThrow({ where: { id: cardObjection } })).householdId;

    // proposals waiting for the agenda, for the comparison's explanation, for the exit's checks
    const explained = await monitor();
    await homeVerified(prisma, explained);
    const item1 = await monitor();
    const item2 = await monitor();
    const flaggedCadre = await raiseAs(
      u.facilitator,
      await household(v.villageId, tag, { vehicle: true, cadre: cadreId }),
      "monitor",
      "application",
    );
    const flaggedFacilitator = await raiseAs(u.facilitator, await household(v.villageId, tag, { vehicle: true }), "monitor", "application");
    const exitHousehold = await household(v.villageId, tag, { registeredStatus: "registered_poor", incomeWages: 30000, cadre: cadreId });
    const exit = await raiseAs(u.cadre, exitHousehold, "exit", "cadre");
    const evidenceAgreement = await evidence(exitHousehold, v.countyId, "signature");

    // meetings: a draft for the agenda, a draft to open, an open one with two items, one to close
    const draft = await meeting(T0);
    const toOpen = await meeting(T0);
    const open = await meeting(T0);
    await openWith(open, [item1, item2]);
    const [secret, rollCall] = await prisma.agendaItem.findMany({
      where: { meetingId: open },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const toClose = await meeting(T0);
    await openWith(toClose, []);
    const spareRep = (
      await prisma.representative.create({ data: { villageId: v.villageId, countyId: v.countyId, name: `${tag}备用代表` } })
    ).id;

    // evaluations of the county by the side's evaluator
    await signInAs(prisma, u.evaluator);
    const plan = { villages: "1", sharePercent: "100", capPerVillage: "200", includeAllExited: true };
    const evaluation = async (name: string) => {
      const id = crypto.randomUUID();
      ok(await createEvaluation(undefined, { id, countyId: v.countyId, year: String(currentYear()), name, team: [], plan }), "evaluation");
      return id;
    };
    const evDraft = await evaluation(`${tag}草稿`);
    const evToClose = await evaluation(`${tag}待关闭`);
    const evDrawn = await evaluation(`${tag}已抽样`);
    ok(await drawSample(undefined, { evaluationId: evDrawn, seed: "seed-drawn" }), "draw");
    const evReleased = await evaluation(`${tag}已发布`);
    ok(await drawSample(undefined, { evaluationId: evReleased, seed: "seed-released" }), "draw released");
    const sampled = (await prisma.sampleHousehold.findFirstOrThrow({ where: { evaluationId: evDrawn }, orderBy: { householdId: "asc" } }))
      .householdId;
    const sampledReleased = (
      await prisma.sampleHousehold.findFirstOrThrow({ where: { evaluationId: evReleased }, orderBy: { householdId: "asc" } })
    ).householdId;
    const q = (evaluationId: string, householdId: string) => ({
      id: crypto.randomUUID(),
      evaluationId,
      householdId,
      income: { wages: "900000", business: "0", businessCosts: "0", property: "0", transfers: "0" },
      indicators: {
        income: { evidence: ["bank_statement"] },
        ...Object.fromEntries(
          ["food", "clothing", "medical", "housing", "water", "education"].map((k) => [k, { met: "true", evidence: [] }]),
        ),
      },
      approval: "approve",
      notes: "",
    });
    ok(await saveQuestionnaire(undefined, q(evReleased, sampledReleased)), "questionnaire");
    await prisma.evaluation.update({ where: { id: evReleased }, data: { releaseAt: new Date(Date.now() - 3600_000) } });
    const discrepancy = (await prisma.discrepancy.findFirstOrThrow({ where: { evaluationId: evReleased } })).id;

    const job = (
      await prisma.recomputeJob.create({
        data: { regionId: v.countyId.slice(0, 2), reason: "fixture", state: "done", createdById: users.admin },
      })
    ).id;
    signOut();
    return {
      ...v,
      household: main,
      raise,
      unassigned,
      evidence: ev,
      evidenceAgreement,
      conflictVisit,
      followUp,
      lead,
      proposals: {
        explained,
        flaggedCadre,
        flaggedFacilitator,
        exit,
        townshipReview: townshipReviewP,
        countyApprove: countyApproveP,
        reviewReturn: { township: returnTw, official: returnCo },
        announce: announceP,
        secondNotice: { facilitator: secondFac, township: secondTw },
        objection,
        sendBack,
        cardObjection,
        voted,
        exitVoted,
      },
      meetings: { draft, toOpen, open, toClose, closed },
      openItems: { secret: secret!.id, rollCall: rollCall!.id },
      reps,
      spareRep,
      cardHousehold,
      evaluations: { draft: evDraft, toClose: evToClose, drawn: evDrawn, released: evReleased },
      sampled,
      discrepancy,
      job,
    };
  };

  const sideIn = await buildSide(
    "in",
    { countyId: "520603", townshipId: "520603201", villageId: "520603201200" },
    { facilitator: "facilitator", cadre: "cadre", township: "township", official: "official", evaluator: "evaluator" },
  );
  const sideOut = await buildSide(
    "out",
    { countyId: "520602", townshipId: "520602100", villageId: "520602100200" },
    { facilitator: "facilitator2", cadre: "cadre2", township: "township2", official: "official2", evaluator: "evaluator2" },
  );

  // the foreign province: what the Guizhou admin must not reach
  const fHousehold = await household("530102001200", "外省", { cadre: users.foreigner });
  const fEvidence = await evidence(fHousehold, "530102", "photo");
  const fMeeting = crypto.randomUUID();
  const fMinutes = writeFile(`530102/meetings/${fMeeting}/${crypto.randomUUID()}.png`);
  await prisma.meeting.create({
    data: {
      id: fMeeting,
      villageId: "530102001200",
      countyId: "530102",
      date: new Date(`${T0}T00:00:00Z`),
      place: "外省村委会",
      facilitatorId: users.foreigner!,
      state: "closed",
      minutes: "外省会议记录",
      minutesKey: fMinutes,
      closedAt: new Date(),
    },
  });
  const fJob = (await prisma.recomputeJob.create({ data: { regionId: "53", reason: "fixture", state: "done" } })).id;
  markers.foreign.push("外省会议记录", "五华区", "外省村", "外省干部", "华山街道");
  // the other county's people and places, for the lists that must filter them out
  markers.out.push("碧江干部", "碧江主持人", "碧江扶贫办", "碧江评估员", "碧江某镇审核", "碧江某村", "520602100200");

  // a card token on each side's card household (the public card actions' key)
  for (const s of [sideIn, sideOut]) {
    const { hash } = generateToken();
    await prisma.household.update({ where: { id: s.cardHousehold }, data: { cardTokenHash: hash, cardIssuedAt: new Date() } });
  }
  signOut();
  if (process.env.JINGZHUN_TODAY) throw new Error("the fixtures left the clock pinned");
  await installWriteLog(t);

  return {
    t,
    in: sideIn,
    out: sideOut,
    foreign: {
      provinceId: "53",
      countyId: "530102",
      townshipId: "530102001",
      villageId: "530102001200",
      household: fHousehold,
      evidence: fEvidence,
      meeting: fMeeting,
      user: users.foreigner!,
      job: fJob,
    },
    users,
    spareCadre: users.cadreSpare!,
    victim: users.victim!,
    uploadDir,
    markers,
    nationalIds,
    counter,
  };
}

/** A fresh card token on a household (only its hash is stored): for the public card actions. */
export async function freshCardToken(t: TestDb, householdId: string): Promise<string> {
  const { token, hash } = generateToken();
  await t.prisma.household.update({ where: { id: householdId }, data: { cardTokenHash: hash, cardIssuedAt: new Date() } });
  return token;
}
