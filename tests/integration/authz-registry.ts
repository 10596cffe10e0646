// The registry of every endpoint a browser can reach that does something: every export of every
// "use server" file (each is a public POST endpoint, whatever wraps it) and every HTTP method of
// every route handler. For each: how to call it on an object in the caller's scope and on one
// outside it (built from the fixtures of authz-fixtures.ts), who may use it, what an allowed
// caller gets outside their scope, and which tables a successful call writes. The matrix
// (authz-matrix.test.ts) calls each entry as every actor, in and out of scope; the completeness
// test (authz-registry-complete.test.ts) fails when an endpoint is missing here, or an entry
// names one that no longer exists.
//
// The table (allowed = may use it on an object of their own scope; everyone else is refused):
//   admin/*, policy/*                         admin (the work calendar too: one for the country)
//   card issue/revoke, help outcome, photo     cadre (own households), county officials (county or township)
//   county assign/bulk/search                 county official (county-scoped)
//   export routes                             county official (its county), township official (its township's villages)
//   evaluations                               the evaluator on the team; resolving a discrepancy: the
//                                             county official; the draw files: both (the official
//                                             only after the release)
//   households/*, visits/*                    cadre (own households); revealing an ID also the county and township officials
//   meetings/*, first notice                  facilitator (own village)
//   proposals raise/explain/exit checks       cadre (own households), facilitator (village)
//   objections (signed in)                    facilitator, cadre, county and township officials
//   second notice                             facilitator, township official
//   send back                                 facilitator, township official, county official
//   township review / approval, announcement  township official / county official
//   village exit record, proposal             facilitator of the village (or a cadre posted there as first secretary)
//   village exit review / approval            township official / county official
//   evidence route                            every role that reads households, within scope
//   minutes route                             facilitator, officials over the village, admin
//   card page, help forms, challenge, locale,
//   sign-in, "too many views" page            everyone, signed in or not (public by design)
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { currentYear, today } from "@/lib/clock";
import { createPowSolver } from "@/lib/security/pow-solver";
import { useAddress } from "./helpers";
import { freshCardToken, PNG, type Actor, type Fixtures, type Scope, type Side, EVERYONE } from "./authz-fixtures";

import { changeUserRole } from "@/lib/actions/admin/change-user-role";
import { createRegion } from "@/lib/actions/admin/create-region";
import { createUser } from "@/lib/actions/admin/create-user";
import { importRegions } from "@/lib/actions/admin/import-regions";
import { renameRegion } from "@/lib/actions/admin/rename-region";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { searchRegions } from "@/lib/actions/admin/search-regions";
import { setRegionHotline } from "@/lib/actions/admin/set-region-hotline";
import { setRegionDesignated } from "@/lib/actions/admin/set-region-designated";
import { setRegionZone } from "@/lib/actions/admin/set-region-zone";
import { setUserDisabled } from "@/lib/actions/admin/set-user-disabled";
import { issueCards } from "@/lib/actions/card/issue-cards";
import { lodgeCardObjection } from "@/lib/actions/card/lodge-objection";
import { revokeCard } from "@/lib/actions/card/revoke-card";
import { revealNationalId } from "@/lib/actions/households/reveal-national-id";
import { assignHousehold } from "@/lib/actions/county/assign-household";
import { bulkAssign } from "@/lib/actions/county/bulk-assign";
import { searchCadres } from "@/lib/actions/county/search-cadres";
import { recordRelocation } from "@/lib/actions/places/record-relocation";
import { savePosting } from "@/lib/actions/places/save-posting";
import { recordResidentDays } from "@/lib/actions/places/record-resident-days";
import { setCadreUnit } from "@/lib/actions/places/set-cadre-unit";
import { saveVillageExitRecord } from "@/lib/actions/village-exit/save-record";
import { proposeVillageExitAction } from "@/lib/actions/village-exit/propose";
import { reviewVillageExitAction } from "@/lib/actions/village-exit/township-review";
import { approveVillageExitAction } from "@/lib/actions/village-exit/county-approve";
import { closeEvaluation } from "@/lib/actions/evaluation/close-evaluation";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import { drawSample } from "@/lib/actions/evaluation/draw-sample";
import { resolveDiscrepancy } from "@/lib/actions/evaluation/resolve-discrepancy";
import { saveQuestionnaire } from "@/lib/actions/evaluation/save-questionnaire";
import { setRelease } from "@/lib/actions/evaluation/set-release";
import { verifyDraw } from "@/lib/actions/evaluation/verify-draw";
import { getChallenge } from "@/lib/actions/help/get-challenge";
import { recordOutcome } from "@/lib/actions/help/record-outcome";
import { submitCardReport } from "@/lib/actions/help/submit-card-report";
import { submitVillageReport } from "@/lib/actions/help/submit-village-report";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { savePlan } from "@/lib/actions/plans/save-plan";
import { recordIncome } from "@/lib/actions/income/record-income";
import { signIncome } from "@/lib/actions/income/sign-income";
import { setHouseholdType } from "@/lib/actions/income/set-household-type";
import { registerHousehold } from "@/lib/actions/households/register-household";
import { updateHousehold } from "@/lib/actions/households/update-household";
import { findHouseholdByNationalId } from "@/lib/actions/households/find-by-national-id";
import { addRepresentative } from "@/lib/actions/meetings/add-representative";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { createMeeting, createMeetingAndOpen } from "@/lib/actions/meetings/create-meeting";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { recordVote } from "@/lib/actions/meetings/record-vote";
import { setRepresentativeActive } from "@/lib/actions/meetings/set-representative-active";
import { jobProgress } from "@/lib/actions/policy/job-progress";
import { savePolicy } from "@/lib/actions/policy/save-policy";
import { announce } from "@/lib/actions/procedure/announce";
import { countyApprove } from "@/lib/actions/procedure/county-approve";
import { lodgeObjection } from "@/lib/actions/procedure/lodge-objection";
import { publishNotice } from "@/lib/actions/procedure/publish-notice";
import { publishSecondNotice } from "@/lib/actions/procedure/publish-second-notice";
import { sendBack } from "@/lib/actions/procedure/send-back";
import { townshipReview } from "@/lib/actions/procedure/township-review";
import { returnAtReview } from "@/lib/actions/procedure/return-at-review";
import { explainComparison } from "@/lib/actions/proposals/explain-comparison";
import { raiseProposal, raiseProposalAndOpen } from "@/lib/actions/proposals/raise-proposal";
import { recordHomeVerification } from "@/lib/actions/proposals/record-home-verification";
import { recordExitAgreement } from "@/lib/actions/proposals/record-exit-agreement";
import { beginImport } from "@/lib/actions/import/begin-import";
import { importProgress } from "@/lib/actions/import/import-progress";
import { runImport } from "@/lib/actions/import/run-import";
import { loadDepartmentFeed } from "@/lib/actions/feeds/load-feed";
import { makeNationalId } from "@/lib/national-id";
import { createJob as createImportJob } from "@/lib/import/jobs";
import { setLocale } from "@/lib/actions/set-locale";
import { confirmPending } from "@/lib/actions/visits/confirm-pending";
import { logVisit } from "@/lib/actions/visits/log-visit";
import { syncVisits } from "@/lib/actions/visits/sync-visits";
import { reportRejectedVisit } from "@/lib/actions/visits/report-rejected-visit";
import { resolveFollowUp } from "@/lib/actions/visits/resolve-follow-up";

import { GET as auditExport } from "@/app/(app)/audit/export/route";
import { GET as drawJson } from "@/app/(app)/evaluator/[id]/draw.json/route";
import { GET as frozenList } from "@/app/(app)/evaluator/[id]/frozen-list.csv/route";
import { GET as leadPhoto } from "@/app/(app)/leads/photo/[id]/route";
import { GET as minutesScan } from "@/app/(app)/meetings/[id]/minutes/route";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as exportHouseholds } from "@/app/api/county/export/households/route";
import { GET as exportVillages } from "@/app/api/county/export/villages/route";
import { GET as exportKeyHouseholds } from "@/app/api/county/export/key-households/route";
import { GET as evidenceFile } from "@/app/api/evidence/[id]/route";
import { GET as cardLimited } from "@/app/card/[token]/limited/route";
import { PUT as importUpload } from "@/app/(app)/admin/import/upload/route";
import { setCalendarDay } from "@/lib/actions/admin/set-calendar-day";
import { removeCalendarDay } from "@/lib/actions/admin/remove-calendar-day";
import { publishCalendarYear } from "@/lib/actions/admin/publish-calendar-year";
import { withdrawCalendarYear } from "@/lib/actions/admin/withdraw-calendar-year";
import { saveNotifyChannel } from "@/lib/actions/admin/save-notify-channel";
import { sendTestNotification } from "@/lib/actions/admin/send-test-notification";
import { GET as health } from "@/app/api/health/route";
import { GET as noticePdf } from "@/app/notices/[id]/pdf/route";
import { GET as householdHandbook } from "@/app/(app)/households/[id]/handbook/route";
import { GET as villageHandbook } from "@/app/(app)/county/villages/[id]/handbook/route";

