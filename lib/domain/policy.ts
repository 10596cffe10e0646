/**
 * Policy settings (poverty line, thresholds, procedure constants) and their
 * resolution for a year and province. Pure: no I/O.
 *
 * A stored row may set only some values. For each value the resolver takes the
 * latest year <= target that sets it, preferring the province row over the
 * national row at equal year. So a later national row beats an earlier
 * province override, and the last set value carries forward.
 */
import { stableHash } from "./stable-hash";

export type RegionZone = "east" | "central" | "west";

export interface PolicyValues {
  povertyLine: number;
  monitoringThreshold: number;
  schoolAgeMin: number;
  schoolAgeMax: number;
  waterLitresMin: number;
  waterLitresScarceMin: number;
  waterRoundTripMaxMinutes: number;
  waterHorizontalMaxMetres: number;
  waterVerticalMaxMetres: number;
  waterOutageMaxDays: number;
  noticeDays: number;
  monitoringNoticeDays: number;
  quorumNumerator: number;
  quorumDenominator: number;
  /** percent, e.g. 2 */
  exitIncidenceEast: number;
  /** percent, e.g. 3 */
  exitIncidenceWest: number;
  /** percent */
  wronglyLiftedMaxRate: number;
  /** percent */
  missedMaxRate: number;
  /** percent */
  approvalMinRate: number;
  riskEliminationMonths: number;
  leadResponseWorkingDays: number;
  sampleVillagesMin: number;
  sampleVillagesMax: number;
  /** fraction, e.g. 0.2 */
  sampleShare: number;
  sampleCapPerVillage: number;
}

export type PolicyKey = keyof PolicyValues;

/** Every policy key, in a fixed order (used for iteration and hashing). */
export const POLICY_KEYS = [
  "povertyLine",
  "monitoringThreshold",
  "schoolAgeMin",
  "schoolAgeMax",
  "waterLitresMin",
  "waterLitresScarceMin",
  "waterRoundTripMaxMinutes",
  "waterHorizontalMaxMetres",
  "waterVerticalMaxMetres",
  "waterOutageMaxDays",
  "noticeDays",
  "monitoringNoticeDays",
  "quorumNumerator",
  "quorumDenominator",
  "exitIncidenceEast",
  "exitIncidenceWest",
  "wronglyLiftedMaxRate",
  "missedMaxRate",
  "approvalMinRate",
  "riskEliminationMonths",
  "leadResponseWorkingDays",
  "sampleVillagesMin",
  "sampleVillagesMax",
  "sampleShare",
  "sampleCapPerVillage",
] as const satisfies readonly PolicyKey[];

// Compile-time check that POLICY_KEYS lists every key of PolicyValues.
type MissingKeys = Exclude<PolicyKey, (typeof POLICY_KEYS)[number]>;
const _allKeysListed: MissingKeys extends never ? true : false = true;
void _allKeysListed;

export interface PolicyRow {
  id: string;
  year: number;
  /** null for the national row */
  provinceCode: string | null;
  values: Partial<PolicyValues>;
}

export interface PolicySource {
  year: number;
  provinceCode: string | null;
  rowId: string;
  /** true when the value comes from a year before the target year */
  carried: boolean;
}

export interface ResolvedPolicy {
  year: number;
  provinceCode: string | null;
  values: PolicyValues;
  /** deterministic: "<year>:<scope>:<row ids used>#<hash of their contents>" */
  version: string;
  sources: Record<PolicyKey, PolicySource>;
}

export class PolicyNotFoundError extends Error {
  readonly year: number;
  readonly provinceCode: string | null;
  readonly missing: readonly PolicyKey[];
  constructor(year: number, provinceCode: string | null, missing: readonly PolicyKey[]) {
    const scope = provinceCode ?? "national";
    super(
      missing.length === POLICY_KEYS.length
        ? `no policy at or before ${year} (${scope})`
        : `policy for ${year} (${scope}) does not set: ${missing.join(", ")}`,
    );
    this.name = "PolicyNotFoundError";
    this.year = year;
    this.provinceCode = provinceCode;
    this.missing = missing;
  }
}

/** Two rows of the same year and scope set the same value differently. */
export class PolicyConflictError extends Error {
  readonly rowIds: readonly [string, string];
  readonly key: PolicyKey;
  constructor(key: PolicyKey, a: string, b: string) {
    super(`policy rows ${a} and ${b} both set ${key} for the same year and scope`);
    this.name = "PolicyConflictError";
    this.key = key;
    this.rowIds = [a, b];
  }
}

/** Higher wins: later year first, then province over national. */
function precedence(row: PolicyRow): number {
  return row.year * 2 + (row.provinceCode === null ? 0 : 1);
}

export function resolvePolicy(
  rows: readonly PolicyRow[],
  year: number,
  provinceCode: string | null = null,
): ResolvedPolicy {
  const applicable = rows.filter(
    (r) => r.year <= year && (r.provinceCode === null || r.provinceCode === provinceCode),
  );

  const values: Partial<PolicyValues> = {};
  const sources: Partial<Record<PolicyKey, PolicySource>> = {};
  const chosen: Partial<Record<PolicyKey, PolicyRow>> = {};
  const missing: PolicyKey[] = [];

  for (const key of POLICY_KEYS) {
    let best: PolicyRow | undefined;
    for (const row of applicable) {
      const v = row.values[key];
      if (v === undefined) continue;
      if (best === undefined || precedence(row) > precedence(best)) {
        best = row;
      } else if (precedence(row) === precedence(best) && best.values[key] !== v) {
        throw new PolicyConflictError(key, best.id, row.id);
      }
    }
    if (best === undefined) {
      missing.push(key);
      continue;
    }
    chosen[key] = best;
    values[key] = best.values[key];
    sources[key] = {
      year: best.year,
      provinceCode: best.provinceCode,
      rowId: best.id,
      carried: best.year < year,
    };
  }

  if (missing.length > 0) {
    throw new PolicyNotFoundError(year, provinceCode, missing);
  }

  return {
    year,
    provinceCode,
    values: values as PolicyValues,
    version: policyVersion(year, provinceCode, Object.values(chosen)),
    sources: sources as Record<PolicyKey, PolicySource>,
  };
}

/** Version id from the rows actually used: readable ids plus a hash of their contents. */
function policyVersion(
  year: number,
  provinceCode: string | null,
  used: readonly PolicyRow[],
): string {
  const unique = [...new Map(used.map((r) => [r.id, r])).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const canonical = unique
    .map((r) => {
      const vals = POLICY_KEYS.filter((k) => r.values[k] !== undefined)
        .map((k) => `${k}=${String(r.values[k])}`)
        .join(",");
      return `${r.id}|${r.year}|${r.provinceCode ?? ""}|${vals}`;
    })
    .join(";");
  const ids = unique.map((r) => r.id).join("+");
  return `${year}:${provinceCode ?? "national"}:${ids}#${stableHash(canonical)}`;
}
