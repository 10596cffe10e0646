// A plain visit — no household changes, no files: what a cadre logs most — stored by one database
// call (jz_store_plain_visit, migration 20261207600000, decision 0055) instead of the ORM's ten
// statements: the same checks in the same order as recordVisit (the household in the cadre's
// scope, a stored visit answered as a replay, the assignment's first day), the same rows and the
// same audit event, in one transaction. Anything else goes the ORM's way (log-visit.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { callJson } from "@/lib/db/raw";
import { auditRowsJson } from "@/lib/audit";
import { AppError, fieldError } from "@/lib/auth/errors";
import { countyOfRegion, regionReach } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import type { VisitInput } from "@/lib/validation/visit";
import { messageKey } from "@/i18n/keys";
import { locatedOf, visitCreatedEvent, type VisitOutcome } from "./log-visit";

type Answer =
  | { status: "household_not_found" | "visit_not_found" }
  | { status: "before_assignment"; from: string }
  | { status: "stored"; assessedStatus: string | null; unmetIndicators: string[] | null; perCapitaIncome: number | string | null }
  | {
      status: "replay";
      state: VisitOutcome["state"];
      stateReason: string | null;
      assessedStatus: string | null;
      unmetIndicators: string[] | null;
      perCapitaIncome: number | string | null;
    };

/** The cadre's reach as the function takes it: a county, and a village or a township's prefix. */
function reachOf(viewer: Viewer): { countyId: string; villageId: string | null; villagePrefix: string | null } | null {
  const reach = regionReach(viewer.regionId, viewer.regionLevel);
  // above a county (a reach over several counties): the ORM's way
  if (typeof reach.countyId !== "string" || countyOfRegion(viewer.regionId) !== reach.countyId) return null;
  const village = reach.villageId;
  return {
    countyId: reach.countyId,
    villageId: typeof village === "string" ? village : null,
    villagePrefix: village && typeof village === "object" ? village.startsWith : null,
  };
}

/**
 * Store a plain visit in one call; null when the visit or the caller is not one this path takes
 * (household changes, files, a viewer who is not a cadre within one county).
 */
export async function storePlainVisit(viewer: Viewer, input: VisitInput): Promise<VisitOutcome | null> {
  if (input.updates || input.signature || input.evidence.length || viewer.role !== "cadre") return null;
  // the bench's switch, to measure both ways on one build (bench/RESULTS.md)
  if (process.env.JINGZHUN_PLAIN_VISIT === "off") return null;
  const reach = reachOf(viewer);
  if (!reach) return null;

  const at = new Date();
  const located = locatedOf(input);
  // the event recordVisit appends for a visit without changes; its county is the reach's, which the
  // function checks the household lies in
  const auditRows = auditRowsJson(
    { id: viewer.id, role: viewer.role },
    [
      visitCreatedEvent(
        input,
        { id: input.householdId, countyId: reach.countyId },
        { evidence: [], state: "accepted", changed: [], pendingChanges: null, reason: null },
      ),
    ],
    at,
  );
  const visit = {
    id: input.clientVisitId,
    householdId: input.householdId,
    cadreId: viewer.id,
    ...reach,
    at: at.toISOString(),
    date: input.date,
    mode: input.mode,
    findings: input.findings,
    problems: input.problems,
    actionsTaken: input.actionsTaken,
    locationConsent: input.mode === "home" && input.locationConsent,
    latitude: located?.latitude ?? null,
    longitude: located?.longitude ?? null,
    accuracyM: located?.accuracyM ?? null,
    locatedAt: located ? new Date(located.locatedAt).toISOString() : null,
    confirmation: input.confirmation,
    baseVersion: input.baseVersion ?? null,
    followUps: input.followUps.map((f) => ({ id: crypto.randomUUID(), description: f.description, dueDate: f.dueDate })),
    planProgress: input.planProgress,
  };
  const answer = await callJson<Answer>(db(), "jz_store_plain_visit($1::jsonb, $2::jsonb)", [JSON.stringify(visit), auditRows]);
  switch (answer?.status) {
    case "stored":
    case "replay":
      return {
        visitId: input.clientVisitId,
        householdId: input.householdId,
        state: answer.status === "replay" ? answer.state : "accepted",
        stateReason: answer.status === "replay" ? answer.stateReason : null,
        assessedStatus: answer.assessedStatus,
        unmetIndicators: answer.unmetIndicators ?? [],
        perCapitaIncome: answer.perCapitaIncome == null ? null : Number(answer.perCapitaIncome),
        changed: [],
        replay: answer.status === "replay",
      };
    case "before_assignment":
      throw fieldError("date", messageKey("validation.beforeAssignment"), { date: answer.from });
    case "visit_not_found":
      throw new AppError("not_found", "visit not found", { visitId: input.clientVisitId });
    default:
      throw new AppError("not_found", "household not found", { householdId: input.householdId });
  }
}
