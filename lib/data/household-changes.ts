// The one way a household's facts change (edit form, visit, registration of a newborn …):
// check the version the person saw, write the changes, recompute the assessment, and record
// the audit event — all inside the caller's transaction. Nothing is silently overwritten.
import type { Tx } from "@/lib/db/client";
import { AppError, fieldError } from "@/lib/auth/errors";
import { audit, type Actor } from "@/lib/audit";
import type { HouseholdChanges } from "@/lib/validation/household-changes";
import { recomputeHousehold } from "./assessment";
import type { Assessment } from "@/lib/domain/assess";
import type { AssessmentTrigger, Prisma } from "@/lib/generated/prisma/client";
import { dateOnly } from "@/lib/clock";
import { messageKey } from "@/i18n/keys";

export interface ApplyResult {
  version: number;
  assessment: Assessment | null;
  changed: string[];
}

/**
 * Events about a household that change nothing: reads, views, reveals, denials. A conflict
 * message must never name someone who only opened the household (#16.7).
 */
export const NOT_WRITES: Prisma.AuditEventWhereInput[] = [
  { action: { startsWith: "sensitive." } },
  { action: { startsWith: "access." } },
  { action: { endsWith: ".view" } },
  { action: { endsWith: ".read" } },
  { action: { endsWith: ".reveal" } },
  { action: { endsWith: ".denied" } },
  { action: { endsWith: ".print" } },
  { action: { endsWith: ".export" } },
];

/** Who last changed a household, for a conflict message that says who, what and when. Only writes count. */
export async function lastChange(tx: Tx, householdId: string) {
  const ev = await tx.auditEvent.findFirst({
    where: { entity: "household", entityId: householdId, NOT: NOT_WRITES },
    orderBy: { id: "desc" },
    select: { at: true, action: true, actorId: true, after: true },
  });
  if (!ev) return null;
  const who = ev.actorId ? await tx.user.findUnique({ where: { id: ev.actorId }, select: { name: true } }) : null;
  return { at: ev.at, action: ev.action, by: who?.name ?? "系统", fields: Object.keys((ev.after as Record<string, unknown> | null) ?? {}) };
}

export class ConflictError extends AppError {
  constructor(readonly change: Awaited<ReturnType<typeof lastChange>>) {
    const when = change ? change.at.toISOString().replace("T", " ").slice(0, 16) : "";
    super(
      "conflict",
      change
        ? `该户已于 ${when} 被 ${change.by} 修改（${change.fields.join("、") || change.action}），请核对最新信息后再提交。 (Changed by ${change.by} at ${when} UTC.)`
        : "该户已被他人修改，请刷新后再提交。 (Someone else changed this household.)",
      { change },
    );
  }
}

function diff<T extends Record<string, unknown>>(current: T, next: Partial<T>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    const cur = current[k];
    const same = cur != null && typeof cur === "object" && "toString" in cur ? String(cur) === String(v) : cur === v;
    if (!same) {
      before[k] = cur != null && typeof cur === "object" && !(cur instanceof Date) ? String(cur) : cur;
      after[k] = v;
    }
  }
  return { before, after };
}

export async function applyHouseholdChanges(
  tx: Tx,
  args: {
    householdId: string;
    baseVersion: number;
    changes: HouseholdChanges;
    actor: Actor;
    trigger: AssessmentTrigger;
    reason?: string;
    visitId?: string;
  },
): Promise<ApplyResult> {
  const { householdId, changes, actor } = args;
  const h = await tx.household.findUniqueOrThrow({ where: { id: householdId } });
  const fields = { ...(changes.indicators ?? {}), ...(changes.income ?? {}) };
  const hh = diff(h as unknown as Record<string, unknown>, fields as Record<string, unknown>);

  // optimistic concurrency: the write only lands on the version the person saw
  const bumped = await tx.household.updateMany({
    where: { id: householdId, version: args.baseVersion },
    data: { ...(hh.after as Prisma.HouseholdUpdateManyMutationInput), version: { increment: 1 } },
  });
  if (bumped.count === 0) throw new ConflictError(await lastChange(tx, householdId));

  const memberBefore: Record<string, unknown> = {};
  const memberAfter: Record<string, unknown> = {};
  for (const m of changes.members ?? []) {
    const current = await tx.member.findFirst({ where: { id: m.id, householdId } });
    if (!current) throw fieldError(`members.${m.id}`, messageKey("validation.unknownValue")); // not a member of this household
    const { id, leave, ...rest } = m;
    const data: Prisma.MemberUpdateInput = { ...rest };
    if (leave) Object.assign(data, { active: false, counted: false, notCountedReason: leave });
    if (rest.counted === true) data.notCountedReason = null;
    const d = diff(current as unknown as Record<string, unknown>, data as Record<string, unknown>);
    if (Object.keys(d.after).length) {
      await tx.member.update({ where: { id }, data });
      memberBefore[id] = d.before;
      memberAfter[id] = d.after;
    }
  }
  // one head of household: a new head only when the current one leaves in the same change
  const newHeads = (changes.newMembers ?? []).map((n, i) => (n.relation === "head" ? i : -1)).filter((i) => i >= 0);
  if (newHeads.length) {
    const leaving = new Set((changes.members ?? []).filter((m) => m.leave).map((m) => m.id));
    const heads = await tx.member.findMany({ where: { householdId, active: true, relation: "head" }, select: { id: true } });
    const staying = heads.filter((m) => !leaving.has(m.id)).length;
    if (staying + newHeads.length > 1) {
      // the form's field: changes.… on the edit form, updates.… on a visit
      const field = `${args.trigger === "visit" ? "updates" : "changes"}.newMembers.${newHeads[newHeads.length - 1]}.relation`;
      throw fieldError(field, messageKey("validation.twoHeads"));
    }
  }
  const added: string[] = [];
  for (const n of changes.newMembers ?? []) {
    const m = await tx.member.create({
      data: { ...n, nationalId: n.nationalId || null, birthDate: dateOnly(n.birthDate), householdId, countyId: h.countyId },
    });
    added.push(m.id);
  }
  if (changes.newMembers?.some((n) => n.relation === "head")) {
    const head = changes.newMembers.find((n) => n.relation === "head")!;
    await tx.household.update({ where: { id: householdId }, data: { headName: head.name } });
  }

  const changed = [
    ...Object.keys(hh.after),
    ...Object.keys(memberAfter).map((id) => `member:${id}`),
    ...added.map((id) => `member+:${id}`),
  ];
  const assessment = await recomputeHousehold(tx, householdId, { trigger: args.trigger, actorId: actor.id });
  await audit(tx, actor, {
    action: args.trigger === "visit" ? "household.update_from_visit" : "household.update",
    entity: "household",
    entityId: householdId,
    countyId: h.countyId,
    before: { ...hh.before, members: memberBefore, version: args.baseVersion },
    after: {
      ...hh.after,
      members: memberAfter,
      addedMembers: added,
      version: args.baseVersion + 1,
      assessment: assessment && {
        status: assessment.status,
        policyVersion: assessment.policyVersion,
        perCapitaIncome: assessment.perCapitaIncome,
      },
      visitId: args.visitId ?? null,
    },
    reason: args.reason ?? null,
  });
  return { version: args.baseVersion + 1, assessment, changed };
}