/**
 * What an allowed actor gets on an object outside their scope:
 *  - "denied": refused as unauthenticated / forbidden / not found, audited, nothing returned or written;
 *  - "field": an input refusal on `field` (the target is a field of a form: a county, a region to
 *    put a user in, a file's rows), with nothing returned or written;
 *  - "filtered": a search or list that answers, but with nothing of the other scope in it;
 *  - "unknown_key": public, keyed by a link or code: another household's key is "not found";
 *  - null: the entry has no target object (it acts on the caller's own village or session).
 */
export type OutOfScope = "denied" | "field" | "filtered" | "unknown_key" | null;

interface Base {
  /** an allowed call in scope may end in this refusal, which is not a denial (and says why) */
  refusal?: { code: string; why: string };
  /** "lib/actions/…/file.ts#export" or "app/…/route.ts#METHOD" */
  id: string;
  /** the actors who may use it on objects of their own scope ("anon" in it: public) */
  allowed: readonly Actor[];
  out: OutOfScope;
  /** for out "field": the field the refusal names */
  field?: string;
  /**
   * The tables a successful call may write (besides audit_event, rate_counter, login_throttle):
   * "written" is detected by the content hash of every table, and a success must stay within these.
   */
  writes: readonly string[];
}

export interface ActionEntry extends Base {
  kind: "action";
  /** the exported function itself (the completeness test checks it is the export the id names) */
  fn: (...args: never[]) => Promise<unknown>;
  /** how to call it, when not as a form action `fn(undefined, input)` */
  call?: (input: unknown) => Promise<unknown>;
  /** a valid input on an object of `scope` for `actor` (may prepare state, e.g. a fresh card token) */
  input: (fx: Fixtures, scope: Scope, actor: Actor) => unknown | Promise<unknown>;
}

export interface RouteRequest {
  url: string;
  params?: Record<string, string | string[]>;
  init?: RequestInit;
}

export interface RouteEntry extends Base {
  kind: "route";
  /** the exported handler (its params' shape is the route's own; the matrix passes the request's) */
  fn: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
  /** how to call it, when not as `fn(request, { params })` */
  call?: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
  request: (fx: Fixtures, scope: Scope, actor: Actor) => RouteRequest | Promise<RouteRequest>;
  /** the status an allowed call answers with (200 unless said) */
  okStatus?: number;
}

export type Entry = ActionEntry | RouteEntry;

// ───────────────────────────── helpers ─────────────────────────────

const side = (fx: Fixtures, scope: Scope): Side => (scope === "in" ? fx.in : fx.out);
const T = () => today();
const uuid = () => crypto.randomUUID();
const PASSWORD = "Long-enough-password-1";

async function version(fx: Fixtures, table: "household" | "proposal", id: string): Promise<number> {
  const rows = await fx.t.sql<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return rows[0]?.version ?? 1;
}

/**
 * The side's village made a designated poor village, with its exit record of `year` (one per entry,
 * every criterion recorded as met) put back at `stage` before each call: the record and its version.
 */
async function villageExitAt(fx: Fixtures, scope: Scope, year: number, stage: string): Promise<{ id: string; version: number }> {
  const s = side(fx, scope);
  await fx.t.sql(`UPDATE region SET "designatedPoor" = true WHERE id = $1`, [s.villageId]);
  await fx.t.sql(
    `INSERT INTO village_exit (id, "countyId", "villageId", year, stage, "roadOk", "waterOk", "powerOk", "clinicOk", "schoolOk", "collectiveIncome", "updatedAt")
     VALUES ($1, $2, $3, $4, $5::"VillageExitStage", true, true, true, true, true, 50000, now())
     ON CONFLICT ("villageId", year) DO UPDATE SET stage = EXCLUDED.stage`,
    [uuid(), s.countyId, s.villageId, year, stage],
  );
  const [r] = await fx.t.sql<{ id: string; version: number }>(`SELECT id, version FROM village_exit WHERE "villageId" = $1 AND year = $2`, [
    s.villageId,
    year,
  ]);
  return r!;
}

/** A proof of work for the public forms, from a fresh address (the per-address limits stay clear). */
async function pow(fx: Fixtures) {
  const n = fx.counter();
  useAddress(`198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`);
  const r = await getChallenge();
  if (!r.ok || !r.data) throw new Error(`no challenge: ${JSON.stringify(r)}`);
  return { challenge: r.data.challenge, nonce: String(createPowSolver().search(r.data.challenge, r.data.bits, 0, 1 << 22)) };
}

/** A notice of the village with its archived PDF (a notice is made for a village that has none). */
async function archivedNotice(fx: Fixtures, villageId: string): Promise<string> {
  let [n] = await fx.t.sql<{ id: string }>(`SELECT id FROM notice WHERE "villageId" = $1 ORDER BY id LIMIT 1`, [villageId]);
  if (!n) {
    n = { id: uuid() };
    await fx.t.sql(
      `INSERT INTO notice (id, "villageId", "countyId", kind, "startDate", days, "endDate") VALUES ($1, $2, $3, 'first', $4::date, 7, $4::date + 6)`,
      [n.id, villageId, villageId.slice(0, 6), T()],
    );
  }
  const [done] = await fx.t.sql(`SELECT 1 FROM notice_pdf WHERE "noticeId" = $1`, [n.id]);
  if (!done) {
    const key = `${villageId.slice(0, 6)}/notices/${n.id}/archived.pdf`;
    const bytes = Buffer.from("%PDF-1.7\n% archived notice\n");
    fs.mkdirSync(path.join(process.env.UPLOAD_DIR!, path.dirname(key)), { recursive: true });
    fs.writeFileSync(path.join(process.env.UPLOAD_DIR!, key), bytes);
    await fx.t.sql(`INSERT INTO notice_pdf ("noticeId", "storageKey", sha256, "sizeBytes") VALUES ($1, $2, $3, $4)`, [
      n.id,
      key,
      crypto.createHash("sha256").update(bytes).digest("hex"),
      bytes.length,
    ]);
  }
  return n.id;
}

/** A date of the work calendar no other call uses (2090 on, a day each). */
function calendarDate(fx: Fixtures): string {
  return new Date(Date.UTC(2090, 0, 1) + fx.counter() * 86_400_000).toISOString().slice(0, 10);
}

/** The form variants redirect on success (next/navigation throws NEXT_REDIRECT): that is a success. */
async function redirecting(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn();
  } catch (e) {
    const digest = (e as { digest?: string } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { ok: true, redirect: digest.split(";")[2] };
    throw e;
  }
}

/**
 * next-auth's route handler reads cookies() and headers() through a CommonJS require of
 * next/headers, which the test setup's mock does not reach: run it inside a Next work store
 * (force-static: an empty cookie jar and no headers, i.e. a browser with no session cookie).
 */
const nodeRequire = createRequire(import.meta.url);
function inNextRequestScope<T>(route: string, fn: () => Promise<T>): Promise<T> {
  const { workAsyncStorage } = nodeRequire("next/dist/server/app-render/work-async-storage.external.js") as {
    workAsyncStorage: { run<R>(store: unknown, fn: () => R): R };
  };
  return workAsyncStorage.run({ route, forceStatic: true }, fn);
}

/** A fresh import job: the admin's own ("in"), or another province's admin's ("out"). */
const importDirs: string[] = [];
function importJob(fx: Fixtures, scope: Scope): string {
  const job =
    scope === "in"
      ? createImportJob({ id: fx.users.admin!, role: "admin" }, "52")
      : createImportJob({ id: fx.users.admin53!, role: "admin" }, "53");
  importDirs.push(job.dir);
  return job.id;
}

