// The household handbook (扶贫手册): what one household's printed booklet says — the household,
// its members (national IDs always masked: the booklet is paper that leaves the office), its
// current income records, its latest plan (一户一策), its measures, its recent visits, its cadre
// and pairing unit. One household, or a village's households read in batches (a village may have
// hundreds). Scope is the household scope in every query's `where` (a cadre: their households; an
// official or admin: their region); out of scope reads as not found. Each print is a sensitive
// read (lib/data/sensitive-reads.ts): IDs masked, income shown.
import "server-only";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { countyOfRegion, householdScope } from "@/lib/auth/scope";
import { maskNationalId } from "@/lib/domain/masking";
import { ALL_ITEM_COLUMNS, type IncomeItemColumn } from "@/lib/validation/income-record";
import { auditSensitiveRead } from "./sensitive-reads";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Visits and income years a booklet prints (the most recent first). */
export const HANDBOOK_VISITS = 12;
export const HANDBOOK_INCOME_YEARS = 5;
/** Households read per query when printing a village. */
export const HANDBOOK_BATCH = 50;

const SELECT = {
  id: true,
  countyId: true,
  number: true,
  headName: true,
  address: true,
  registeredStatus: true,
  registeredAt: true,
  liftedAt: true,
  monitoringCategory: true,
  mainCause: true,
  secondaryCauses: true,
  perCapitaIncome: true,
  relocatedFromName: true,
  relocatedYear: true,
  village: { select: { id: true, name: true, parent: { select: { name: true } } } },
  members: {
    where: { active: true },
    orderBy: [{ birthDate: "asc" }],
    select: { id: true, name: true, sex: true, relation: true, birthDate: true, nationalId: true, laborCapacity: true, counted: true },
  },
  householdTypes: { where: { current: true }, take: 1, select: { type: true, since: true, basis: true } },
  incomeRecords: {
    where: { current: true },
    orderBy: { year: "desc" },
    take: HANDBOOK_INCOME_YEARS,
    select: {
      id: true,
      year: true,
      revision: true,
      ...Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, true])),
      countedMembers: true,
      householdNetIncome: true,
      perCapitaIncome: true,
      signedAt: true,
      signMethod: true,
    },
  },
  plans: {
    orderBy: { year: "desc" },
    take: 1,
    select: {
      year: true,
      mainCause: true,
      secondaryCauses: true,
      expectedIncome: true,
      note: true,
      items: { orderBy: { position: "asc" }, select: { id: true, text: true, doneAt: true } },
    },
  },
  measures: {
    orderBy: { startDate: "desc" },
    select: { id: true, kind: true, description: true, amount: true, startDate: true, endDate: true, loanStatus: true },
  },
  visits: {
    where: { state: "accepted" },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: HANDBOOK_VISITS,
    select: { id: true, date: true, mode: true, findings: true, problems: true, actionsTaken: true, cadre: { select: { name: true } } },
  },
  assignments: {
    where: { validTo: null },
    take: 1,
    select: { cadre: { select: { name: true, phone: true } }, unit: { select: { name: true } } },
  },
} as const satisfies Prisma.HouseholdSelect;

type Raw = Prisma.HouseholdGetPayload<{ select: typeof SELECT }>;

export interface HandbookHousehold {
  id: string;
  number: string;
  headName: string;
  address: string | null;
  village: string;
  township: string;
  registeredStatus: Raw["registeredStatus"];
  registeredAt: Date | null;
  liftedAt: Date | null;
  monitoringCategory: Raw["monitoringCategory"];
  causes: NonNullable<Raw["mainCause"]>[];
  perCapitaIncome: number | null;
  relocated: { from: string | null; year: number } | null;
  type: { type: Raw["householdTypes"][number]["type"]; since: Date; basis: string } | null;
  members: {
    id: string;
    name: string;
    sex: Raw["members"][number]["sex"];
    relation: Raw["members"][number]["relation"];
    birthYear: number;
    /** always masked (522228********123X) */
    nationalId: string | null;
    laborCapacity: Raw["members"][number]["laborCapacity"];
    counted: boolean;
  }[];
  income: {
    id: string;
    year: number;
    revision: number;
    items: Record<IncomeItemColumn, number>;
    countedMembers: number;
    householdNetIncome: number;
    perCapitaIncome: number;
    signedAt: Date | null;
    signMethod: "signature" | "thumbprint_form" | null;
  }[];
  plan: {
    year: number;
    causes: NonNullable<Raw["mainCause"]>[];
    expectedIncome: number;
    note: string | null;
    items: { id: string; text: string; doneAt: Date | null }[];
  } | null;
  measures: {
    id: string;
    kind: Raw["measures"][number]["kind"];
    description: string;
    amount: number;
    startDate: Date;
    endDate: Date | null;
    loanStatus: Raw["measures"][number]["loanStatus"];
  }[];
  visits: {
    id: string;
    date: Date;
    mode: Raw["visits"][number]["mode"];
    cadre: string;
    findings: string;
    problems: string;
    actionsTaken: string;
  }[];
  cadre: { name: string; phone: string | null; unit: string | null } | null;
}

