/**
 * National seed rows (docs/rules.md). Data, not code: an admin edits the policy table;
 * these are only the defaults to seed it with. There is no monitoring threshold
 * before 2020 (monitoring began then); 2020 = 1.5 x the line (6,000); 2021 6,000;
 * 2022 6,300; 2023 6,900 as reported (confirm against the province's notice).
 */
import type { PolicyRow } from "./policy";

function nationalLine(year: number, povertyLine: number): PolicyRow {
  return { id: `national-${year}`, year, provinceCode: null, values: { povertyLine } };
}

export const DEFAULT_POLICY_ROWS: PolicyRow[] = [
  {
    id: "national-2014",
    year: 2014,
    provinceCode: null,
    values: {
      povertyLine: 2800,
      incomeDropShare: 0.5,
      schoolEntryCutoffMonth: 8,
      schoolEntryCutoffDay: 31,
      comparisonVehicleValue: 30_000,
      comparisonSplitYears: 3,
      redLinePublicEmployee: 0,
      redLineVillageCommittee: 0,
      redLineVehicle: 0,
      redLineCommercialHousing: 0,
      redLineBusiness: 0,
      redLineRecentSplit: 0,
      redLineDuplicateId: 0,
      schoolAgeMin: 6,
      schoolAgeMax: 15,
      waterLitresMin: 35,
      waterLitresScarceMin: 20,
      waterRoundTripMaxMinutes: 20,
      waterHorizontalMaxMetres: 800,
      waterVerticalMaxMetres: 80,
      waterOutageMaxDays: 36,
      noticeDays: 7,
      monitoringNoticeDays: 5,
      quorumNumerator: 2,
      quorumDenominator: 3,
      exitIncidenceEast: 2,
      exitIncidenceWest: 3,
      wronglyLiftedMaxRate: 2,
      missedMaxRate: 2,
      approvalMinRate: 90,
      riskEliminationMonths: 6,
      leadResponseWorkingDays: 5,
      sampleVillagesMin: 4,
      sampleVillagesMax: 6,
      sampleShare: 0.2,
      sampleCapPerVillage: 200,
      feedLargeMedicalBill: 20_000,
      feedStaleMonths: 3,
      feedRetentionMonths: 24,
    },
  },
  // relocation and resident teams (decision 0046): their own row, so the rows above stay as they were.
  // Its first version (national-2014-places, now retired by a migration) also held a national
  // collective income minimum for a village's exit, which the county judges instead (decision 0051).
  {
    id: "national-2014-places-v2",
    year: 2014,
    provinceCode: null,
    values: { relocationContributionCap: 3000, relocationAreaPerPerson: 20, residentDaysPerMonth: 20 },
  },
  // key households (decision 0045): the elders-alone age, a row of its own (decision 0049)
  { id: "national-2014-key-households", year: 2014, provinceCode: null, values: { keyElderAge: 65 } },
  nationalLine(2015, 2855),
  nationalLine(2016, 2952),
  nationalLine(2017, 2952),
  nationalLine(2018, 2995),
  nationalLine(2019, 3218),
  { id: "national-2020", year: 2020, provinceCode: null, values: { povertyLine: 4000, monitoringThreshold: 6000 } },
  { id: "national-2021", year: 2021, provinceCode: null, values: { monitoringThreshold: 6000 } },
  { id: "national-2022", year: 2022, provinceCode: null, values: { monitoringThreshold: 6300 } },
  /** as reported; confirm against the province's notice */
  { id: "national-2023", year: 2023, provinceCode: null, values: { monitoringThreshold: 6900 } },
];