/** The import jobs' folders the matrix made (under the system's temporary folder). */
export function removeImportDirs(): void {
  for (const dir of importDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Pick the per-actor object when there is one for this actor, else the first. */
function per<K extends string>(objects: Record<K, string>, actor: Actor): string {
  return (objects as Record<string, string>)[actor] ?? Object.values<string>(objects)[0]!;
}

const action = (e: Omit<ActionEntry, "kind">): ActionEntry => ({ kind: "action", ...e });
const route = (e: Omit<RouteEntry, "kind">): RouteEntry => ({ kind: "route", ...e });

// ───────────────────────────── the registry ─────────────────────────────

const A = "lib/actions";

export const REGISTRY: readonly Entry[] = [
  // ── admin: users and regions of the admin's province; "out" is another province ──
  action({
    id: `${A}/admin/change-user-role.ts#changeUserRole`,
    allowed: ["admin"],
    out: "denied",
    writes: ["app_user"],
    fn: changeUserRole,
    input: (fx, scope) => ({ userId: scope === "in" ? fx.victim : fx.foreign.user, role: "cadre", regionId: "520603201200" }),
  }),
  action({
    id: `${A}/admin/create-region.ts#createRegion`,
    allowed: ["admin"],
    out: "denied",
    writes: ["region"],
    fn: createRegion,
    input: (fx, scope) => {
      const parent = scope === "in" ? "520603201" : fx.foreign.townshipId;
      return { parentId: parent, id: `${parent}${300 + fx.counter()}`, name: `新建村${fx.counter()}` };
    },
  }),
  action({
    id: `${A}/admin/create-user.ts#createUser`,
    allowed: ["admin"],
    out: "field",
    field: "regionId",
    writes: ["app_user"],
    fn: createUser,
    input: (fx, scope) => ({
      username: `authz.user${fx.counter()}`,
      name: "新用户",
      phone: "",
      role: "cadre",
      regionId: scope === "in" ? "520603201200" : fx.foreign.villageId,
      password: PASSWORD,
      confirm: PASSWORD,
    }),
  }),
  action({
    id: `${A}/admin/import-regions.ts#importRegions`,
    allowed: ["admin"],
    out: "field",
    field: "file",
    writes: ["region"],
    fn: importRegions,
    input: (fx, scope) => {
      const parent = scope === "in" ? "520603201" : fx.foreign.townshipId;
      const rows = [{ id: `${parent}${500 + fx.counter()}`, parentId: parent, level: "village", name: `导入村${fx.counter()}` }];
      return { file: new File([JSON.stringify(rows)], "regions.json", { type: "application/json" }) };
    },
  }),
  action({
    id: `${A}/admin/rename-region.ts#renameRegion`,
    allowed: ["admin"],
    out: "denied",
    writes: ["region"],
    fn: renameRegion,
    input: (fx, scope) => ({ id: scope === "in" ? "520603201201" : fx.foreign.villageId, name: `邻村${fx.counter()}` }),
  }),
  action({
    id: `${A}/admin/reset-user-password.ts#resetUserPassword`,
    allowed: ["admin"],
    out: "denied",
    writes: ["app_user"],
    fn: resetUserPassword,
    input: (fx, scope) => ({ userId: scope === "in" ? fx.victim : fx.foreign.user, password: PASSWORD, confirm: PASSWORD }),
  }),
  action({
    id: `${A}/admin/search-regions.ts#searchRegions`,
    allowed: ["admin"],
    out: "filtered",
    writes: [],
    fn: searchRegions,
    input: (_fx, scope) => ({ q: scope === "in" ? "丹阳" : "外省" }),
  }),
  action({
    id: `${A}/admin/set-region-hotline.ts#setRegionHotline`,
    allowed: ["admin"],
    out: "denied",
    writes: ["region"],
    fn: setRegionHotline,
    input: (fx, scope) => ({
      id: scope === "in" ? "520603" : fx.foreign.countyId,
      hotline: `0856-55${String(fx.counter()).padStart(5, "0")}`,
    }),
  }),
  action({
    id: `${A}/admin/set-region-designated.ts#setRegionDesignated`,
    allowed: ["admin"],
    out: "denied",
    writes: ["region"],
    fn: setRegionDesignated,
    input: (fx, scope) => ({
      id: scope === "in" ? "520603201201" : fx.foreign.villageId,
      designatedPoor: fx.counter() % 2 === 0 ? "true" : "false",
    }),
  }),
  action({
    id: `${A}/admin/set-region-zone.ts#setRegionZone`,
    allowed: ["admin"],
    out: "denied",
    writes: ["region"],
    fn: setRegionZone,
    // the zone it already has: allowed, and changes nothing (a real change would move every threshold)
    input: (fx, scope) => ({ id: scope === "in" ? "52" : fx.foreign.provinceId, zone: "west" }),
  }),
  action({
    id: `${A}/admin/set-user-disabled.ts#setUserDisabled`,
    allowed: ["admin"],
    out: "denied",
    writes: ["app_user"],
    fn: setUserDisabled,
    input: (fx, scope) => ({ userId: scope === "in" ? fx.victim : fx.foreign.user, disabled: "true" }),
  }),

  // ── policy ──
  action({
    id: `${A}/policy/job-progress.ts#jobProgress`,
    allowed: ["admin"],
    out: "denied",
    writes: [],
    fn: jobProgress,
    input: (fx, scope, actor) => ({ id: scope === "in" ? fx.in.job : actor === "admin" ? fx.foreign.job : fx.out.job }),
  }),
  action({
    id: `${A}/policy/save-policy.ts#savePolicy`,
    allowed: ["admin"],
    out: "denied",
    writes: ["policy_row"],
    fn: savePolicy,
    // a far year: the current year's policy (and so every assessment) stays as it is
    input: (fx, scope) => ({
      year: "2100",
      provinceId: scope === "in" ? "52" : fx.foreign.provinceId,
      note: "测试",
      noticeDays: String(7 + (fx.counter() % 3)),
    }),
  }),

  // ── the household card and the public help forms ──
  action({
    id: `${A}/card/issue-cards.ts#issueCards`,
    allowed: ["official", "township", "cadre"],
    out: "denied",
    writes: ["household"],
    fn: issueCards,
    input: (fx, scope) => ({ householdId: side(fx, scope).household, reissue: true }),
  }),
  action({
    id: `${A}/card/revoke-card.ts#revokeCard`,
    allowed: ["official", "township", "cadre"],
    out: "denied",
    writes: ["household"],
    fn: revokeCard,
    input: async (fx, scope) => {
      await freshCardToken(fx.t, side(fx, scope).household);
      return { householdId: side(fx, scope).household, reason: "明白卡丢失" };
    },
  }),
  action({
    // IDs in full to those who may see them (the household's cadre, the county's and township's officials); one member at a time, audited
    id: `${A}/households/reveal-national-id.ts#revealNationalId`,
    allowed: ["official", "township", "cadre"],
    out: "denied",
    writes: [],
    fn: revealNationalId,
    input: async (fx, scope) => {
      const household = side(fx, scope).household;
      const [m] = await fx.t.sql<{ id: string }>(`SELECT id FROM member WHERE "householdId" = $1 ORDER BY id LIMIT 1`, [household]);
      return { householdId: household, memberId: m!.id };
    },
  }),
  action({
    id: `${A}/card/lodge-objection.ts#lodgeCardObjection`,
    allowed: EVERYONE,
    out: "unknown_key",
    writes: ["objection"],
    fn: lodgeCardObjection,
    // out: this household's card, another household's proposal (of the other county)
    input: async (fx, scope) => ({
      token: await freshCardToken(fx.t, fx.in.cardHousehold),
      proposalId: scope === "in" ? fx.in.proposals.cardObjection : fx.out.proposals.cardObjection,
      text: "听说他家开了小卖部",
      contact: "",
      ...(await pow(fx)),
    }),
  }),
  action({
    id: `${A}/help/get-challenge.ts#getChallenge`,
    allowed: EVERYONE,
    out: null,
    writes: [],
    fn: getChallenge,
    call: () => getChallenge(),
    input: (fx) => {
      useAddress(`203.0.113.${(fx.counter() % 250) + 1}`);
      return null;
    },
  }),
  action({
    id: `${A}/help/submit-card-report.ts#submitCardReport`,
    allowed: EVERYONE,
    out: "unknown_key",
    writes: ["help_request"],
    fn: submitCardReport,
    input: async (fx, scope) => ({
      // out: a well-formed token no household holds
      token: scope === "in" ? await freshCardToken(fx.t, fx.in.cardHousehold) : "A".repeat(43),
      // a fresh text per call: the same report twice in a day is refused as a duplicate
      id: uuid(),
      category: "illness",
      text: `老伴住院，医药费不够。${uuid().slice(0, 8)}`,
      ...(await pow(fx)),
    }),
  }),
  action({
    id: `${A}/help/submit-village-report.ts#submitVillageReport`,
    allowed: EVERYONE,
    out: "unknown_key",
    writes: ["help_request"],
    fn: submitVillageReport,
    // out: a village code that is no village
    input: async (fx, scope) => ({
      villageId: scope === "in" ? fx.in.villageId : "520603201299",
      id: uuid(),
      category: "other",
      text: `村头一户老人无人照顾 ${uuid().slice(0, 8)}`,
      headName: "",
      contact: "",
      ...(await pow(fx)),
    }),
  }),
  action({
    id: `${A}/help/record-outcome.ts#recordOutcome`,
    allowed: ["official", "township", "cadre"],
    out: "denied",
    writes: ["help_request"],
    fn: recordOutcome,
    input: async (fx, scope) => {
      const lead = side(fx, scope).lead;
      await fx.t.prisma.helpRequest.update({
        where: { id: lead },
        data: { state: "open", outcome: null, handledById: null, handledAt: null },
      });
      return { id: lead, outcome: "visited", note: "已上门走访" };
    },
  }),

  // ── county: assignments ──
  action({
    id: `${A}/county/assign-household.ts#assignHousehold`,
    allowed: ["official"],
    out: "denied",
    writes: ["cadre_assignment"],
    fn: assignHousehold,
    input: (fx, scope) => ({ householdId: side(fx, scope).unassigned, cadreId: fx.spareCadre, reason: "工作调整" }),
  }),
  action({
    id: `${A}/county/bulk-assign.ts#bulkAssign`,
    allowed: ["official"],
    out: "denied",
    writes: ["cadre_assignment"],
    fn: bulkAssign,
    input: (fx, scope) => ({ mode: "selected", householdIds: [side(fx, scope).unassigned], cadreIds: [fx.spareCadre], reason: "工作调整" }),
  }),
  action({
    id: `${A}/county/search-cadres.ts#searchCadres`,
    allowed: ["official"],
    out: "filtered",
    writes: [],
    fn: searchCadres,
    input: (fx, scope) => (scope === "in" ? { q: "" } : { q: "碧江", near: fx.out.villageId }),
  }),

  // ── places: relocation, resident teams, pairing units, village exit ──
  action({
    id: `${A}/places/record-relocation.ts#recordRelocation`,
    allowed: ["official", "township"],
    out: "denied",
    writes: ["relocation", "settlement", "household"],
    fn: recordRelocation,
    input: async (fx, scope) => {
      const s = side(fx, scope);
      const rows = await fx.t.sql<{ version: number }>(`SELECT version FROM relocation WHERE "householdId" = $1`, [s.household]);
      return {
        householdId: s.household,
        ...(rows[0] ? { version: String(rows[0].version) } : {}),
        originName: "偏远村民组",
        destinationId: s.villageId,
        siteName: "安置点",
        mode: "centralised",
        floorArea: "60",
        contribution: "1000",
        movedOn: "2017-05-01",
      };
    },
  }),
  action({
    id: `${A}/places/save-posting.ts#savePosting`,
    allowed: ["official", "township"],
    out: "field",
    field: "villageId",
    writes: ["resident_posting", "unit"],
    fn: savePosting,
    input: (fx, scope) => ({
      id: uuid(),
      villageId: side(fx, scope).villageId,
      unitName: "派出单位",
      personName: "驻村队员",
      role: "team_member",
      validFrom: "2024-01-01",
    }),
  }),
  action({
    id: `${A}/places/record-resident-days.ts#recordResidentDays`,
    allowed: ["official", "township"],
    out: "denied",
    writes: ["resident_month"],
    fn: recordResidentDays,
    input: async (fx, scope) => {
      const s = side(fx, scope);
      const id = `00000000-0000-4000-8000-${scope === "in" ? "000000000001" : "000000000002"}`;
      await fx.t.sql(`INSERT INTO unit (id, "countyId", name) VALUES ($1, $2, '矩阵的派出单位') ON CONFLICT DO NOTHING`, [id, s.countyId]);
      await fx.t.sql(
        `INSERT INTO resident_posting (id, "countyId", "villageId", "unitId", "personName", role, "validFrom", "updatedAt") VALUES ($1, $2, $3, $1, '驻村队员', 'team_member', '2024-01-01', now()) ON CONFLICT DO NOTHING`,
        [id, s.countyId, s.villageId],
      );
      return { postingId: id, month: "2024-05", days: "20" };
    },
  }),
  action({
    id: `${A}/places/set-cadre-unit.ts#setCadreUnit`,
    allowed: ["official", "township"],
    out: "field",
    field: "userId",
    writes: ["unit", "app_user", "cadre_assignment"],
    fn: setCadreUnit,
    input: (fx, scope) => ({ userId: scope === "in" ? fx.spareCadre : fx.users.cadre2!, unitName: "帮扶单位" }),
  }),

  // ── designated poor villages: the village exit (decision 0051) ──
  action({
    id: `${A}/village-exit/save-record.ts#saveVillageExitRecord`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["village_exit"],
    fn: saveVillageExitRecord,
    input: async (fx, scope) => {
      const r = await villageExitAt(fx, scope, 2018, "draft");
      return {
        id: r.id,
        version: String(r.version),
        villageId: side(fx, scope).villageId,
        year: "2018",
        roadOk: "on",
        collectiveIncome: "60000",
      };
    },
  }),
  action({
    id: `${A}/village-exit/propose.ts#proposeVillageExitAction`,
    allowed: ["facilitator"],
    out: "denied",
    refusal: {
      code: "invalid",
      why: "the fixture village's incidence (3 of 3 counted people poor) is above the exit threshold: the refusal names the failed criterion",
    },
    writes: ["village_exit", "village_exit_step"],
    fn: proposeVillageExitAction,
    input: async (fx, scope) => {
      const r = await villageExitAt(fx, scope, 2015, "draft");
      return { exitId: r.id, version: String(r.version) };
    },
  }),
  action({
    id: `${A}/village-exit/township-review.ts#reviewVillageExitAction`,
    allowed: ["township"],
    out: "denied",
    writes: ["village_exit", "village_exit_step"],
    fn: reviewVillageExitAction,
    input: async (fx, scope) => {
      const r = await villageExitAt(fx, scope, 2016, "proposed");
      return { exitId: r.id, version: String(r.version), decision: "approve", reason: "" };
    },
  }),
  action({
    id: `${A}/village-exit/county-approve.ts#approveVillageExitAction`,
    allowed: ["official"],
    out: "denied",
    writes: ["village_exit", "village_exit_step", "region"],
    fn: approveVillageExitAction,
    input: async (fx, scope) => {
      const r = await villageExitAt(fx, scope, 2017, "township_reviewed");
      return {
        exitId: r.id,
        version: String(r.version),
        decision: "approve",
        reason: "同意退出",
        incomeJudgment: "met",
        incomeNote: "集体经济收入稳定",
      };
    },
  }),

  // ── evaluations ──
  action({
    id: `${A}/evaluation/create-evaluation.ts#createEvaluation`,
    allowed: ["evaluator"],
    out: "field",
    field: "countyId",
    writes: ["evaluation", "evaluation_member"],
    fn: createEvaluation,
    input: (fx, scope) => ({
      id: uuid(),
      countyId: side(fx, scope).countyId,
      year: String(currentYear()),
      name: `抽查${fx.counter()}`,
      team: [],
      plan: { villages: "1", sharePercent: "100", capPerVillage: "200", includeAllExited: true },
    }),
  }),
  action({
    id: `${A}/evaluation/draw-sample.ts#drawSample`,
    allowed: ["evaluator"],
    out: "denied",
    writes: ["evaluation", "evaluation_list_entry", "sample_household"],
    fn: drawSample,
    input: (fx, scope) => ({ evaluationId: side(fx, scope).evaluations.draft, seed: "matrix-seed" }),
  }),
  action({
    id: `${A}/evaluation/verify-draw.ts#verifyDraw`,
    allowed: ["evaluator"],
    out: "denied",
    writes: [],
    fn: verifyDraw,
    input: (fx, scope) => ({ evaluationId: side(fx, scope).evaluations.drawn }),
  }),
  action({
    id: `${A}/evaluation/set-release.ts#setRelease`,
    allowed: ["evaluator"],
    out: "denied",
    writes: ["evaluation"],
    fn: setRelease,
    input: (fx, scope) => ({ evaluationId: side(fx, scope).evaluations.drawn, releaseAt: new Date(Date.now() + 86_400_000).toISOString() }),
  }),
  action({
    id: `${A}/evaluation/save-questionnaire.ts#saveQuestionnaire`,
    allowed: ["evaluator"],
    out: "denied",
    writes: ["questionnaire", "discrepancy"],
    fn: saveQuestionnaire,
    input: (fx, scope) => ({
      id: uuid(),
      evaluationId: side(fx, scope).evaluations.drawn,
      householdId: side(fx, scope).sampled,
      income: { wages: "30000", business: "0", businessCosts: "0", property: "0", transfers: "0" },
      indicators: {
        income: { evidence: ["bank_statement"] },
        ...Object.fromEntries(
          ["food", "clothing", "medical", "housing", "water", "education"].map((k) => [k, { met: "true", evidence: [] }]),
        ),
      },
      approval: "approve",
      notes: "",
    }),
  }),
  action({
    id: `${A}/evaluation/close-evaluation.ts#closeEvaluation`,
    allowed: ["evaluator"],
    out: "denied",
    writes: ["evaluation"],
    fn: closeEvaluation,
    input: (fx, scope) => ({ evaluationId: side(fx, scope).evaluations.toClose }),
  }),
  action({
    id: `${A}/evaluation/resolve-discrepancy.ts#resolveDiscrepancy`,
    allowed: ["official"],
    out: "denied",
    writes: ["discrepancy"],
    fn: resolveDiscrepancy,
    input: (fx, scope) => ({ discrepancyId: side(fx, scope).discrepancy, resolution: "已入户核实并更正" }),
  }),

  // ── county records (income): the annual income record ──
  action({
    id: `${A}/income/record-income.ts#recordIncome`,
    allowed: ["official", "township", "cadre"],
    out: "denied",
    writes: ["income_record"],
    fn: recordIncome,
    input: async (fx, scope) => {
      const h = side(fx, scope).household;
      const year = 2014 + (fx.counter() % 5);
      const rows = await fx.t.sql<{ revision: number }>(
        `SELECT revision FROM income_record WHERE "householdId" = $1 AND year = $2 AND current`,
        [h, year],
      );
      const rev = rows[0]?.revision ?? 0;
      return {
        id: uuid(),
        householdId: h,
        year: String(year),
        expectedRevision: String(rev),
        correctionReason: rev ? "复核更正" : "",
        incomeWages: "20000",
        transferPension: "1200",
      };
    },
  }),
  action({
    id: `${A}/income/sign-income.ts#signIncome`,
    allowed: ["official", "township", "cadre"],
    out: "denied",
    writes: ["evidence", "income_record"],
    fn: signIncome,
    input: async (fx, scope) => {
      // a fresh unsigned record of the side's household (a year of its own, written directly)
      const h = side(fx, scope).household;
      const id = uuid();
      const zero = Array(16).fill("0").join(", ");
      await fx.t.sql(
        `INSERT INTO income_record (id, "householdId", "countyId", year, "incomeWages", "incomeBusiness", "incomeBusinessCosts", "incomeProperty",
           "incomeTransfers", "transferSubsistence", "transferExtremeHardship", "transferPension", "transferEcological", "transferFamilyPlanning",
           "transferSupport", "excludedMedical", "excludedTemporaryRelief", "excludedHousingSubsidy", "excludedRelocationSubsidy", "excludedGifts",
           "countedMembers", "householdNetIncome", "perCapitaIncome", "recordedById")
         SELECT $1, id, "countyId", $2, ${zero}, 1, 0, 0, 'seed' FROM household WHERE id = $3`,
        [id, 3000 + fx.counter(), h],
      );
      return { recordId: id, method: "signature", signature: new File([PNG], "signature.png", { type: "image/png" }) };
    },
  }),

  action({
    id: `${A}/income/set-household-type.ts#setHouseholdType`,
    allowed: ["official", "township"],
    out: "denied",
    writes: ["household_type_record"],
    fn: setHouseholdType,
    input: (fx, scope) => ({ id: uuid(), householdId: side(fx, scope).household, type: "subsistence", since: T(), basis: "民政局批复" }),
  }),

  // ── households ──
  action({
    id: `${A}/households/add-measure.ts#addMeasure`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["assistance_measure"],
    fn: addMeasure,
    input: (fx, scope) => ({
      householdId: side(fx, scope).household,
      kind: "industry",
      answers: "lack_of_capital",
      description: "产业扶贫：养牛补助",
      amount: "5000",
      startDate: T(),
    }),
  }),
  action({
    // the cadre assigned or an official over the household (county or township); each call with the version it read
    id: `${A}/plans/save-plan.ts#savePlan`,
    allowed: ["cadre", "official", "township"],
    out: "denied",
    writes: ["household_plan", "plan_item"],
    fn: savePlan,
    input: async (fx, scope) => {
      const householdId = side(fx, scope).household;
      const rows = await fx.t.sql<{ version: number }>(`SELECT version FROM household_plan WHERE "householdId" = $1 AND year = $2`, [
        householdId,
        currentYear(),
      ]);
      return { householdId, year: currentYear(), baseVersion: rows[0]?.version, expectedIncome: "5000", items: "落实帮扶措施" };
    },
  }),
  action({
    id: `${A}/households/register-household.ts#registerHousehold`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["household", "member", "cadre_assignment", "assessment"],
    fn: registerHousehold,
    input: (fx, scope) => ({
      villageId: side(fx, scope).villageId,
      number: `R${fx.counter()}`,
      members: [{ name: "新立户户主", sex: "male", birthDate: "1980-05-01", relation: "head" }],
    }),
  }),
  action({
    id: `${A}/households/update-household.ts#updateHousehold`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["household", "assessment"],
    fn: updateHousehold,
    input: async (fx, scope) => {
      const id = side(fx, scope).household;
      return {
        householdId: id,
        baseVersion: await version(fx, "household", id),
        reason: "复核收入",
        changes: { income: { incomeTransfers: 1000 + fx.counter() } },
      };
    },
  }),

  action({
    // out of scope: found nothing, the same answer as an ID nobody holds
    id: `${A}/households/find-by-national-id.ts#findHouseholdByNationalId`,
    allowed: ["official", "township", "cadre", "facilitator"],
    out: "filtered",
    writes: [],
    fn: findHouseholdByNationalId,
    input: (fx, scope) => ({ nationalId: (scope === "in" ? fx.nationalIds.in : fx.nationalIds.out)[0] }),
  }),

  // ── visits ──
  action({
    id: `${A}/visits/log-visit.ts#logVisit`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["visit", "household"],
    fn: logVisit,
    input: async (fx, scope) => {
      const id = side(fx, scope).household;
      return {
        clientVisitId: uuid(),
        householdId: id,
        baseVersion: await version(fx, "household", id),
        date: T(),
        mode: "home",
        findings: "粮食够吃，衣被齐全。",
        confirmation: "read_back",
      };
    },
  }),
  action({
    // a batch: the caller is refused as a whole (unauthenticated, forbidden); a household out of
    // scope is refused in that visit's own answer, which is what the matrix reads
    id: `${A}/visits/sync-visits.ts#syncVisits`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["visit", "household"],
    fn: syncVisits,
    call: async (input) => {
      const r = await syncVisits(undefined, input as Record<string, unknown>);
      return r.ok ? r.data?.results[0]?.result : r;
    },
    input: async (fx, scope) => {
      const id = side(fx, scope).household;
      return {
        visits: [
          {
            clientVisitId: uuid(),
            householdId: id,
            baseVersion: await version(fx, "household", id),
            date: T(),
            mode: "home",
            findings: "离线一周后补传的走访。",
            confirmation: "read_back",
          },
        ],
      };
    },
  }),
  action({
    id: `${A}/visits/confirm-pending.ts#confirmPending`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["visit"],
    fn: confirmPending,
    input: async (fx, scope) => ({
      visitId: side(fx, scope).conflictVisit,
      baseVersion: await version(fx, "household", side(fx, scope).household),
      decision: "discard",
    }),
  }),
  action({
    id: `${A}/visits/resolve-follow-up.ts#resolveFollowUp`,
    allowed: ["cadre"],
    out: "denied",
    writes: ["follow_up"],
    fn: resolveFollowUp,
    input: (fx, scope) => ({ followUpId: side(fx, scope).followUp, resolution: "已协助办理" }),
  }),
  action({
    id: `${A}/visits/report-rejected-visit.ts#reportRejectedVisit`,
    allowed: ["cadre"],
    out: "denied",
    writes: [],
    fn: reportRejectedVisit,
    input: (fx, scope) => ({
      clientVisitId: uuid(),
      householdId: side(fx, scope).household,
      baseVersion: null,
      date: T(),
      mode: "home",
      findings: "离线记录的走访",
      files: { signature: 0, evidence: 0 },
      loggedAt: new Date().toISOString(),
    }),
  }),

  // ── the village meeting ──
  action({
    id: `${A}/meetings/add-representative.ts#addRepresentative`,
    allowed: ["facilitator"],
    out: null,
    writes: ["representative"],
    fn: addRepresentative,
    input: (fx) => ({ name: `新代表${fx.counter()}`, phone: "" }),
  }),
  action({
    id: `${A}/meetings/set-representative-active.ts#setRepresentativeActive`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["representative"],
    fn: setRepresentativeActive,
    input: (fx, scope) => ({ representativeId: side(fx, scope).spareRep, active: "false" }),
  }),
  action({
    id: `${A}/meetings/create-meeting.ts#createMeeting`,
    allowed: ["facilitator"],
    out: null,
    writes: ["meeting"],
    fn: createMeeting,
    input: () => ({ id: uuid(), date: T(), place: "村委会" }),
  }),
  action({
    id: `${A}/meetings/create-meeting.ts#createMeetingAndOpen`,
    allowed: ["facilitator"],
    out: null,
    writes: ["meeting"],
    fn: createMeetingAndOpen,
    call: (input) => redirecting(() => createMeetingAndOpen(undefined, input as never)),
    input: () => ({ id: uuid(), date: T(), place: "村委会" }),
  }),
  action({
    id: `${A}/meetings/add-to-agenda.ts#addToAgenda`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["agenda_item", "proposal", "procedure_step"],
    fn: addToAgenda,
    input: (fx, scope) => ({ meetingId: side(fx, scope).meetings.draft, proposalId: side(fx, scope).proposals.explained }),
  }),
  action({
    id: `${A}/meetings/open-meeting.ts#openMeeting`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["meeting", "meeting_attendance"],
    fn: openMeeting,
    input: (fx, scope) => ({ meetingId: side(fx, scope).meetings.toOpen }),
  }),
  action({
    id: `${A}/meetings/record-attendance.ts#recordAttendance`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["meeting_attendance"],
    fn: recordAttendance,
    input: (fx, scope) => ({ meetingId: side(fx, scope).meetings.open, representativeId: side(fx, scope).reps[5], present: "true" }),
  }),
  action({
    id: `${A}/meetings/record-secret-ballot.ts#recordSecretBallot`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["agenda_item"],
    fn: recordSecretBallot,
    input: (fx, scope) => ({
      meetingId: side(fx, scope).meetings.open,
      agendaItemId: side(fx, scope).openItems.secret,
      yes: "5",
      no: "1",
      abstain: "0",
    }),
  }),
  action({
    id: `${A}/meetings/record-vote.ts#recordVote`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["vote"],
    fn: recordVote,
    input: (fx, scope) => ({
      id: uuid(),
      meetingId: side(fx, scope).meetings.open,
      agendaItemId: side(fx, scope).openItems.rollCall,
      representativeId: side(fx, scope).reps[0],
      choice: "yes",
    }),
  }),
  action({
    id: `${A}/meetings/close-meeting.ts#closeMeeting`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["meeting"],
    fn: closeMeeting,
    input: (fx, scope) => ({ meetingId: side(fx, scope).meetings.toClose, minutes: "会议记录：无表决事项" }),
  }),

  // ── proposals and the procedure ──
  action({
    id: `${A}/proposals/raise-proposal.ts#raiseProposal`,
    allowed: ["cadre", "facilitator"],
    out: "denied",
    writes: ["proposal", "procedure_step", "evidence"],
    fn: raiseProposal,
    input: (fx, scope, actor) => ({
      id: uuid(),
      householdId: actor === "cadre" ? side(fx, scope).raise.cadre : side(fx, scope).raise.facilitator,
      kind: "monitor",
      monitoringCategory: "marginal",
      source: actor === "cadre" ? "cadre" : "application",
      reason: "户主申请：家中突发变故",
      // the household's signed application and asset-query authorisation, photographed
      authorisation: new File([PNG], "authorisation.png", { type: "image/png" }),
    }),
  }),
  action({
    id: `${A}/proposals/raise-proposal.ts#raiseProposalAndOpen`,
    allowed: ["cadre", "facilitator"],
    out: "denied",
    writes: ["proposal", "procedure_step", "evidence"],
    fn: raiseProposalAndOpen,
    call: (input) => redirecting(() => raiseProposalAndOpen(undefined, input as never)),
    input: (fx, scope, actor) => ({
      id: uuid(),
      householdId: actor === "cadre" ? side(fx, scope).raise.cadreOpen : side(fx, scope).raise.facilitatorOpen,
      kind: "monitor",
      monitoringCategory: "marginal",
      source: actor === "cadre" ? "cadre" : "application",
      reason: "户主申请：家中突发变故",
      // the household's signed application and asset-query authorisation, photographed
      authorisation: new File([PNG], "authorisation.png", { type: "image/png" }),
    }),
  }),
  action({
    id: `${A}/proposals/explain-comparison.ts#explainComparison`,
    allowed: ["cadre", "facilitator"],
    out: "denied",
    writes: ["proposal", "procedure_step"],
    fn: explainComparison,
    input: async (fx, scope, actor) => {
      const p = actor === "cadre" ? side(fx, scope).proposals.flaggedCadre : side(fx, scope).proposals.flaggedFacilitator;
      return { proposalId: p, version: await version(fx, "proposal", p), explanation: "车辆为亲属借用，已核实" };
    },
  }),
  action({
    id: `${A}/proposals/record-home-verification.ts#recordHomeVerification`,
    allowed: ["cadre", "facilitator"],
    out: "denied",
    writes: ["evidence", "home_verification", "proposal"],
    fn: recordHomeVerification,
    input: (fx, scope) => ({
      id: uuid(),
      proposalId: side(fx, scope).proposals.exit,
      checkedOn: T(),
      checkedByName: "帮扶干部",
      perCapitaIncome: "9000",
      food: "met",
      clothing: "met",
      medical: "met",
      housing: "met",
      water: "met",
      education: "met",
      findings: "与档案一致",
      signature: new File([PNG], "signature.png", { type: "image/png" }),
    }),
  }),
  action({
    id: `${A}/proposals/record-exit-agreement.ts#recordExitAgreement`,
    allowed: ["cadre", "facilitator"],
    out: "denied",
    writes: ["evidence", "exit_agreement", "proposal"],
    fn: recordExitAgreement,
    input: async (fx, scope) => {
      const p = side(fx, scope).proposals.exitVoted;
      return {
        id: uuid(),
        proposalId: p,
        version: await version(fx, "proposal", p),
        outcome: "agreed",
        method: "signature",
        signature: new File([PNG], "signature.png", { type: "image/png" }),
      };
    },
  }),
  action({
    id: `${A}/procedure/publish-notice.ts#publishNotice`,
    allowed: ["facilitator"],
    out: "denied",
    writes: ["notice", "notice_item", "proposal", "procedure_step"],
    fn: publishNotice,
    input: (fx, scope) => ({
      id: uuid(),
      meetingId: side(fx, scope).meetings.closed,
      proposalIds: [side(fx, scope).proposals.voted],
      startDate: T(),
    }),
  }),
  action({
    id: `${A}/procedure/lodge-objection.ts#lodgeObjection`,
    allowed: ["facilitator", "cadre", "official", "township"],
    out: "denied",
    writes: ["objection", "proposal", "procedure_step"],
    fn: lodgeObjection,
    input: (fx, scope, actor) => ({
      id: uuid(),
      proposalId: per(side(fx, scope).proposals.objection, actor),
      byName: "村民甲",
      contact: "",
      text: "该户家中有小汽车",
    }),
  }),
  action({
    id: `${A}/procedure/send-back.ts#sendBack`,
    allowed: ["facilitator", "township", "official"],
    out: "denied",
    writes: ["objection", "proposal", "procedure_step"],
    fn: sendBack,
    input: async (fx, scope, actor) => {
      const p = per(side(fx, scope).proposals.sendBack, actor);
      return { proposalId: p, version: await version(fx, "proposal", p), reason: "核实明白卡异议", aboutItem: "yes", isNew: "yes" };
    },
  }),
  action({
    id: `${A}/procedure/township-review.ts#townshipReview`,
    allowed: ["township"],
    out: "denied",
    writes: ["proposal", "procedure_step"],
    fn: townshipReview,
    input: async (fx, scope) => {
      const p = side(fx, scope).proposals.townshipReview;
      return { proposalId: p, version: await version(fx, "proposal", p), reason: "乡镇审核：材料齐全" };
    },
  }),
  action({
    id: `${A}/procedure/return-at-review.ts#returnAtReview`,
    allowed: ["township", "official"],
    out: "denied",
    writes: ["proposal", "procedure_step"],
    fn: returnAtReview,
    input: async (fx, scope, actor) => {
      const p = actor === "official" ? side(fx, scope).proposals.reviewReturn.official : side(fx, scope).proposals.reviewReturn.township;
      return { proposalId: p, version: await version(fx, "proposal", p), reason: "审核退回：收入证明不符" };
    },
  }),
  action({
    // another village's items: refused on the field like items not eligible, and the denial recorded
    id: `${A}/procedure/publish-second-notice.ts#publishSecondNotice`,
    allowed: ["facilitator", "township"],
    out: "field",
    field: "proposalIds",
    writes: ["notice", "notice_item", "proposal", "procedure_step"],
    fn: publishSecondNotice,
    input: (fx, scope, actor) => ({ id: uuid(), proposalIds: [per(side(fx, scope).proposals.secondNotice, actor)], startDate: T() }),
  }),
  action({
    id: `${A}/procedure/county-approve.ts#countyApprove`,
    allowed: ["official"],
    out: "denied",
    writes: ["proposal", "procedure_step"],
    fn: countyApprove,
    input: async (fx, scope) => {
      const p = side(fx, scope).proposals.countyApprove;
      return { proposalId: p, version: await version(fx, "proposal", p), reason: "县级审批：同意" };
    },
  }),
  action({
    id: `${A}/procedure/announce.ts#announce`,
    allowed: ["official"],
    out: "denied",
    writes: ["notice", "notice_item", "proposal", "procedure_step", "household", "monitoring_period", "assessment", "registration_change"],
    fn: announce,
    input: (fx, scope) => ({ id: uuid(), proposalIds: [side(fx, scope).proposals.announce] }),
  }),

  // ── bulk import (admin): jobs live in the server's memory, one user's each ──
  action({
    id: `${A}/import/begin-import.ts#beginImport`,
    allowed: ["admin"],
    out: null,
    writes: [],
    fn: beginImport,
    input: () => ({}),
  }),
  action({
    id: `${A}/import/import-progress.ts#importProgress`,
    allowed: ["admin"],
    out: "denied",
    writes: [],
    fn: importProgress,
    input: (fx, scope) => ({ jobId: importJob(fx, scope) }),
  }),
  action({
    id: `${A}/import/run-import.ts#runImport`,
    allowed: ["admin"],
    out: "denied",
    writes: [],
    // the matrix uploads nothing, so no import starts in the background
    refusal: { code: "invalid", why: "a job with no file uploaded" },
    fn: runImport,
    input: (fx, scope) => ({ jobId: importJob(fx, scope), dryRun: true }),
  }),
  action({
    id: `${A}/feeds/load-feed.ts#loadDepartmentFeed`,
    allowed: ["admin", "official", "township"],
    // a county loads only its own people: another area's scope is refused on its field
    out: "field",
    field: "scopeId",
    writes: ["department_feed", "department_feed_row"],
    fn: loadDepartmentFeed,
    input: (fx, scope, actor) => {
      const side = scope === "in" ? fx.in : fx.foreign;
      // a valid ID nobody has: the feed loads with one unmatched row (a new file each call, so never a replay)
      const id = makeNationalId("520603", "1980-01-01", 500 + (fx.counter() % 400));
      return {
        department: "public_security",
        asOf: "2026-01-31",
        scopeId: actor === "township" ? side.townshipId : side.countyId,
        file: new File([`national_id,fact,date,value\n${id},vehicle,,${40000 + fx.counter()}\n`], "gongan.csv", { type: "text/csv" }),
      };
    },
  }),
  route({
    id: "app/(app)/admin/import/upload/route.ts#PUT",
    allowed: ["admin"],
    out: "denied",
    writes: [],
    fn: importUpload,
    request: (fx, scope) => ({
      url: `/admin/import/upload?job=${importJob(fx, scope)}&name=regions.csv`,
      init: { method: "PUT", body: "id,parentId,level,name\n", headers: { origin: "http://localhost:3000", host: "localhost:3000" } },
    }),
  }),

  // ── the work calendar (admin; one national calendar, so no out-of-scope object) ──
  action({
    id: `${A}/admin/set-calendar-day.ts#setCalendarDay`,
    allowed: ["admin"],
    out: null,
    writes: ["calendar_day"],
    fn: setCalendarDay,
    input: (fx) => ({ date: calendarDate(fx), kind: "holiday", name: "测试节" }),
  }),
  action({
    id: `${A}/admin/remove-calendar-day.ts#removeCalendarDay`,
    allowed: ["admin"],
    out: null,
    writes: ["calendar_day"],
    fn: removeCalendarDay,
    input: async (fx) => {
      const date = calendarDate(fx);
      await fx.t.sql(`INSERT INTO calendar_day (date, kind, name) VALUES ($1::date, 'holiday', '测试节')`, [date]);
      return { date };
    },
  }),
  action({
    id: `${A}/admin/publish-calendar-year.ts#publishCalendarYear`,
    allowed: ["admin"],
    out: null,
    writes: ["calendar_year"],
    fn: publishCalendarYear,
    input: (fx) => ({ year: 2030 + (fx.counter() % 60), mode: "manual", notice: "国办发明电 测试" }),
  }),
  action({
    id: `${A}/admin/withdraw-calendar-year.ts#withdrawCalendarYear`,
    allowed: ["admin"],
    out: null,
    writes: ["calendar_year"],
    fn: withdrawCalendarYear,
    input: async (fx) => {
      const year = 2030 + (fx.counter() % 60);
      await fx.t.sql(`INSERT INTO calendar_year (year, source) VALUES ($1, 'test') ON CONFLICT (year) DO NOTHING`, [year]);
      return { year };
    },
  }),

  // ── notifications (admin: the channel of their own province) ──
  action({
    id: `${A}/admin/save-notify-channel.ts#saveNotifyChannel`,
    allowed: ["admin"],
    out: null,
    writes: ["notify_channel"],
    fn: saveNotifyChannel,
    input: async (fx) => {
      const rows = await fx.t.sql<{ version: number }>(`SELECT version FROM notify_channel WHERE "provinceId" = '52'`);
      // a change every time (the kind flips), so an allowed call always writes
      return {
        kind: fx.counter() % 2 ? "log" : "wecom",
        url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test",
        enabled: "on",
        version: rows[0]?.version ?? 1,
      };
    },
  }),
  action({
    id: `${A}/admin/send-test-notification.ts#sendTestNotification`,
    allowed: ["admin"],
    out: null,
    writes: ["notification"],
    fn: sendTestNotification,
    // log only (no channel set, or the channel switched off): recorded, nothing leaves the machine
    input: async (fx) => {
      await fx.t.sql(`UPDATE notify_channel SET enabled = false`);
      return {};
    },
  }),

  // ── the language cookie ──
  action({
    id: `${A}/set-locale.ts#setLocale`,
    allowed: EVERYONE,
    out: null,
    writes: [],
    fn: setLocale,
    call: (input) => setLocale(input as string),
    input: () => "en",
  }),

  // ── route handlers ──
  route({
    id: "app/(app)/evaluator/[id]/draw.json/route.ts#GET",
    allowed: ["evaluator", "official"],
    out: "denied",
    writes: [],
    fn: drawJson,
    request: (fx, scope) => ({ url: "/evaluator/x/draw.json", params: { id: side(fx, scope).evaluations.released } }),
  }),
  route({
    id: "app/(app)/evaluator/[id]/frozen-list.csv/route.ts#GET",
    allowed: ["evaluator", "official"],
    out: "denied",
    writes: [],
    fn: frozenList,
    request: (fx, scope) => ({ url: "/evaluator/x/frozen-list.csv", params: { id: side(fx, scope).evaluations.released } }),
  }),
  route({
    id: "app/(app)/leads/photo/[id]/route.ts#GET",
    allowed: ["cadre", "official", "township"],
    out: "denied",
    writes: [],
    fn: leadPhoto,
    request: (fx, scope) => ({ url: "/leads/photo/x", params: { id: side(fx, scope).lead } }),
  }),
  route({
    // the audit administrator's export: another county's events are simply not in it
    id: "app/(app)/audit/export/route.ts#GET",
    allowed: ["auditor"],
    out: "filtered",
    writes: [],
    fn: auditExport,
    request: (fx, scope) => ({ url: scope === "in" ? "/audit/export" : `/audit/export?county=${fx.out.countyId}` }),
  }),
  route({
    id: "app/(app)/meetings/[id]/minutes/route.ts#GET",
    allowed: ["admin", "official", "township", "facilitator"],
    out: "denied",
    writes: [],
    fn: minutesScan,
    request: (fx, scope, actor) => ({
      url: "/meetings/x/minutes",
      params: { id: scope === "in" ? fx.in.meetings.closed : actor === "admin" ? fx.foreign.meeting : fx.out.meetings.closed },
    }),
  }),
  route({
    id: "app/api/evidence/[id]/route.ts#GET",
    allowed: ["admin", "official", "township", "cadre", "facilitator"],
    out: "denied",
    writes: [],
    fn: evidenceFile,
    request: (fx, scope, actor) => ({
      url: "/api/evidence/x",
      params: { id: scope === "in" ? fx.in.evidence : actor === "admin" ? fx.foreign.evidence : fx.out.evidence },
    }),
  }),
  route({
    id: "app/api/county/export/households/route.ts#GET",
    allowed: ["official", "township"],
    out: "denied",
    writes: [],
    fn: exportHouseholds,
    request: (fx, scope) => ({ url: `/api/county/export/households?village=${side(fx, scope).villageId}` }),
  }),
  route({
    id: "app/api/county/export/villages/route.ts#GET",
    allowed: ["official", "township"],
    out: "filtered",
    writes: [],
    fn: exportVillages,
    // out: the other county's township as the filter, and a page past the end
    request: (fx, scope) => ({
      url: scope === "in" ? "/api/county/export/villages" : `/api/county/export/villages?township=${fx.out.townshipId}&page=2`,
    }),
  }),
  route({
    id: "app/api/county/export/key-households/route.ts#GET",
    allowed: ["official"],
    out: "filtered",
    writes: [],
    fn: exportKeyHouseholds,
    // out: the other county's village as the filter finds nothing of it
    request: (fx, scope) => ({
      url: scope === "in" ? "/api/county/export/key-households" : `/api/county/export/key-households?village=${fx.out.villageId}`,
    }),
  }),
  route({
    id: "app/notices/[id]/pdf/route.ts#GET",
    allowed: ["admin", "official", "township", "facilitator"],
    out: "denied",
    writes: [],
    fn: noticePdf,
    // archived already (no Chromium in this test: the archive is streamed)
    request: async (fx, scope, actor) => ({
      url: "/notices/x/pdf",
      params: {
        id: await archivedNotice(fx, scope === "in" ? fx.in.villageId : actor === "admin" ? fx.foreign.villageId : fx.out.villageId),
      },
    }),
  }),
  // the household handbook (扶贫手册): its HTML (?format=html, what Chromium prints; the PDF itself is
  // tested in tests/integration/handbook.test.ts); the household scope, a sensitive read
  route({
    id: "app/(app)/households/[id]/handbook/route.ts#GET",
    allowed: ["admin", "official", "township", "cadre", "facilitator"],
    out: "denied",
    writes: [],
    fn: householdHandbook,
    request: (fx, scope, actor) => ({
      url: "/households/x/handbook?format=html",
      params: { id: scope === "in" ? fx.in.household : actor === "admin" ? fx.foreign.household : fx.out.household },
    }),
  }),
  route({
    id: "app/(app)/county/villages/[id]/handbook/route.ts#GET",
    allowed: ["admin", "official", "township", "cadre", "facilitator"],
    out: "denied",
    writes: [],
    fn: villageHandbook,
    // a cadre's village handbook holds their own households there
    request: (fx, scope, actor) => ({
      url: "/county/villages/x/handbook?format=html",
      params: { id: scope === "in" ? fx.in.villageId : actor === "admin" ? fx.foreign.villageId : fx.out.villageId },
    }),
  }),
  route({
    id: "app/api/health/route.ts#GET",
    allowed: EVERYONE,
    out: null,
    writes: ["ops_job"],
    fn: health,
    // no migration table in the test databases and no upload folder set up: a 503 is its answer here
    okStatus: 503,
    request: () => ({ url: "/api/health" }),
  }),
  route({
    id: "app/card/[token]/limited/route.ts#GET",
    allowed: EVERYONE,
    out: null,
    writes: [],
    okStatus: 429,
    fn: cardLimited,
    request: () => ({ url: "/card/x/limited", params: { token: "A".repeat(43) } }),
  }),
  route({
    id: "app/api/auth/[...nextauth]/route.ts#GET",
    allowed: EVERYONE,
    out: null,
    writes: [],
    fn: authGet,
    call: (req, ctx) => inNextRequestScope("/api/auth/[...nextauth]", () => authGet(req, ctx)),
    request: () => ({ url: "/api/auth/providers", params: { nextauth: ["providers"] } }),
  }),
  route({
    id: "app/api/auth/[...nextauth]/route.ts#POST",
    allowed: EVERYONE,
    out: null,
    writes: [],
    okStatus: 302,
    fn: authPost,
    call: (req, ctx) => inNextRequestScope("/api/auth/[...nextauth]", () => authPost(req, ctx)),
    // a sign-out without the CSRF token: next-auth answers with a redirect, and nothing changes
    request: () => ({
      url: "/api/auth/signout",
      params: { nextauth: ["signout"] },
      init: { method: "POST", body: new URLSearchParams({}), headers: { "content-type": "application/x-www-form-urlencoded" } },
    }),
  }),
];

/** Call an entry as the browser would: a form action with its input, a route with its request. */
export function callAction(entry: ActionEntry, input: unknown): Promise<unknown> {
  return entry.call ? entry.call(input) : (entry.fn as (prev: undefined, input: unknown) => Promise<unknown>)(undefined, input);
}

export function callRoute(entry: RouteEntry, req: Request, params: Record<string, string | string[]>): Promise<Response> {
  const ctx = { params: Promise.resolve(params) as Promise<never> };
  return entry.call ? entry.call(req, ctx) : entry.fn(req, ctx);
}

/** What the matrix expects of one call. */
export type Expectation = "allowed" | "denied" | "field" | "filtered" | "unknown_key";

export function expectation(entry: Entry, actor: Actor, scope: Scope): Expectation | null {
  if (scope === "out" && entry.out === null) return null;
  const allowed = entry.allowed.includes(actor);
  if (!allowed) return "denied";
  return scope === "in" ? "allowed" : entry.out;
}
