// Saving a field check: one questionnaire per household per evaluation (the device's id; a
// later save updates it while the evaluation is open), the re-check compared with the record
// (lib/domain/evaluation-compare.ts, pure) and the discrepancies stored as the county's open
// follow-ups; questionnaire, discrepancies and audit in one transaction. Every change audited.
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { HOUSEHOLD_FIELDS, loadPolicyRows } from "@/lib/data/assessment";
import { resolvePolicy } from "@/lib/domain/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionnaireInput } from "@/lib/validation/evaluation";
import { CHECKED_INDICATORS } from "@/lib/validation/evaluation";
import { lockForWrite } from "./access";
import { sampleWhere } from "@/lib/auth/scope";
import { discrepancyKey, recheckHousehold, type FoundDiscrepancy, type RecheckAnswers } from "@/lib/domain/evaluation-compare";

/** The assessment date of a re-check: today, or the evaluation year's last day for a past year. */
export function recheckDate(year: number, now: string = today()): string {
  const end = `${year}-12-31`;
  return now < end ? now : end;
}

export interface SavedQuestionnaire {
  questionnaireId: string;
  householdId: string;
  replay: boolean;
  status: "below_standard" | "at_risk" | "secure";
  perCapitaIncome: number;
  discrepancies: { kind: string; indicator: string | null; zh: string; en: string }[];
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}

