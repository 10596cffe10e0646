import { describe, it, expect } from "vitest";
import { PolicyConflictError, PolicyNotFoundError, POLICY_KEYS, resolvePolicy, type PolicyRow } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";

const LINES: Array<[number, number]> = [
  [2014, 2800],
  [2015, 2855],
  [2016, 2952],
  [2017, 2952],
  [2018, 2995],
  [2019, 3218],
  [2020, 4000],
];

describe("DEFAULT_POLICY_ROWS", () => {
  it.each(LINES)("%i: poverty line %i, not carried; no monitoring threshold before 2020", (year, line) => {
    const p = resolvePolicy(DEFAULT_POLICY_ROWS, year);
    expect(p.values.povertyLine).toBe(line);
    expect(p.values.monitoringThreshold).toBe(year >= 2020 ? 6000 : null);
    expect(p.sources.povertyLine).toEqual({
      year,
      provinceCode: null,
      rowId: `national-${year}`,
      carried: false,
      stale: false,
    });
  });

  it("2014 row carries all the other defaults", () => {
    const v = resolvePolicy(DEFAULT_POLICY_ROWS, 2014).values;
    expect(v).toMatchObject({
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
    });
  });

  it("2021: line 4,000 carried from 2020, threshold 6,000 set that year", () => {
    const p = resolvePolicy(DEFAULT_POLICY_ROWS, 2021);
    expect(p.values.povertyLine).toBe(4000);
    expect(p.sources.povertyLine).toMatchObject({ year: 2020, rowId: "national-2020", carried: true });
    expect(p.values.monitoringThreshold).toBe(6000);
    expect(p.sources.monitoringThreshold?.carried).toBe(false);
  });

  it("2022: threshold 6,300; 2023: 6,900; 2025: 4,000 and 6,900 both carried, 6,900 stale", () => {
    expect(resolvePolicy(DEFAULT_POLICY_ROWS, 2022).values.monitoringThreshold).toBe(6300);
    expect(resolvePolicy(DEFAULT_POLICY_ROWS, 2023).values.monitoringThreshold).toBe(6900);
    const p = resolvePolicy(DEFAULT_POLICY_ROWS, 2025);
    expect(p.values.povertyLine).toBe(4000);
    expect(p.values.monitoringThreshold).toBe(6900);
    expect(p.sources.povertyLine.carried).toBe(true);
    expect(p.sources.monitoringThreshold).toMatchObject({ year: 2023, carried: true, stale: true });
    expect(p.sources.schoolAgeMin).toMatchObject({ year: 2014, rowId: "national-2014", carried: true });
  });

  it("no row at or before 2013: PolicyNotFoundError", () => {
    expect(() => resolvePolicy(DEFAULT_POLICY_ROWS, 2013)).toThrow(PolicyNotFoundError);
  });
});

describe("resolvePolicy: province overrides and carry-forward", () => {
  const rows: PolicyRow[] = [
    ...DEFAULT_POLICY_ROWS,
    { id: "gz-2018", year: 2018, provinceCode: "52", values: { povertyLine: 3100, schoolAgeMax: 16 } },
    { id: "zj-2019", year: 2019, provinceCode: "33", values: { povertyLine: 9000 } },
    { id: "gz-2023", year: 2023, provinceCode: "52", values: { monitoringThreshold: 6600 } },
  ];

  it("province row of the exact year beats the national row of that year", () => {
    const p = resolvePolicy(rows, 2018, "52");
    expect(p.values.povertyLine).toBe(3100);
    expect(p.sources.povertyLine).toEqual({ year: 2018, provinceCode: "52", rowId: "gz-2018", carried: false, stale: false });
    // values the province row does not set come from the national row
    expect(p.values.incomeDropShare).toBe(0.5);
    expect(p.sources.incomeDropShare.rowId).toBe("national-2014");
  });

  it("an earlier province override carries forward over earlier national rows", () => {
    const p = resolvePolicy(rows, 2018, "52");
    expect(p.values.schoolAgeMax).toBe(16);
    expect(resolvePolicy(rows, 2024, "52").values.schoolAgeMax).toBe(16);
    expect(resolvePolicy(rows, 2024, "52").sources.schoolAgeMax).toMatchObject({ rowId: "gz-2018", carried: true });
  });

  it("a later, higher national line beats an earlier, lower province line (national values are floors)", () => {
    const p = resolvePolicy(rows, 2019, "52");
    expect(p.values.povertyLine).toBe(3218);
    expect(p.sources.povertyLine.rowId).toBe("national-2019");
  });

  it("a province override applies only to its own province and only from its year", () => {
    expect(resolvePolicy(rows, 2019, "33").values.povertyLine).toBe(9000);
    expect(resolvePolicy(rows, 2018, "33").values.povertyLine).toBe(2995);
    expect(resolvePolicy(rows, 2019).values.povertyLine).toBe(3218);
    expect(resolvePolicy(rows, 2018, null).values.schoolAgeMax).toBe(15);
  });

  it("a province threshold below the nation's 6,900 of 2023 does not lower it", () => {
    expect(resolvePolicy(rows, 2022, "52").values.monitoringThreshold).toBe(6300);
    expect(resolvePolicy(rows, 2023, "52").values.monitoringThreshold).toBe(6900);
    expect(resolvePolicy(rows, 2030, "52").sources.monitoringThreshold).toMatchObject({
      year: 2023,
      rowId: "national-2023",
      carried: true,
      stale: true,
    });
    expect(resolvePolicy(rows, 2023, "33").values.monitoringThreshold).toBe(6900);
  });

  it("the order of rows does not matter", () => {
    const reversed = [...rows].reverse();
    for (const [year, prov] of [
      [2018, "52"],
      [2021, null],
      [2023, "52"],
    ] as const) {
      expect(resolvePolicy(reversed, year, prov)).toEqual(resolvePolicy(rows, year, prov));
    }
  });

  it("a province with rows only after the year and no national rows: not found", () => {
    const only: PolicyRow[] = [{ id: "p", year: 2020, provinceCode: "52", values: { povertyLine: 1 } }];
    expect(() => resolvePolicy(only, 2019, "52")).toThrow(PolicyNotFoundError);
  });

  it("rows that never set a value: PolicyNotFoundError naming it", () => {
    const partial: PolicyRow[] = [{ id: "x", year: 2014, provinceCode: null, values: { povertyLine: 2800 } }];
    try {
      resolvePolicy(partial, 2020);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyNotFoundError);
      const missing = (e as PolicyNotFoundError).missing;
      expect(missing).toContain("schoolAgeMin");
      expect(missing).not.toContain("povertyLine");
      // the monitoring threshold may be unset (null): it is never "missing"
      expect(missing).not.toContain("monitoringThreshold");
      expect(missing).toHaveLength(POLICY_KEYS.length - 2);
    }
  });

  it("two rows of the same year and scope disagreeing: PolicyConflictError", () => {
    const dup: PolicyRow[] = [
      ...DEFAULT_POLICY_ROWS,
      { id: "national-2020b", year: 2020, provinceCode: null, values: { povertyLine: 4100 } },
    ];
    expect(() => resolvePolicy(dup, 2020)).toThrow(PolicyConflictError);
    // a conflict in an overridden year does not matter
    expect(resolvePolicy(dup, 2019).values.povertyLine).toBe(3218);
  });
});

