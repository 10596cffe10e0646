// What the benchmarks check in the database after a run, in plain SQL.
//
// What logVisit writes, in ONE transaction (lib/data/visits/log-visit.ts recordVisit):
//   visit row (id = the device's clientVisitId) · follow_up rows · evidence rows ·
//   when the visit brings changes that apply: household version+1 and facts, an assessment
//   row (trigger "visit") and the audit event household.update_from_visit (after.visitId) ·
//   household.lastVisitAt · the audit event visit.create (entityId = visit id, after.changed).
// So after any crash there must be no visit without its visit.create event and none the other
// way, no household.update_from_visit without its visit, no visit whose event says "changed"
// without the household event, each household's version moved exactly by its household.update*
// events and its assessments by its update_from_visit events, and an intact audit hash chain.
import { query } from "./db";

export interface Baseline {
  maxAuditId: string;
  /** per household of the run: version and number of assessments at the start */
  households: Map<string, { version: number; assessments: number }>;
}

export async function takeBaseline(url: string, householdIds: string[]): Promise<Baseline> {
  const [top] = await query<{ max: string }>(url, `SELECT coalesce(max(id), 0)::text AS max FROM audit_event`);
  const rows = await query<{ id: string; version: number; assessments: string }>(
    url,
    `SELECT h.id, h.version, (SELECT count(*) FROM assessment a WHERE a."householdId" = h.id)::text AS assessments
       FROM household h WHERE h.id = ANY($1::text[])`,
    [householdIds],
  );
  return {
    maxAuditId: top?.max ?? "0",
    households: new Map(rows.map((r) => [r.id, { version: r.version, assessments: Number(r.assessments) }])),
  };
}

export interface Reconciliation {
  ok: boolean;
  /** distinct visit ids sent at least once */
  sent: number;
  /** of those, rows in table visit */
  stored: number;
  /** ids whose success the client saw (ok, or kept as "conflict") */
  acknowledged: number;
  /** ids stored more than once: visit.create events > 1, or more follow-ups than sent */
  duplicates: number;
  /** acknowledged but not stored */
  lostAcknowledged: number;
  /** sent but not stored (never acknowledged: the client gave up) */
  notStored: number;
  /** visits of this run (by their findings tag) whose id the client never sent */
  unexpected: number;
}

export async function reconcile(
  url: string,
  args: { runTag: string; sentIds: string[]; ackedIds: Set<string>; followUpsSent: Map<string, number> },
): Promise<Reconciliation> {
  const ids = args.sentIds;
  const storedRows = await query<{ id: string }>(url, `SELECT id FROM visit WHERE id = ANY($1::text[])`, [ids], 10);
  const stored = new Set(storedRows.map((r) => r.id));
  const [dupAudit] = await query<{ n: string }>(
    url,
    `SELECT count(*)::text AS n FROM (SELECT "entityId" FROM audit_event WHERE action = 'visit.create' AND entity = 'visit'
       AND "entityId" = ANY($1::text[]) GROUP BY "entityId" HAVING count(*) > 1) d`,
    [ids],
    10,
  );
  const fu = await query<{ visitId: string; n: number }>(
    url,
    `SELECT "visitId", count(*)::int AS n FROM follow_up WHERE "visitId" = ANY($1::text[]) GROUP BY 1`,
    [ids],
    10,
  );
  const dupFollowUps = fu.filter((r) => r.n > (args.followUpsSent.get(r.visitId) ?? 0)).length;
  const [unexpected] = await query<{ n: string }>(
    url,
    `SELECT count(*)::text AS n FROM visit WHERE findings LIKE $1 AND NOT (id = ANY($2::text[]))`,
    [`bench ${args.runTag} %`, ids],
    10,
  );
  let lostAcknowledged = 0;
  for (const id of args.ackedIds) if (!stored.has(id)) lostAcknowledged++;
  const notStored = ids.filter((id) => !stored.has(id)).length;
  const duplicates = Number(dupAudit!.n) + dupFollowUps;
  const r = {
    sent: ids.length,
    stored: stored.size,
    acknowledged: args.ackedIds.size,
    duplicates,
    lostAcknowledged,
    notStored,
    unexpected: Number(unexpected!.n),
  };
  return { ok: r.stored === r.sent && duplicates === 0 && lostAcknowledged === 0 && r.unexpected === 0, ...r };
}

export interface Integrity {
  ok: boolean;
  visitsWithoutAudit: number;
  visitAuditsWithoutVisit: number;
  householdAuditsWithoutVisit: number;
  changedVisitsWithoutHouseholdAudit: number;
  evidenceWithoutVisit: number;
  followUpsWithoutVisit: number;
  /** households whose version moved by other than their household.update* events */
  versionMismatches: number;
  /** households whose assessments grew by other than their update_from_visit events */
  assessmentMismatches: number;
  /** informative: visits of the run kept as "conflict" (stale base version), changes held */
  conflictVisits: number;
  /** informative: visits of the run whose changes were applied (version bumps) */
  appliedChanges: number;
  auditChain: { ok: boolean; checked: number; detail?: string };
}

const n = async (url: string, sql: string, params: unknown[] = []) => Number((await query<{ n: string }>(url, sql, params, 10))[0]!.n);

