import type { PolicyKey } from "@/lib/domain/policy";

export const POLICY_GROUPS: { key: string; keys: PolicyKey[] }[] = [
  { key: "income", keys: ["povertyLine", "monitoringThreshold", "incomeDropShare"] },
  {
    key: "guarantees",
    keys: [
      "schoolAgeMin",
      "schoolAgeMax",
      "schoolEntryCutoffMonth",
      "schoolEntryCutoffDay",
      "waterLitresMin",
      "waterLitresScarceMin",
      "waterRoundTripMaxMinutes",
      "waterHorizontalMaxMetres",
      "waterVerticalMaxMetres",
      "waterOutageMaxDays",
    ],
  },
  {
    key: "procedure",
    keys: [
      "noticeDays",
      "monitoringNoticeDays",
      "quorumNumerator",
      "quorumDenominator",
      "riskEliminationMonths",
      "leadResponseWorkingDays",
    ],
  },
  {
    key: "exit",
    keys: [
      "exitIncidenceEast",
      "exitIncidenceWest",
      "wronglyLiftedMaxRate",
      "missedMaxRate",
      "approvalMinRate",
      "sampleVillagesMin",
      "sampleVillagesMax",
      "sampleShare",
      "sampleCapPerVillage",
    ],
  },
  {
    key: "places",
    keys: ["relocationContributionCap", "relocationAreaPerPerson", "residentDaysPerMonth", "keyElderAge"],
  },

  {
    key: "comparison",
    keys: [
      "comparisonVehicleValue",
      "comparisonSplitYears",
      "redLinePublicEmployee",
      "redLineVillageCommittee",
      "redLineVehicle",
      "redLineCommercialHousing",
      "redLineBusiness",
      "redLineRecentSplit",
      "redLineDuplicateId",
    ],
  },
  { key: "feeds", keys: ["feedLargeMedicalBill", "feedStaleMonths", "feedRetentionMonths"] },
];
