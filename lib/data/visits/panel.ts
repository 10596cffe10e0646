// What the household page shows about visits' follow-through: open follow-ups, the viewer's
// visits whose changes wait for confirmation, and the evidence. Scoped in every `where`;
// four queries at once, no per-row queries.
import "server-only";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { householdChangesSchema, type HouseholdChanges } from "@/lib/validation/household-changes";
import type { CurrentFacts } from "@/lib/validation/visit-facts";
import { factsSelect } from "./facts";
import { chinaDay } from "@/lib/domain/china-time";

export interface PanelFollowUp {
  id: string;
  description: string;
  dueDate: string;
  overdue: boolean;
  visitDate: string;
}

export interface PanelPending {
  visitId: string;
  date: string;
  reason: string | null;
  changes: HouseholdChanges;
}

export interface PanelEvidence {
  id: string;
  kind: string;
  indicator: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** the day it was uploaded, in China (YYYY-MM-DD) */
  createdAt: string;
  located: boolean;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function visitPanel(viewer: Viewer, householdId: string) {
  const inScope = { id: householdId, AND: [householdScope(viewer)] };
  const [followUps, pending, evidence, facts] = await Promise.all([
    db().followUp.findMany({
      where: { householdId, resolvedAt: null, household: inScope },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      take: 50,
      select: { id: true, description: true, dueDate: true, visit: { select: { date: true } } },
    }),
    db().visit.findMany({
      where: { householdId, state: "conflict", cadreId: viewer.id, household: inScope },
      orderBy: { createdAt: "asc" },
      take: 10,
      select: { id: true, date: true, stateReason: true, pendingChanges: true },
    }),
    db().evidence.findMany({
      where: { householdId, household: inScope },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, kind: true, indicator: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true, latitude: true },
    }),
    db().household.findFirst({ where: inScope, select: factsSelect }),
  ]);
  const now = today();
  return {
    followUps: followUps.map((f): PanelFollowUp => ({
      id: f.id,
      description: f.description,
      dueDate: iso(f.dueDate),
      overdue: iso(f.dueDate) < now,
      visitDate: iso(f.visit.date),
    })),
    pending: pending.flatMap((v): PanelPending[] => {
      const parsed = householdChangesSchema.safeParse(v.pendingChanges);
      return parsed.success ? [{ visitId: v.id, date: iso(v.date), reason: v.stateReason, changes: parsed.data }] : [];
    }),
    evidence: evidence.map((e): PanelEvidence => ({
      id: e.id,
      kind: e.kind,
      indicator: e.indicator,
      fileName: e.fileName,
      mimeType: e.mimeType,
      sizeBytes: e.sizeBytes,
      createdAt: chinaDay(e.createdAt),
      located: e.latitude != null,
    })),
    /** the household as it now stands, to show each pending change as "now → proposed" */
    current: facts as unknown as CurrentFacts | null,
  };
}

export type VisitPanelData = Awaited<ReturnType<typeof visitPanel>>;