describe("resolvePolicy: version", () => {
  it("is deterministic and names the rows used", () => {
    const a = resolvePolicy(DEFAULT_POLICY_ROWS, 2021);
    const b = resolvePolicy([...DEFAULT_POLICY_ROWS].reverse(), 2021);
    expect(a.version).toBe(b.version);
    expect(a.version).toMatch(
      /^2021:national:national-2014\+national-2014-key-households\+national-2014-places-v2\+national-2020\+national-2021#[0-9a-f]{16}$/,
    );
  });

  it("changes when a used row's values change, not when an unused row changes", () => {
    const base = resolvePolicy(DEFAULT_POLICY_ROWS, 2020).version;
    const edited = DEFAULT_POLICY_ROWS.map((r) => (r.id === "national-2020" ? { ...r, values: { ...r.values, povertyLine: 4001 } } : r));
    expect(resolvePolicy(edited, 2020).version).not.toBe(base);
    const unused = DEFAULT_POLICY_ROWS.map((r) => (r.id === "national-2016" ? { ...r, values: { ...r.values, povertyLine: 1 } } : r));
    expect(resolvePolicy(unused, 2020).version).toBe(base);
  });

  it("differs by province scope", () => {
    expect(resolvePolicy(DEFAULT_POLICY_ROWS, 2020, "52").version).toMatch(/^2020:52:/);
  });
});

describe("a retired key (villageCollectiveIncomeMin)", () => {
  // the places row as it was stored before the county judged collective income (decision 0051)
  const OLD_PLACES = {
    id: "national-2014-places",
    year: 2014,
    provinceCode: null,
    values: { relocationContributionCap: 3000, relocationAreaPerPerson: 20, residentDaysPerMonth: 20, villageCollectiveIncomeMin: 50_000 },
  } as unknown as PolicyRow;
  const before = DEFAULT_POLICY_ROWS.filter((r) => r.id !== "national-2014-places-v2").concat([OLD_PLACES]);
  it("is no policy value any more", () => {
    expect(POLICY_KEYS as readonly string[]).not.toContain("villageCollectiveIncomeMin");
    expect(resolvePolicy(before, 2020, "52").values).not.toHaveProperty("villageCollectiveIncomeMin");
  });
  it("still counts in the contents hash of a row that carries it: versions written before resolve to the same string", () => {
    // the versions these rows gave while the key was live (computed before it was retired)
    expect(resolvePolicy(before, 2020, "52").version).toBe(
      "2020:52:national-2014+national-2014-key-households+national-2014-places+national-2020#177e3258697a93e0",
    );
    expect(resolvePolicy(before, 2014, null).version).toBe(
      "2014:national:national-2014+national-2014-key-households+national-2014-places#434e03da950ea306",
    );
    // the replacement row: the same values without it
    expect(resolvePolicy(DEFAULT_POLICY_ROWS, 2020, "52").values).toEqual(resolvePolicy(before, 2020, "52").values);
  });
});