function toHandbook(h: Raw): HandbookHousehold {
  const cadre = h.assignments[0];
  const plan = h.plans[0];
  const t = h.householdTypes[0];
  return {
    id: h.id,
    number: h.number,
    headName: h.headName,
    address: h.address,
    village: h.village.name,
    township: h.village.parent?.name ?? "",
    registeredStatus: h.registeredStatus,
    registeredAt: h.registeredAt,
    liftedAt: h.liftedAt,
    monitoringCategory: h.monitoringCategory,
    causes: [h.mainCause, ...h.secondaryCauses].filter((c): c is NonNullable<typeof c> => !!c),
    perCapitaIncome: h.perCapitaIncome == null ? null : Number(h.perCapitaIncome),
    relocated: h.relocatedYear != null ? { from: h.relocatedFromName, year: h.relocatedYear } : null,
    type: t ? { type: t.type, since: t.since, basis: t.basis } : null,
    members: h.members.map((m) => ({
      id: m.id,
      name: m.name,
      sex: m.sex,
      relation: m.relation,
      birthYear: m.birthDate.getUTCFullYear(),
      nationalId: maskNationalId(m.nationalId),
      laborCapacity: m.laborCapacity,
      counted: m.counted,
    })),
    income: h.incomeRecords.map((r) => {
      const rec = r as unknown as Record<string, unknown>;
      return {
        id: r.id,
        year: r.year,
        revision: r.revision,
        items: Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, Number(rec[c])])) as Record<IncomeItemColumn, number>,
        countedMembers: r.countedMembers,
        householdNetIncome: Number(r.householdNetIncome),
        perCapitaIncome: Number(r.perCapitaIncome),
        signedAt: r.signedAt,
        signMethod: r.signMethod,
      };
    }),
    plan: plan
      ? {
          year: plan.year,
          causes: [plan.mainCause, ...plan.secondaryCauses].filter((c): c is NonNullable<typeof c> => !!c),
          expectedIncome: Number(plan.expectedIncome),
          note: plan.note,
          items: plan.items,
        }
      : null,
    measures: h.measures.map((m) => ({ ...m, amount: Number(m.amount) })),
    visits: h.visits.map((v) => ({
      id: v.id,
      date: v.date,
      mode: v.mode,
      cadre: v.cadre.name,
      findings: v.findings,
      problems: v.problems,
      actionsTaken: v.actionsTaken,
    })),
    cadre: cadre ? { name: cadre.cadre.name, phone: cadre.cadre.phone, unit: cadre.unit?.name ?? null } : null,
  };
}

async function denied(viewer: Viewer, entity: string, id: string) {
  await audit(
    db(),
    { id: viewer.id, role: viewer.role },
    { action: "access.denied", entity, entityId: id.slice(0, 64), after: { code: "not_found", page: "handbook" } },
  ).catch(() => {});
}

/** One household's booklet, or null (out of scope, or no such household: the refusal is audited). */
export async function householdHandbook(viewer: Viewer, id: string): Promise<HandbookHousehold | null> {
  const h = /^[0-9a-f-]{36}$/i.test(id)
    ? await db().household.findFirst({ where: { AND: [{ id }, householdScope(viewer)] }, select: SELECT })
    : null;
  if (!h) {
    await denied(viewer, "household", id);
    return null;
  }
  await auditSensitiveRead(viewer, {
    entity: "household",
    entityId: h.id,
    countyId: h.countyId,
    via: "handbook",
    fields: ["nationalId", "income"],
    nationalIds: "masked",
  });
  return toHandbook(h);
}

export interface VillageHandbook {
  village: { id: string; name: string; township: string };
  /** households in the viewer's scope in the village */
  count: number;
  /** the households in number order, HANDBOOK_BATCH at a time */
  batches: () => AsyncGenerator<HandbookHousehold[]>;
}

/**
 * A village's booklets: the households of the village within the viewer's scope (a cadre's own
 * there; an official's all of them), read in batches by number. null when the viewer has none
 * there (no such village, out of scope, or none of theirs): audited as not found.
 */
export async function villageHandbook(viewer: Viewer, villageId: string): Promise<VillageHandbook | null> {
  const countyId = countyOfRegion(villageId) ?? "";
  // the village's households name its county (one shard on a sharded database: decision 0044)
  const where: Prisma.HouseholdWhereInput = { AND: [{ countyId, villageId }, householdScope(viewer)] };
  const [village, count] = await Promise.all([
    db().region.findFirst({
      where: { id: villageId, level: "village" },
      select: { id: true, name: true, parent: { select: { name: true } } },
    }),
    /^[0-9]{1,20}$/.test(villageId) ? db().household.count({ where }) : Promise.resolve(0),
  ]);
  if (!village || count === 0) {
    await denied(viewer, "village", villageId);
    return null;
  }
  await auditSensitiveRead(viewer, {
    entity: "village",
    entityId: village.id,
    countyId: countyOfRegion(village.id),
    via: "handbook",
    fields: ["nationalId", "income"],
    nationalIds: "masked",
    rows: count,
  });
  return {
    village: { id: village.id, name: village.name, township: village.parent?.name ?? "" },
    count,
    batches: async function* () {
      let after: string | null = null;
      for (;;) {
        const rows: Raw[] = await db().household.findMany({
          where: after === null ? where : { AND: [where, { number: { gt: after } }] },
          orderBy: { number: "asc" },
          take: HANDBOOK_BATCH,
          select: SELECT,
        });
        if (rows.length === 0) return;
        yield rows.map(toHandbook);
        if (rows.length < HANDBOOK_BATCH) return;
        after = rows[rows.length - 1]!.number;
      }
    },
  };
}
