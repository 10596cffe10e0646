// Help leads, signed in: the reports a cadre or county official follows (lib/auth/scope/leads.ts),
// their outcomes, their photos, and the villages whose anonymous budget ran out.
import "server-only";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { LIMITS } from "@/lib/ratelimit";
import { type LeadOutcomeInput } from "@/lib/validation/help";
import type { HelpSource, HelpState, Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/domain/china-time";
import { leadScope } from "@/lib/auth/scope";
import { readPhoto } from "./photos";
import { messageKey } from "@/i18n/keys";

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Villages under `regionId` whose anonymous budget ran out in the current window (the county's warning). */
export async function floodedVillages(
  regionId: string,
  now = new Date(),
): Promise<{ id: string; name: string; refused: number; since: string }[]> {
  if (!/^\d{6,12}$/.test(regionId)) return [];
  const since = new Date(now.getTime() - LIMITS.reportPerVillage.windowMs);
  const rows = await db().rateCounter.findMany({
    where: { key: { startsWith: `help:village:${regionId}` }, windowStart: { gt: since }, count: { gt: LIMITS.reportPerVillage.max } },
    orderBy: { count: "desc" },
    take: 50,
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.key.slice("help:village:".length));
  const names = new Map(
    (await db().region.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((v) => [v.id, v.name]),
  );
  return rows.map((r, i) => ({
    id: ids[i]!,
    name: names.get(ids[i]!) ?? ids[i]!,
    refused: r.count - LIMITS.reportPerVillage.max,
    since: r.windowStart.toISOString(),
  }));
}

// ───────────────────────── the leads (signed in) ─────────────────────────

const current = (now: Date) => ({ validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] });

export type LeadFilter = "open" | "overdue" | "all";
export const LEADS_PAGE_SIZE = 30;

export interface LeadItem {
  id: string;
  receivedOn: string;
  deadline: string;
  overdue: boolean;
  state: HelpState;
  source: HelpSource;
  category: string;
  text: string;
  contact: string | null;
  hasPhoto: boolean;
  outcome: string | null;
  handledOn: string | null;
  handledBy: string | null;
  village: { id: string; name: string };
  /** linkable: the viewer may open the household's page (its cadre, or an official) */
  household: { id: string; headName: string; number: string; linkable: boolean } | null;
}

export async function listLeads(viewer: Viewer, opts: { filter?: LeadFilter; page?: number } = {}) {
  const scope = await leadScope(viewer);
  const on = today();
  const day = new Date(`${on}T00:00:00Z`);
  const filter = opts.filter ?? "open";
  const open: Prisma.HelpRequestWhereInput = { state: "open" };
  const overdue: Prisma.HelpRequestWhereInput = { state: "open", deadline: { lt: day } };
  const where: Prisma.HelpRequestWhereInput = { AND: [scope, filter === "open" ? open : filter === "overdue" ? overdue : {}] };
  const page = Math.max(1, opts.page ?? 1);
  const [total, openCount, overdueCount, rows] = await Promise.all([
    db().helpRequest.count({ where }),
    db().helpRequest.count({ where: { AND: [scope, open] } }),
    db().helpRequest.count({ where: { AND: [scope, overdue] } }),
    db().helpRequest.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { createdAt: "asc" }],
      skip: (page - 1) * LEADS_PAGE_SIZE,
      take: LEADS_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        deadline: true,
        state: true,
        source: true,
        category: true,
        text: true,
        contact: true,
        photoKey: true,
        outcome: true,
        handledAt: true,
        handledById: true,
        villageId: true,
        householdId: true,
      },
    }),
  ]);
  const villageIds = [...new Set(rows.map((r) => r.villageId))];
  const householdIds = [...new Set(rows.map((r) => r.householdId).filter((x): x is string => x !== null))];
  const handlerIds = [...new Set(rows.map((r) => r.handledById).filter((x): x is string => x !== null))];
  const now = new Date();
  const [villages, households, handlers, mine] = await Promise.all([
    db().region.findMany({ where: { id: { in: villageIds } }, select: { id: true, name: true } }),
    db().household.findMany({ where: { id: { in: householdIds } }, select: { id: true, headName: true, number: true } }),
    db().user.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true } }),
    viewer.role === "cadre"
      ? db().cadreAssignment.findMany({
          where: { cadreId: viewer.id, householdId: { in: householdIds }, ...current(now) },
          select: { householdId: true },
        })
      : Promise.resolve(null),
  ]);
  const linkable = (id: string) => mine === null || mine.some((a) => a.householdId === id);
  const vName = new Map(villages.map((v) => [v.id, v.name]));
  const hById = new Map(households.map((h) => [h.id, h]));
  const uName = new Map(handlers.map((u) => [u.id, u.name]));
  const items: LeadItem[] = rows.map((r) => {
    const deadline = isoDay(r.deadline);
    return {
      id: r.id,
      receivedOn: chinaDay(r.createdAt),
      deadline,
      overdue: r.state === "open" && deadline < on,
      state: r.state,
      source: r.source,
      category: r.category,
      text: r.text,
      contact: r.contact,
      hasPhoto: r.photoKey !== null,
      outcome: r.outcome,
      handledOn: r.handledAt ? chinaDay(r.handledAt) : null,
      handledBy: r.handledById ? (uName.get(r.handledById) ?? null) : null,
      village: { id: r.villageId, name: vName.get(r.villageId) ?? r.villageId },
      household: r.householdId && hById.has(r.householdId) ? { ...hById.get(r.householdId)!, linkable: linkable(r.householdId) } : null,
    };
  });
  return { items, total, page, pageSize: LEADS_PAGE_SIZE, openCount, overdueCount, today: on };
}

/** Record what was done about a lead. Open or visited leads move on; decided ones are closed. */
export async function recordLeadOutcome(
  viewer: Viewer,
  input: LeadOutcomeInput,
  now = new Date(),
): Promise<{ id: string; state: HelpState }> {
  const scope = await leadScope(viewer, now);
  return db().$transaction(async (tx) => {
    const r = await tx.helpRequest.findFirst({
      where: { AND: [{ id: input.id }, scope] },
      select: { id: true, state: true, outcome: true, countyId: true },
    });
    if (!r) throw new AppError("not_found");
    if (r.state === "proposed" || r.state === "no_action") throw new AppError("closed", messageKey("help.e.decided"));
    if (r.state === input.outcome) throw new AppError("closed", messageKey("help.e.decided"));
    const note = input.note.trim() || null;
    const changed = await tx.helpRequest.updateMany({
      where: { id: r.id, state: r.state },
      data: { state: input.outcome, outcome: note, handledById: viewer.id, handledAt: now },
    });
    if (changed.count !== 1) throw new AppError("conflict");
    await audit(
      tx,
      { id: viewer.id, role: viewer.role },
      {
        action: "help.outcome",
        entity: "help_request",
        entityId: r.id,
        countyId: r.countyId,
        before: { state: r.state, outcome: r.outcome },
        after: { state: input.outcome, outcome: note },
        reason: note,
      },
    );
    return { id: r.id, state: input.outcome };
  });
}

/** A lead's photo for a viewer who follows the lead; null otherwise or when missing. */
export async function leadPhoto(viewer: Viewer, id: string): Promise<{ bytes: Buffer; mime: string } | null> {
  const scope = await leadScope(viewer);
  const r = await db().helpRequest.findFirst({ where: { AND: [{ id }, scope] }, select: { photoKey: true } });
  if (!r?.photoKey) return null;
  return readPhoto(r.photoKey);
}
