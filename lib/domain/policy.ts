/**
 * Policy settings (poverty line, thresholds, procedure constants) and their
 * resolution for a year and province. Pure: no I/O.
 *
 * A stored row may set only some values. For each value the resolver takes,
 * in each scope (national, province), the latest year <= target that sets it:
 * the last set value carries forward. Then:
 *  - the poverty line and the monitoring threshold: national values are FLOORS,
 *    the effective value is the higher of the province's and the nation's;
 *  - every other setting: the province's own value stands where it set one.
 * The monitoring threshold may be unset (monitoring began in 2020): it is then null.
 * A value carried from more than one year before the target is "stale".
 */
import { stableHash } from "./stable-hash";

export type RegionZone = "east" | "central" | "west";

export interface PolicyValues {
  povertyLine: number;
  /** null where no row sets it (monitoring began in 2020) */
  monitoringThreshold: number | null;
  /** a shock: household income below this share of the previous year's (0.5) */
  incomeDropShare: number;
  /** compulsory-school entry: the child is 6 by this month/day (31 August) */
  schoolEntryCutoffMonth: number;
  schoolEntryCutoffDay: number;
  /** comparison (比对): a vehicle worth this much or more is a flag (yuan) */
  comparisonVehicleValue: number;
  /** comparison: a split from another household within this many years is a flag */
  comparisonSplitYears: number;
  /** comparison flags a province makes a RED LINE (1: excludes identification and monitoring outright; 0: needs an explanation) */
  redLinePublicEmployee: number;
  redLineVillageCommittee: number;
  redLineVehicle: number;
  redLineCommercialHousing: number;
  redLineBusiness: number;
  redLineRecentSplit: number;
  redLineDuplicateId: number;
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
  /** relocation: the most a family pays itself for its new home (yuan, per household; 3,000) */
  relocationContributionCap: number;
  /** relocation: the floor area rule, m² per person (about 20) */
  relocationAreaPerPerson: number;
  /** resident teams: days in the village each month a team member must spend (20) */
  residentDaysPerMonth: number;
  /** department feeds: an out-of-pocket medical bill at or above this (yuan) opens a lead */
  feedLargeMedicalBill: number;
  /** department feeds: a department not loaded for this many months is stale */
  feedStaleMonths: number;
  /** department feeds: a feed's rows are deleted this many months after loading (flags and leads stay) */
  feedRetentionMonths: number;
  /** key households (重点户): every counted member this age or older makes an elders-alone household (65) */
  keyElderAge: number;
}

export type PolicyKey = keyof PolicyValues;

/** Every policy key, in a fixed order (used for iteration and hashing). */
export const POLICY_KEYS = [
  "povertyLine",
  "monitoringThreshold",
  "incomeDropShare",
  "schoolEntryCutoffMonth",
  "schoolEntryCutoffDay",
  "comparisonVehicleValue",
  "comparisonSplitYears",
  "redLinePublicEmployee",
  "redLineVillageCommittee",
  "redLineVehicle",
  "redLineCommercialHousing",
  "redLineBusiness",
  "redLineRecentSplit",
  "redLineDuplicateId",
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
  "relocationContributionCap",
  "relocationAreaPerPerson",
  "residentDaysPerMonth",
  "feedLargeMedicalBill",
  "feedStaleMonths",
  "feedRetentionMonths",
  "keyElderAge",
] as const satisfies readonly PolicyKey[];

// Compile-time check that POLICY_KEYS lists every key of PolicyValues.
type MissingKeys = Exclude<PolicyKey, (typeof POLICY_KEYS)[number]>;
const _allKeysListed: MissingKeys extends never ? true : false = true;
void _allKeysListed;

/**
 * Keys no longer policy values. A stored row may still carry one (rows are retired, never edited
 * or deleted): it is not resolved, but it stays in the row's contents hash at its old place, so a
 * version written while it was a key names the same rows and contents (stored assessments render
 * under it, decision 0054). villageCollectiveIncomeMin: the county judges a village's collective
 * income (decision 0051), no national figure does.
 */
export const RETIRED_POLICY_KEYS: readonly { key: string; after: PolicyKey }[] = [
  { key: "villageCollectiveIncomeMin", after: "residentDaysPerMonth" },
];

/** The keys a row's contents hash reads, in order: every key, and each retired key at its old place. */
const HASHED_KEYS: readonly string[] = POLICY_KEYS.flatMap((k) => [
  k,
  ...RETIRED_POLICY_KEYS.filter((r) => r.after === k).map((r) => r.key),
]);

/** Keys that may be left unset (resolved to null). */
export const OPTIONAL_POLICY_KEYS: readonly PolicyKey[] = ["monitoringThreshold"];
export const REQUIRED_POLICY_KEY_COUNT = POLICY_KEYS.length - OPTIONAL_POLICY_KEYS.length;

/** Keys where the national value is a floor a province may raise but never lower. */
export const FLOOR_POLICY_KEYS: readonly PolicyKey[] = ["povertyLine", "monitoringThreshold"];

/** A value carried from more than this many years before the target year is stale. */
export const STALE_AFTER_YEARS = 1;

export type StoredPolicyValues = { [K in PolicyKey]?: Exclude<PolicyValues[K], null> };