export async function integrity(url: string, base: Baseline, runIds: string[], opts: { chain?: boolean } = {}): Promise<Integrity> {
  const b = base.maxAuditId;
  const visitsWithoutAudit = await n(
    url,
    `SELECT count(*)::text AS n FROM visit v WHERE v.id = ANY($1::text[]) AND NOT EXISTS
       (SELECT 1 FROM audit_event e WHERE e.entity = 'visit' AND e."entityId" = v.id AND e.action = 'visit.create')`,
    [runIds],
  );
  const visitAuditsWithoutVisit = await n(
    url,
    `SELECT count(*)::text AS n FROM audit_event e WHERE e.id > $1::bigint AND e.action = 'visit.create'
       AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = e."entityId")`,
    [b],
  );
  const householdAuditsWithoutVisit = await n(
    url,
    `SELECT count(*)::text AS n FROM audit_event e WHERE e.id > $1::bigint AND e.action = 'household.update_from_visit'
       AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = e.after->>'visitId')`,
    [b],
  );
  const changedVisitsWithoutHouseholdAudit = await n(
    url,
    `SELECT count(*)::text AS n FROM audit_event e WHERE e.id > $1::bigint AND e.action = 'visit.create'
       AND jsonb_typeof(e.after->'changed') = 'array' AND jsonb_array_length(e.after->'changed') > 0
       AND NOT EXISTS (SELECT 1 FROM audit_event x WHERE x.id > $1::bigint AND x.action = 'household.update_from_visit'
                         AND x.after->>'visitId' = e."entityId")`,
    [b],
  );
  const evidenceWithoutVisit = await n(
    url,
    `SELECT count(*)::text AS n FROM evidence ev WHERE ev."visitId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = ev."visitId")`,
  );
  const followUpsWithoutVisit = await n(
    url,
    `SELECT count(*)::text AS n FROM follow_up f WHERE NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = f."visitId")`,
  );
  const hs = [...base.households.keys()];
  const now = await query<{ id: string; version: number; assessments: number; bumps: number; fromVisit: number }>(
    url,
    `SELECT h.id, h.version,
        (SELECT count(*)::int FROM assessment a WHERE a."householdId" = h.id) AS assessments,
        (SELECT count(*)::int FROM audit_event e WHERE e.id > $2::bigint AND e.entity = 'household' AND e."entityId" = h.id
           AND e.action IN ('household.update', 'household.update_from_visit')) AS bumps,
        (SELECT count(*)::int FROM audit_event e WHERE e.id > $2::bigint AND e.entity = 'household' AND e."entityId" = h.id
           AND e.action = 'household.update_from_visit') AS "fromVisit"
       FROM household h WHERE h.id = ANY($1::text[])`,
    [hs, b],
    10,
  );
  let versionMismatches = 0;
  let assessmentMismatches = 0;
  let appliedChanges = 0;
  for (const r of now) {
    const was = base.households.get(r.id)!;
    if (r.version - was.version !== r.bumps) versionMismatches++;
    if (r.assessments - was.assessments !== r.fromVisit) assessmentMismatches++;
    appliedChanges += r.fromVisit;
  }
  const conflictVisits = await n(url, `SELECT count(*)::text AS n FROM visit WHERE id = ANY($1::text[]) AND state = 'conflict'`, [runIds]);
  const auditChain = opts.chain === false ? { ok: true, checked: 0, detail: "not walked" } : await verifyChain(url);
  const counts = {
    visitsWithoutAudit,
    visitAuditsWithoutVisit,
    householdAuditsWithoutVisit,
    changedVisitsWithoutHouseholdAudit,
    evidenceWithoutVisit,
    followUpsWithoutVisit,
    versionMismatches,
    assessmentMismatches,
  };
  return {
    ok: Object.values(counts).every((v) => v === 0) && auditChain.ok,
    ...counts,
    conflictVisits,
    appliedChanges,
    auditChain,
  };
}

/** The audit hash chain, walked by the project's own verifier (scripts/audit-verify.ts). */
export async function verifyChain(url: string): Promise<{ ok: boolean; checked: number; detail?: string }> {
  const [{ verifyAudit }, { createPrisma }] = await Promise.all([import("../../scripts/audit-verify"), import("../../lib/db/client")]);
  const prisma = createPrisma(url, { max: 2 });
  try {
    const r = await verifyAudit(prisma);
    return r.ok ? { ok: true, checked: r.checked } : { ok: false, checked: r.checked, detail: `broken at event ${r.brokenAt}: ${r.why}` };
  } finally {
    await prisma.$disconnect();
  }
}

export function formatReconciliation(r: Reconciliation): string {
  return (
    `sent ${r.sent} distinct visit ids · stored ${r.stored} · acknowledged ${r.acknowledged} · duplicates ${r.duplicates} · ` +
    `lost (acknowledged, not stored) ${r.lostAcknowledged} · not stored ${r.notStored} · unexpected ${r.unexpected} → ${r.ok ? "OK" : "FAILED"}`
  );
}

export function formatIntegrity(i: Integrity): string {
  return [
    `visits without visit.create event ${i.visitsWithoutAudit} · visit.create events without visit ${i.visitAuditsWithoutVisit}`,
    `household.update_from_visit without visit ${i.householdAuditsWithoutVisit} · "changed" visits without household event ${i.changedVisitsWithoutHouseholdAudit}`,
    `evidence without visit ${i.evidenceWithoutVisit} · follow-ups without visit ${i.followUpsWithoutVisit}`,
    `households: version ≠ base + events ${i.versionMismatches} · assessments ≠ base + events ${i.assessmentMismatches} (changes applied ${i.appliedChanges}, visits kept as conflict ${i.conflictVisits})`,
    `audit hash chain ${i.auditChain.detail === "not walked" ? "not walked" : i.auditChain.ok ? `intact (${i.auditChain.checked} events)` : `BROKEN: ${i.auditChain.detail}`}`,
    `→ ${i.ok ? "no partial rows, no orphans" : "FAILED"}`,
  ].join("\n  ");
}
