// The demo's village exit (贫困村退出, decision 0051): Danyang, a designated poor village, exited in
// 2018 — its facilities in place, the collective income above the minimum, 11 registered-poor people
// left of its population (the last five households, lifted in 2019), proposed by its facilitator,
// reviewed by Huangdao township and approved and announced by the district. Built from the seed's
// own households (the counts are the seed's) and written after everything else, with ids of its
// own stream, so the rest of the demo data is exactly what it was.
import type { Prisma } from "@/lib/generated/prisma/client";
import { Rng } from "./random";
import { DANYANG_ID, WANSHAN_ID, day } from "./constants";

export const DANYANG_EXIT_YEAR = 2018;

interface Household {
  villageId: string;
  memberCount?: number | null;
  registeredAt?: Date | string | null;
  liftedAt?: Date | string | null;
}

const iso = (d: Date | string | null | undefined) => (d ? (typeof d === "string" ? d : d.toISOString()).slice(0, 10) : null);

export function buildVillageExit(households: readonly Household[], who: { facilitator: string; township: string; official: string }) {
  const rng = new Rng("village-exit");
  const end = `${DANYANG_EXIT_YEAR}-12-31`;
  const danyang = households.filter((h) => h.villageId === DANYANG_ID);
  const population = danyang.reduce((n, h) => n + (h.memberCount ?? 0), 0);
  // registered poor at the proposal: registered by the end of the year, not yet lifted
  const poor = danyang
    .filter((h) => iso(h.registeredAt) !== null && iso(h.registeredAt)! <= end && (iso(h.liftedAt) === null || iso(h.liftedAt)! > end))
    .reduce((n, h) => n + (h.memberCount ?? 0), 0);
  const id = rng.uuid();
  const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
  const exit: Prisma.VillageExitCreateManyInput = {
    id,
    countyId: WANSHAN_ID,
    villageId: DANYANG_ID,
    year: DANYANG_EXIT_YEAR,
    stage: "announced",
    roadOk: true,
    roadOn: day("2017-10-20"),
    roadNote: "村组道路硬化，通到黄道乡集镇",
    waterOk: true,
    waterOn: day("2017-06-30"),
    waterNote: "集中供水工程入户",
    powerOk: true,
    powerOn: day("2016-09-15"),
    powerNote: "农网改造完成，通动力电",
    clinicOk: true,
    clinicOn: day("2017-03-01"),
    clinicNote: "标准化村卫生室，乡村医生一名",
    schoolOk: true,
    schoolOn: day("2016-09-01"),
    schoolNote: "适龄儿童就近在黄道乡中心完小、民族中学就读",
    collectiveIncome: 56000,
    poorPeople: poor,
    population,
    incidenceThreshold: 3,
    incomeJudgment: "met" as const,
    incomeJudgmentNote: "村集体经济组织茶叶、油茶合作社分红及资产租金，连续两年稳定",
    incomeJudgedById: who.official,
    incomeJudgedAt: at("2018-12-08"),
    policyVersion: `${DANYANG_EXIT_YEAR}:52:seed`,
    proposedAt: at("2018-11-05"),
    announcedOn: day("2018-12-10"),
    version: 4,
    updatedById: who.official,
  };
  const step = (
    step: "propose" | "township_review" | "county_approval",
    decision: "proposed" | "approved",
    actorId: string,
    date: string,
    reason: string,
  ) => ({
    id: rng.uuid(),
    exitId: id,
    countyId: WANSHAN_ID,
    step,
    decision,
    reason,
    actorId,
    actorRole: step === "propose" ? "facilitator" : "county_official",
    at: at(date),
  });
  const steps: Prisma.VillageExitStepCreateManyInput[] = [
    step("propose", "proposed", who.facilitator, "2018-11-05", ""),
    step("township_review", "approved", who.township, "2018-11-15", "经乡镇核查，各项指标达到贫困村退出标准"),
    step("county_approval", "approved", who.official, "2018-12-10", "同意退出，予以公告"),
  ];
  return { exit, steps };
}