export interface PolicyRow {
  id: string;
  year: number;
  /** null for the national row */
  provinceCode: string | null;
  values: StoredPolicyValues;
}

export interface PolicySource {
  year: number;
  provinceCode: string | null;
  rowId: string;
  /** true when the value comes from a year before the target year */
  carried: boolean;
  /** true when carried from more than one year before the target year */
  stale: boolean;
}

export interface ResolvedPolicy {
  year: number;
  provinceCode: string | null;
  values: PolicyValues;
  /** deterministic: "<year>:<scope>:<row ids used>#<hash of their contents>" */
  version: string;
  /** null only for an optional key no row sets */
  sources: Record<Exclude<PolicyKey, "monitoringThreshold">, PolicySource> & {
    monitoringThreshold: PolicySource | null;
  };
}

export class PolicyNotFoundError extends Error {
  readonly year: number;
  readonly provinceCode: string | null;
  readonly missing: readonly PolicyKey[];
  constructor(year: number, provinceCode: string | null, missing: readonly PolicyKey[]) {
    const scope = provinceCode ?? "national";
    super(
      missing.length === REQUIRED_POLICY_KEY_COUNT
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

/** The row that sets `key` latest (<= year) among `rows`; two rows of the same year must agree. */
function latestSetting(rows: readonly PolicyRow[], key: PolicyKey): PolicyRow | undefined {
  let best: PolicyRow | undefined;
  for (const row of rows) {
    const v = row.values[key];
    if (v === undefined) continue;
    if (best === undefined || row.year > best.year) {
      best = row;
    } else if (row.year === best.year && best.values[key] !== v) {
      throw new PolicyConflictError(key, best.id, row.id);
    }
  }
  return best;
}

export function resolvePolicy(rows: readonly PolicyRow[], year: number, provinceCode: string | null = null): ResolvedPolicy {
  const national = rows.filter((r) => r.year <= year && r.provinceCode === null);
  const province = provinceCode === null ? [] : rows.filter((r) => r.year <= year && r.provinceCode === provinceCode);

  const values: Record<string, number | null> = {};
  const sources: Record<string, PolicySource | null> = {};
  const chosen: PolicyRow[] = [];
  const missing: PolicyKey[] = [];

  for (const key of POLICY_KEYS) {
    const n = latestSetting(national, key);
    const p = latestSetting(province, key);
    let best: PolicyRow | undefined;
    if (FLOOR_POLICY_KEYS.includes(key)) {
      const nv = n?.values[key];
      const pv = p?.values[key];
      if (n === undefined || nv === undefined) best = p;
      else if (p === undefined || pv === undefined) best = n;
      // the higher wins; on a tie, the more recent row (then the province's)
      else if (pv !== nv) best = pv > nv ? p : n;
      else best = p.year >= n.year ? p : n;
    } else {
      best = p ?? n;
    }
    if (best === undefined) {
      if (OPTIONAL_POLICY_KEYS.includes(key)) {
        values[key] = null;
        sources[key] = null;
      } else {
        missing.push(key);
      }
      continue;
    }
    chosen.push(best);
    values[key] = best.values[key] as number;
    sources[key] = {
      year: best.year,
      provinceCode: best.provinceCode,
      rowId: best.id,
      carried: best.year < year,
      stale: year - best.year > STALE_AFTER_YEARS,
    };
  }

  if (missing.length > 0) {
    throw new PolicyNotFoundError(year, provinceCode, missing);
  }

  return {
    year,
    provinceCode,
    values: values as unknown as PolicyValues,
    version: policyVersion(year, provinceCode, chosen),
    sources: sources as unknown as ResolvedPolicy["sources"],
  };
}

/** Version id from the rows actually used: readable ids plus a hash of their contents. */
function policyVersion(year: number, provinceCode: string | null, used: readonly PolicyRow[]): string {
  const unique = [...new Map(used.map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const canonical = unique
    .map((r) => {
      const stored = r.values as Record<string, unknown>;
      const vals = HASHED_KEYS.filter((k) => stored[k] !== undefined)
        .map((k) => `${k}=${String(stored[k])}`)
        .join(",");
      return `${r.id}|${r.year}|${r.provinceCode ?? ""}|${vals}`;
    })
    .join(";");
  const ids = unique.map((r) => r.id).join("+");
  return `${year}:${provinceCode ?? "national"}:${ids}#${stableHash(canonical)}`;
}

/**
 * Built-in rows with added ones: a row with the same id replaces the built-in one,
 * and a value an added row sets for a year and scope replaces the built-in value for
 * that year and scope (so adding a row never conflicts with a default).
 */
export function mergePolicyRows(defaults: readonly PolicyRow[], added: readonly PolicyRow[]): PolicyRow[] {
  const ids = new Set(added.map((r) => r.id));
  const kept: PolicyRow[] = [];
  for (const d of defaults) {
    if (ids.has(d.id)) continue;
    const overriding = added.filter((a) => a.year === d.year && a.provinceCode === d.provinceCode);
    const values: StoredPolicyValues = { ...d.values };
    for (const a of overriding) for (const k of Object.keys(a.values) as PolicyKey[]) delete values[k];
    if (Object.keys(values).length > 0) kept.push(overriding.length > 0 ? { ...d, values } : d);
  }
  return [...kept, ...added];
}
