// The columns a visit may change, selected explicitly, for the server-side diff (pruneChanges).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentFacts } from "@/lib/validation/visit-facts";

export const factsSelect = {
  food: true,
  clothing: true,
  housingGrade: true,
  safeAlternative: true,
  electricity: true,
  waterLitres: true,
  waterScarceArea: true,
  waterPiped: true,
  waterRoundTripMin: true,
  waterHorizontalM: true,
  waterVerticalM: true,
  waterQualitySafe: true,
  waterOutageDays: true,
  incomeWages: true,
  incomeBusiness: true,
  incomeBusinessCosts: true,
  incomeProperty: true,
  incomeTransfers: true,
  rigidExpenditure: true,
  previousYearIncome: true,
  transferSubsistence: true,
  transferExtremeHardship: true,
  transferPension: true,
  transferEcological: true,
  transferFamilyPlanning: true,
  transferSupport: true,
  excludedMedical: true,
  excludedTemporaryRelief: true,
  excludedHousingSubsidy: true,
  excludedRelocationSubsidy: true,
  excludedGifts: true,
  members: {
    select: {
      id: true,
      name: true,
      active: true,
      schoolStatus: true,
      dropoutMedicalExemption: true,
      medicalInsurance: true,
      laborCapacity: true,
      health: true,
      counted: true,
      notCountedReason: true,
    },
  },
} satisfies Prisma.HouseholdSelect;

export type FactsRow = Prisma.HouseholdGetPayload<{ select: typeof factsSelect }>;

export function currentFacts(row: FactsRow): CurrentFacts {
  return row as unknown as CurrentFacts;
}
