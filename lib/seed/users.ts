/**
 * Demo users and cadre assignments. Every demo account has the password DEMO_PASSWORD
 * (hashed once by the caller).
 */
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import type { AssessmentSet } from "./assessments";
import { CITY_ID, chinaTime, DANYANG_ID, dayBetween, PROVINCE_ID, WANSHAN_ID, BIJIANG_ID } from "./constants";
import type { HouseholdPlan } from "./households";
import { fullName, mobile, pickSurname } from "./names";
import { Rng } from "./random";

export const DANYANG_CADRES = 52;

export type VisitPattern = "current" | "due" | "overdue";

export interface AssignmentPlan {
  row: Prisma.CadreAssignmentCreateManyInput & { id: string; cadreId: string; validFrom: Date };
  plan: HouseholdPlan;
  /** first and last day (YYYY-MM-DD) the cadre was responsible; to = null while current */
  from: string;
  to: string | null;
  pattern: VisitPattern;
}

export interface UserSet {
  users: (Prisma.UserCreateManyInput & { id: string })[];
  assignments: AssignmentPlan[];
}

function user(rng: Rng, username: string, role: Role, regionId: string, passwordHash: string): Prisma.UserCreateManyInput & { id: string } {
  const sex = rng.chance(0.65) ? "male" : "female";
  return {
    id: rng.uuid(),
    username,
    name: fullName(rng, pickSurname(rng), sex, rng.int(1968, 1996)),
    phone: mobile(rng),
    passwordHash,
    role,
    regionId,
  };
}

/** Households a cadre should look after: formerly or still poor, monitored, or not secure. */
function ofInterest(p: HouseholdPlan, assessments: AssessmentSet): boolean {
  const a = assessments.latest.get(p.row.id);
  return (
    p.row.registeredStatus !== "not_registered" ||
    p.row.monitoringCategory !== null ||
    (a !== undefined && a.assessment.status !== "secure")
  );
}

export function buildUsers(plans: readonly HouseholdPlan[], assessments: AssessmentSet, passwordHash: string): UserSet {
  const rng = new Rng("users");
  const users: UserSet["users"] = [
    user(rng, "admin", "admin", PROVINCE_ID, passwordHash),
    user(rng, "official", "county_official", WANSHAN_ID, passwordHash),
    user(rng, "official2", "county_official", BIJIANG_ID, passwordHash),
    user(rng, "facilitator", "facilitator", DANYANG_ID, passwordHash),
    user(rng, "evaluator", "evaluator", CITY_ID, passwordHash),
  ];
  const official = (countyId: string) => users.find((u) => u.username === (countyId === WANSHAN_ID ? "official" : "official2"))!;
  const danyangCadres = Array.from({ length: DANYANG_CADRES }, (_, i) =>
    user(rng, i === 0 ? "cadre" : `cadre${String(i + 1).padStart(2, "0")}`, "cadre", DANYANG_ID, passwordHash),
  );
  users.push(...danyangCadres);

  const assignments: AssignmentPlan[] = [];
  const assign = (p: HouseholdPlan, cadreId: string, from: string, to: string | null, pattern: VisitPattern, reason: string) => {
    assignments.push({
      row: {
        id: rng.uuid(),
        householdId: p.row.id,
        countyId: p.row.countyId,
        cadreId,
        validFrom: chinaTime(from, 9),
        validTo: to === null ? null : chinaTime(to, 9),
        reason,
        createdById: official(p.row.countyId).id,
      },
      plan: p,
      from,
      to,
      pattern,
    });
  };
  const pattern = (): VisitPattern =>
    rng.weighted<VisitPattern>([
      ["current", 65],
      ["due", 25],
      ["overdue", 10],
    ]);
  const startIn2024 = () => dayBetween("2024-01-08", "2024-03-29", rng.float());
  const FIRST = "驻村帮扶：结对帮扶（一户一策）";

  // Danyang: the demo cadre gets five households, among them one below standard and one overdue
  const villagePlans = (id: string) => plans.filter((p) => p.village.id === id && ofInterest(p, assessments));
  const danyang = rng.shuffle(villagePlans(DANYANG_ID));
  const status = (p: HouseholdPlan) => assessments.latest.get(p.row.id)!.assessment.status;
  const pickOne = (pred: (p: HouseholdPlan) => boolean) => {
    const i = danyang.findIndex(pred);
    if (i < 0) throw new Error("seed: no Danyang household for the demo cadre");
    return danyang.splice(i, 1)[0]!;
  };
  const demo = [
    pickOne((p) => p.row.registeredStatus === "lifted" && status(p) === "below_standard" && p.row.monitoringCategory === null),
    pickOne((p) => p.row.registeredStatus === "lifted" && p.row.monitoringCategory === "unstable_lifted" && status(p) === "at_risk"),
    pickOne((p) => p.row.registeredStatus === "lifted" && status(p) === "secure"),
    pickOne((p) => p.row.registeredStatus === "lifted" && status(p) === "secure"),
    pickOne((p) => p.row.registeredStatus === "not_registered" && status(p) === "at_risk"),
  ];
  const demoPatterns: VisitPattern[] = ["current", "current", "overdue", "due", "current"];
  demo.forEach((p, i) => assign(p, danyangCadres[0]!.id, startIn2024(), null, demoPatterns[i]!, FIRST));

  // the rest round-robin over cadre02..cadre52 (3-4 each)
  const others = danyangCadres.slice(1);
  danyang.forEach((p, i) => {
    const cadre = others[i % others.length]!;
    assign(p, cadre.id, startIn2024(), null, pattern(), FIRST);
  });

  // two transfers in April 2026: the earlier cadre's assignment is closed, a new one opens
  const transfers = assignments.filter((a) => a.row.cadreId !== danyangCadres[0]!.id).slice(0, 2);
  transfers.forEach((a, i) => {
    const newCadre = others[(others.findIndex((c) => c.id === a.row.cadreId) + 10 + i) % others.length]!;
    a.to = "2026-03-31";
    a.row.validTo = chinaTime("2026-04-01", 9);
    a.row.reason = FIRST;
    assign(a.plan, newCadre.id, "2026-04-01", null, "current", "帮扶干部调整：原帮扶干部调任乡镇工作，工作交接");
  });

  // other villages: their own cadres, about five households each
  for (const v of new Set(plans.map((p) => p.village))) {
    if (v.id === DANYANG_ID) continue;
    const hs = rng.shuffle(villagePlans(v.id));
    const n = Math.max(2, Math.ceil(hs.length / v.householdsPerCadre));
    const cadres = Array.from({ length: n }, (_, i) => user(rng, `cadre-${v.id}-${i + 1}`, "cadre", v.id, passwordHash));
    users.push(...cadres);
    hs.forEach((p, i) => assign(p, cadres[i % n]!.id, startIn2024(), null, pattern(), FIRST));
  }
  // the audit administrator, last (its own random stream: the users above stay as they were)
  users.push(user(new Rng("auditor"), "auditor", "auditor", PROVINCE_ID, passwordHash));
  return { users, assignments };
}
