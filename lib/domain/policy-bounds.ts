// The range each policy setting may take (#16.11): a value outside it would break the app — a
// quorum over 0 members, a lead deadline a billion working days away — and is refused on its
// field when saved. Pure data; a key not listed (added later) keeps the generic 0–1e9.
export const POLICY_BOUNDS: Readonly<Record<string, readonly [min: number, max: number]>> = {
  povertyLine: [1, 1_000_000],
  monitoringThreshold: [1, 1_000_000],
  schoolAgeMin: [3, 18],
  schoolAgeMax: [6, 25],
  waterLitresMin: [1, 1_000],
  waterLitresScarceMin: [1, 1_000],
  waterRoundTripMaxMinutes: [1, 24 * 60],
  waterHorizontalMaxMetres: [1, 100_000],
  waterVerticalMaxMetres: [1, 10_000],
  waterOutageMaxDays: [0, 366],
  noticeDays: [1, 60],
  monitoringNoticeDays: [1, 60],
  quorumNumerator: [1, 100],
  quorumDenominator: [1, 100],
  // exit thresholds are percents, as the policy rows store them (2, 3, 90)
  exitIncidenceEast: [0, 100],
  exitIncidenceWest: [0, 100],
  wronglyLiftedMaxRate: [0, 100],
  missedMaxRate: [0, 100],
  approvalMinRate: [0, 100],
  riskEliminationMonths: [1, 120],
  leadResponseWorkingDays: [1, 60],
  sampleVillagesMin: [1, 10_000],
  sampleVillagesMax: [1, 10_000],
  sampleShare: [0, 1],
  sampleCapPerVillage: [1, 100_000],
  relocationContributionCap: [0, 1_000_000],
  relocationAreaPerPerson: [1, 1_000],
  residentDaysPerMonth: [0, 31],
  feedLargeMedicalBill: [1, 10_000_000],
  feedStaleMonths: [1, 120],
  feedRetentionMonths: [1, 240],
  keyElderAge: [50, 100],
};

/** The settings of `values` outside their range. */
export function policyOutOfBounds(values: Record<string, number | undefined>): { key: string; min: number; max: number }[] {
  const out: { key: string; min: number; max: number }[] = [];
  for (const [key, v] of Object.entries(values)) {
    const b = POLICY_BOUNDS[key];
    if (v === undefined || !b) continue;
    if (!(v >= b[0] && v <= b[1])) out.push({ key, min: b[0], max: b[1] });
  }
  return out;
}