export async function saveQuestionnaire(viewer: Viewer, input: QuestionnaireInput): Promise<SavedQuestionnaire> {
  const t = await getTranslations("evaluation");
  const rows = await loadPolicyRows(db());
  return db().$transaction(async (tx) => {
    const e = await lockForWrite(tx, viewer, input.evaluationId, ["drawn"], t("errors.closed"), t("errors.notDrawn"));
    const key = { evaluationId: e.id, householdId: input.householdId };
    const [inSample, frozen, h, byId, existing] = await Promise.all([
      tx.sampleHousehold.findFirst({ where: { AND: [sampleWhere(viewer, new Date()), key] }, select: { householdId: true } }),
      tx.evaluationListEntry.findUnique({ where: { evaluationId_householdId: key }, select: { registeredStatus: true } }),
      tx.household.findFirst({ where: { id: input.householdId, countyId: e.countyId }, select: HOUSEHOLD_FIELDS }),
      tx.questionnaire.findUnique({ where: { id: input.id }, select: { evaluationId: true, householdId: true } }),
      tx.questionnaire.findUnique({ where: { evaluationId_householdId: key } }),
    ]);
    if (!inSample || !frozen || !h)
      throw new AppError("not_found", "household not in the sample", {
        evaluationId: e.id,
        householdId: input.householdId,
        reason: "outside the sample",
      });
    if (byId && (byId.evaluationId !== e.id || byId.householdId !== input.householdId))
      throw new AppError("not_found", "questionnaire id belongs elsewhere", { questionnaireId: input.id });

    const answers: RecheckAnswers = {
      income: input.income,
      indicators: {
        income: { evidence: input.indicators.income.evidence },
        ...Object.fromEntries(CHECKED_INDICATORS.map((k) => [k, { met: input.indicators[k].met, evidence: input.indicators[k].evidence }])),
      } as RecheckAnswers["indicators"],
      approval: input.approval,
    };
    const policy = resolvePolicy(rows, e.year, e.countyId.slice(0, 2));
    let result;
    try {
      result = recheckHousehold(h, h.members, frozen.registeredStatus, answers, policy, recheckDate(e.year));
    } catch (err) {
      if (err instanceof RangeError)
        throw new AppError("invalid", t("errors.noCountedMember"), { fieldErrors: { _form: [t("errors.noCountedMember")] } });
      throw err;
    }
    const indicators = {
      income: { met: result.recheck.indicatorsMet.income, evidence: [...input.indicators.income.evidence].sort() },
      ...Object.fromEntries(
        CHECKED_INDICATORS.map((k) => [k, { met: input.indicators[k].met, evidence: [...input.indicators[k].evidence].sort() }]),
      ),
    };
    const content = { income: input.income, indicators, approval: input.approval, notes: input.notes };
    const summary = (list: FoundDiscrepancy[]) =>
      list.map((d) => ({ kind: d.kind, indicator: d.indicator, zh: d.detail.zh, en: d.detail.en }));

    if (
      existing &&
      stable({ income: existing.income, indicators: existing.indicators, approval: existing.approval, notes: existing.notes }) ===
        stable(content)
    ) {
      return {
        questionnaireId: existing.id,
        householdId: h.id,
        replay: true,
        status: result.recheck.status,
        perCapitaIncome: result.recheck.perCapitaIncome,
        discrepancies: summary(result.discrepancies),
      };
    }

    const json = (v: unknown) => v as Prisma.InputJsonValue;
    const saved = existing
      ? await tx.questionnaire.update({
          where: { id: existing.id },
          data: {
            income: json(content.income),
            indicators: json(indicators),
            approval: content.approval,
            notes: content.notes,
            evaluatorId: viewer.id,
            submittedAt: new Date(),
          },
          select: { id: true },
        })
      : await tx.questionnaire.create({
          data: {
            id: input.id,
            evaluationId: e.id,
            householdId: h.id,
            countyId: e.countyId,
            evaluatorId: viewer.id,
            income: json(content.income),
            indicators: json(indicators),
            approval: content.approval,
            notes: content.notes,
          },
          select: { id: true },
        });

    // discrepancies: matched by kind (and indicator); a county's resolution of one still found is kept
    const stored = await tx.discrepancy.findMany({
      where: { evaluationId: e.id, householdId: h.id },
      select: { id: true, kind: true, detail: true, evidence: true, state: true },
    });
    const storedByKey = new Map(stored.map((d) => [discrepancyKey(d), d]));
    const foundKeys = new Set<string>();
    for (const d of result.discrepancies) {
      const k = discrepancyKey(d);
      foundKeys.add(k);
      const detail = json({
        ...d.detail,
        indicator: d.indicator,
        recheckStatus: result.recheck.status,
        policyVersion: result.policyVersion,
      });
      const old = storedByKey.get(k);
      if (!old) {
        await tx.discrepancy.create({
          data: { evaluationId: e.id, householdId: h.id, countyId: e.countyId, kind: d.kind, detail, evidence: d.evidence },
        });
      } else if (stable(old.detail) !== stable(detail) || old.evidence !== d.evidence) {
        await tx.discrepancy.update({ where: { id: old.id }, data: { detail, evidence: d.evidence } });
      }
    }
    const withdrawn = stored.filter((d) => !foundKeys.has(discrepancyKey(d)));
    if (withdrawn.length) await tx.discrepancy.deleteMany({ where: { id: { in: withdrawn.map((d) => d.id) } } });

    await audit(tx, actorOf(viewer), {
      action: existing ? "questionnaire.update" : "questionnaire.create",
      entity: "questionnaire",
      entityId: saved.id,
      before: existing
        ? { income: existing.income, indicators: existing.indicators, approval: existing.approval, notes: existing.notes }
        : null,
      after: {
        evaluationId: e.id,
        householdId: h.id,
        ...content,
        recheck: {
          status: result.recheck.status,
          perCapitaIncome: result.recheck.perCapitaIncome,
          householdNetIncome: result.recheck.householdNetIncome,
        },
        discrepancies: result.discrepancies.map((d) => discrepancyKey(d)),
        withdrawn: withdrawn.map((d) => ({ id: d.id, kind: d.kind, state: d.state })),
      },
    });
    return {
      questionnaireId: saved.id,
      householdId: h.id,
      replay: false,
      status: result.recheck.status,
      perCapitaIncome: result.recheck.perCapitaIncome,
      discrepancies: summary(result.discrepancies),
    };
  });
}
