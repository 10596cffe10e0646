// Department feeds, signed in (docs/department-feeds.md): loading one for people of one's own
// area, the county's feeds page, a household's department rows (sensitive reads, audited), and
// the retention that deletes feed rows while keeping what they produced.
import "server-only";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { fieldError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import type { ReviewCountyId } from "@/lib/auth/scope";
import { today } from "@/lib/clock";
import { resolvePolicy } from "@/lib/domain/policy";
import { DEPARTMENTS, FEED_FACTS, isStale, type DepartmentCode, type FeedFact } from "@/lib/domain/feeds";
import { memorySource } from "@/lib/import";
import { loadPolicyRows } from "./assessment";
import { auditSensitiveRead } from "./sensitive-reads";
import { loadFeed, type FeedReport } from "@/lib/feeds/load";
import type { LoadFeedInput } from "@/lib/validation/feeds";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The scope a viewer loads a feed for: a county official's own region (or a region under it); an
 * admin's chosen region under theirs, at province level or below. Anything else is refused on the
 * scope field: a county can only load its own people.
 */
export async function feedScopeFor(viewer: Pick<Viewer, "id" | "role" | "regionId">, scopeId: string | undefined): Promise<string> {
  const scope = scopeId ?? viewer.regionId;
  const region = scope.startsWith(viewer.regionId) ? await db().region.findUnique({ where: { id: scope }, select: { id: true } }) : null;
  if (!region) {
    // another area's people: refused on the field, and recorded like every refusal
    await audit(db(), actorOf(viewer), {
      action: "access.denied",
      entity: "region",
      entityId: scope.slice(0, 64),
      after: { code: "out_of_scope", via: "feed.load" },
    });
    throw fieldError("scopeId", "feeds.errors.scope");
  }
  return scope;
}

export async function loadFeedFor(viewer: Viewer, input: LoadFeedInput): Promise<FeedReport> {
  const scopeId = await feedScopeFor(viewer, input.scopeId);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const name = input.file instanceof File && input.file.name ? input.file.name : "feed.csv";
  return loadFeed(db(), memorySource(name, bytes), { actor: actorOf(viewer), scopeId, department: input.department, asOf: input.asOf });
}

// ───────────────────────── the county's feeds page ─────────────────────────

export const FEEDS_PAGE_SIZE = 30;

export interface FeedListItem {
  id: string;
  scopeId: string;
  department: DepartmentCode;
  asOf: string;
  loadedAt: string;
  fileName: string;
  sha256: string;
  /** null: a wider feed seen from a township (its rows are not the township's) */
  rows: number | null;
  matched: number | null;
  unmatched: number | null;
  flags: number;
  leads: number;
  facts: number;
  purged: boolean;
}

export interface DepartmentState {
  department: DepartmentCode;
  latestAsOf: string | null;
  stale: boolean;
}

/** The prefixes of a county that a feed's scope may be: the province, the city, the county. */
const scopesOf = (countyId: string) => [countyId.slice(0, 2), countyId.slice(0, 4), countyId];

/** Whose feeds page: a county's (its reviewers'), or a township's (its township reviewers'). */
export type FeedsRegion = { kind: "county"; id: ReviewCountyId } | { kind: "township"; id: string };

/**
 * One region's feeds page, newest first, a page at a time, with each department's latest as-of
 * day and whether it is stale (policy feedStaleMonths). A county sees the feeds that touched it
 * (its own, and its city's or province's) with their own counts. A township sees the feeds that
 * could touch its people (its own, its county's, city's or province's), each counted within the
 * township only — the rows matched to its households and the flags, leads and facts they
 * produced there; unmatched rows belong to no household, so they are counted only on the
 * township's own feeds (null on the others). The view is recorded (department data is sensitive,
 * though there are only counts here).
 */
export async function regionFeeds(viewer: Pick<Viewer, "id" | "role">, region: FeedsRegion, page = 1) {
  const countyId = region.id.slice(0, 6);
  const township = region.kind === "township" ? region.id : null;
  const where = { scopeId: { in: township ? [...scopesOf(countyId), township] : scopesOf(countyId) } };
  const [total, feeds, latest, policyRows] = await Promise.all([
    db().departmentFeed.count({ where }),
    db().departmentFeed.findMany({
      where,
      orderBy: [{ loadedAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * FEEDS_PAGE_SIZE,
      take: FEEDS_PAGE_SIZE,
    }),
    db().departmentFeed.groupBy({ by: ["department"], where, _max: { asOf: true } }),
    loadPolicyRows(db()),
  ]);
  const within = township
    ? await townshipCounts(
        feeds.map((f) => f.id),
        countyId,
        township,
      )
    : null;
  const day = today();
  const months = resolvePolicy(policyRows, Number(day.slice(0, 4)), countyId.slice(0, 2)).values.feedStaleMonths;
  const latestOf = new Map(latest.map((l) => [l.department, l._max.asOf ? isoDay(l._max.asOf) : null]));
  await auditSensitiveRead(viewer, {
    entity: region.kind,
    entityId: region.id,
    countyId,
    fields: ["department"],
    via: `${region.kind}.feeds`,
    rows: feeds.length,
  });
  return {
    total,
    page,
    pageSize: FEEDS_PAGE_SIZE,
    staleMonths: months,
    departments: DEPARTMENTS.map((d): DepartmentState => {
      const latestAsOf = latestOf.get(d) ?? null;
      return { department: d, latestAsOf, stale: isStale(latestAsOf, day, months) };
    }),
    feeds: feeds.map((f): FeedListItem => {
      // a wider feed seen from a township: only what it did there
      const wider = within && f.scopeId !== township ? within : null;
      return {
        id: f.id,
        scopeId: f.scopeId,
        department: f.department,
        asOf: isoDay(f.asOf),
        loadedAt: f.loadedAt.toISOString(),
        fileName: f.fileName,
        sha256: f.sha256,
        rows: wider ? null : f.rows,
        // after the retention the rows are gone: the township's matched count is then unknown
        matched: !wider ? f.matched : f.purgedAt ? null : (wider.matched.get(f.id) ?? 0),
        unmatched: wider ? null : f.unmatched,
        flags: within ? within.found(f.id, "flag") : f.flags,
        leads: within ? within.found(f.id, "lead") : f.leads,
        facts: within ? within.found(f.id, "fact") : f.facts,
        purged: f.purgedAt !== null,
      };
    }),
  };
}

/** The feeds' rows matched to a township's households, and the findings they produced there (two GROUP BYs). */
async function townshipCounts(ids: string[], countyId: string, townshipId: string) {
  const prefix = `${townshipId}%`;
  const [rowCounts, findingCounts] = ids.length
    ? await Promise.all([
        db().$queryRawUnsafe<{ feedId: string; n: number }[]>(
          `SELECT r."feedId", count(*)::int AS n FROM department_feed_row r JOIN household h ON h.id = r."householdId"
            WHERE r."feedId" = ANY($1::text[]) AND h."countyId" = $2 AND h."villageId" LIKE $3 GROUP BY r."feedId"`,
          ids,
          countyId,
          prefix,
        ),
        db().$queryRawUnsafe<{ feedId: string; kind: string; n: number }[]>(
          `SELECT f."feedId", f.kind::text AS kind, count(*)::int AS n FROM department_finding f JOIN household h ON h.id = f."householdId"
            WHERE f."feedId" = ANY($1::text[]) AND f."countyId" = $2 AND h."countyId" = $2 AND h."villageId" LIKE $3 GROUP BY 1, 2`,
          ids,
          countyId,
          prefix,
        ),
      ])
    : [[], []];
  const found = new Map(findingCounts.map((c) => [`${c.feedId}:${c.kind}`, c.n]));
  return {
    matched: new Map(rowCounts.map((r) => [r.feedId, r.n])),
    found: (feedId: string, kind: "flag" | "lead" | "fact") => found.get(`${feedId}:${kind}`) ?? 0,
  };
}

/** The county's feeds page (regionFeeds). */
export const countyFeeds = (viewer: Pick<Viewer, "id" | "role">, countyId: ReviewCountyId, page = 1) =>
  regionFeeds(viewer, { kind: "county", id: countyId }, page);

/** The township reviewer's feeds page (regionFeeds). */
export const townshipFeeds = (viewer: Pick<Viewer, "id" | "role">, townshipId: string, page = 1) =>
  regionFeeds(viewer, { kind: "township", id: townshipId }, page);

// ───────────────────────── a household's department rows ─────────────────────────

/** Facts about health: shown only to those who see the medical indicator's details (the cadre, the county). */
const MEDICAL_FACTS: readonly string[] = ["large_bill", "disability_certificate", "insured", "not_insured"];
const SEES_MEDICAL = new Set(["cadre", "county_official"]);

export interface DepartmentFindingItem {
  id: string;
  kind: "flag" | "lead" | "fact";
  department: DepartmentCode;
  asOf: string;
  fact: FeedFact;
  date: string | null;
  value: string | null;
  member: string | null;
  helpRequestId: string | null;
}

/**
 * What departments' data produced for one household the viewer may already read (the caller
 * scoped it): flags to everyone who sees the household, medical facts only to the cadre and the
 * county. Every view is recorded.
 */
export async function householdDepartmentData(
  viewer: Pick<Viewer, "id" | "role">,
  household: { id: string; countyId: string },
): Promise<{ items: DepartmentFindingItem[]; hiddenMedical: boolean }> {
  const medical = SEES_MEDICAL.has(viewer.role);
  const rows = await db().departmentFinding.findMany({
    where: { householdId: household.id, ...(medical ? {} : { code: { notIn: [...MEDICAL_FACTS] } }) },
    orderBy: [{ asOf: "desc" }, { createdAt: "desc" }],
    take: 100,
    select: {
      id: true,
      kind: true,
      department: true,
      asOf: true,
      code: true,
      factDate: true,
      value: true,
      memberId: true,
      helpRequestId: true,
    },
  });
  const memberIds = [...new Set(rows.map((r) => r.memberId).filter((m): m is string => Boolean(m)))];
  const names = new Map(
    (await db().member.findMany({ where: { id: { in: memberIds }, householdId: household.id }, select: { id: true, name: true } })).map(
      (m) => [m.id, m.name],
    ),
  );
  if (rows.length > 0) {
    await auditSensitiveRead(viewer, {
      entity: "household",
      entityId: household.id,
      countyId: household.countyId,
      fields: ["department"],
      via: "household.department",
      rows: rows.length,
    });
  }
  return {
    hiddenMedical: !medical,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      department: r.department,
      asOf: isoDay(r.asOf),
      fact: (r.code in FEED_FACTS ? r.code : "vehicle") as FeedFact,
      date: r.factDate ? isoDay(r.factDate) : null,
      value: r.value ? r.value.toString() : null,
      member: r.memberId ? (names.get(r.memberId) ?? null) : null,
      helpRequestId: r.helpRequestId,
    })),
  };
}

// ───────────────────────── retention ─────────────────────────

// the periodic job's (lib/jobs/feeds-purge.ts) and `npm run feeds:purge`'s: lib/feeds/retention.ts
export { purgeExpiredFeedRows } from "@/lib/feeds/retention";
