import { describe, it, expect } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  decimalToNumber,
  householdInputFromRecord,
  isoDateUtc,
  type HouseholdRecord,
  type MemberRecord,
} from "@/lib/domain/input-from-record";
import { assess } from "@/lib/domain/assess";
import { resolvePolicy } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";

const D = (v: string) => new Prisma.Decimal(v);

function record(o: Partial<HouseholdRecord> = {}): HouseholdRecord {
  return {
    registeredStatus: "lifted",
    incomeWages: D("24000.00"),
    incomeBusiness: D("6000.50"),
    incomeBusinessCosts: D("2000.50"),
    incomeProperty: D("800"),
    incomeTransfers: D("3200"),
    rigidExpenditure: D("1500.25"),
    previousYearIncome: D("30000"),
    food: true,
    clothing: true,
    housingGrade: "B",
    electricity: true,
    waterLitres: D("42.50"),
    waterScarceArea: false,
    waterPiped: false,
    waterRoundTripMin: 15,
    waterHorizontalM: 600,
    waterVerticalM: null,
    waterQualitySafe: true,
    waterOutageDays: 12,
    ...o,
  };
}

function member(birth: string, o: Partial<MemberRecord> = {}): MemberRecord {
  return {
    birthDate: new Date(`${birth}T00:00:00.000Z`),
    counted: true,
    active: true,
    medicalInsurance: true,
    schoolStatus: "not_applicable",
    dropoutMedicalExemption: false,
    laborCapacity: "full",
    ...o,
  };
}

describe("householdInputFromRecord", () => {
  it("maps every column, converting Decimals to numbers", () => {
    const members = [
      member("1978-03-04"),
      member("1980-12-31", { laborCapacity: "partial", medicalInsurance: false }),
      member("2013-07-01", { schoolStatus: "dropped_out", dropoutMedicalExemption: true, laborCapacity: "none" }),
      member("1950-01-01", { counted: false }),
    ];
    const input = householdInputFromRecord(record(), members, 2026, "2026-06-30");
    expect(input).toEqual({
      year: 2026,
      asOf: "2026-06-30",
      registeredStatus: "lifted",
      monitored: false,
      members: [
        {
          birthDate: "1978-03-04",
          counted: true,
          medicalInsurance: true,
          schoolStatus: "not_applicable",
          dropoutMedicalExemption: false,
          laborCapacity: "full",
        },
        {
          birthDate: "1980-12-31",
          counted: true,
          medicalInsurance: false,
          schoolStatus: "not_applicable",
          dropoutMedicalExemption: false,
          laborCapacity: "partial",
        },
        {
          birthDate: "2013-07-01",
          counted: true,
          medicalInsurance: true,
          schoolStatus: "dropped_out",
          dropoutMedicalExemption: true,
          laborCapacity: "none",
        },
        {
          birthDate: "1950-01-01",
          counted: false,
          medicalInsurance: true,
          schoolStatus: "not_applicable",
          dropoutMedicalExemption: false,
          laborCapacity: "full",
        },
      ],
      income: {
        wages: 24000,
        business: 6000.5,
        businessCosts: 2000.5,
        property: 800,
        // the lump column is "other"; item columns absent from the record count as 0
        transfers: { subsistence: 0, extremeHardship: 0, pension: 0, ecological: 0, familyPlanning: 0, support: 0, other: 3200 },
        excluded: { medicalReimbursement: 0, temporaryRelief: 0, housingSubsidy: 0, relocationSubsidy: 0, gifts: 0 },
      },
      food: true,
      clothing: true,
      housing: { grade: "B", electricity: true, safeAlternative: null },
      water: {
        litresPerPersonDay: 42.5,
        waterScarceArea: false,
        piped: false,
        roundTripMinutes: 15,
        horizontalMetres: 600,
        verticalMetres: null,
        qualitySafe: true,
        outageDaysPerYear: 12,
      },
      rigidExpenditure: 1500.25,
      previousYearIncome: 30000,
    });
  });

  it("drops inactive members, keeps not-counted active ones", () => {
    const input = householdInputFromRecord(
      record(),
      [member("1970-01-01"), member("1940-05-05", { active: false, counted: false }), member("1990-01-01", { counted: false })],
      2026,
      "2026-06-30",
    );
    expect(input.members.map((m) => m.birthDate)).toEqual(["1970-01-01", "1990-01-01"]);
  });

  it("accepts plain numbers and strings; null previous-year income stays null", () => {
    const input = householdInputFromRecord(
      record({ incomeWages: 1000, incomeBusiness: "250.75", previousYearIncome: null }),
      [member("1970-01-01")],
      2020,
      "2020-12-31",
    );
    expect(input.income.wages).toBe(1000);
    expect(input.income.business).toBe(250.75);
    expect(input.previousYearIncome).toBeNull();
  });

  it("registeredStatus and asOf can be given explicitly (a Date is read in UTC)", () => {
    const input = householdInputFromRecord(
      record({ registeredStatus: "lifted" }),
      [member("1970-01-01")],
      2018,
      new Date("2018-12-31T00:00:00Z"),
      "registered_poor",
    );
    expect(input.registeredStatus).toBe("registered_poor");
    expect(input.asOf).toBe("2018-12-31");
  });

  it("a registered monitoring category makes the household monitored; it can be overridden", () => {
    const members = [member("1970-01-01")];
    expect(householdInputFromRecord(record(), members, 2026, "2026-06-30").monitored).toBe(false);
    expect(householdInputFromRecord(record({ monitoringCategory: null }), members, 2026, "2026-06-30").monitored).toBe(false);
    const monitored = record({ monitoringCategory: "unstable_lifted" });
    expect(householdInputFromRecord(monitored, members, 2026, "2026-06-30").monitored).toBe(true);
    expect(householdInputFromRecord(monitored, members, 2018, "2018-12-31", "lifted", false).monitored).toBe(false);
  });

  it("reads birth dates in UTC whatever the time zone", () => {
    // 2010-01-01 00:00 UTC is still 2009-12-31 in the Americas
    expect(isoDateUtc(new Date(Date.UTC(2010, 0, 1)))).toBe("2010-01-01");
  });

  it("rejects values that are not numbers", () => {
    expect(() => householdInputFromRecord(record({ incomeWages: "abc" }), [member("1970-01-01")], 2026, "2026-06-30")).toThrow(
      /incomeWages/,
    );
    expect(() => decimalToNumber({ toString: () => "NaN" }, "x")).toThrow(RangeError);
    expect(() => isoDateUtc(new Date("nope"))).toThrow(RangeError);
  });

  it("feeds the status engine", () => {
    const input = householdInputFromRecord(
      record(),
      [member("1978-03-04"), member("1980-12-31"), member("2013-07-01", { schoolStatus: "enrolled", laborCapacity: "none" })],
      2026,
      "2026-06-30",
    );
    const a = assess(input, resolvePolicy(DEFAULT_POLICY_ROWS, 2026, "52"));
    // (24000 + 6000.5 - 2000.5 + 800 + 3200) / 3 = 10,666.67
    expect(a.perCapitaIncome).toBe(10666.67);
    expect(a.status).toBe("secure");
    expect(a.candidate).toBeNull();
  });

  it("an at-risk lifted household is a monitor candidate until it is monitored", () => {
    const members = [member("1978-03-04"), member("1980-12-31")];
    const low = { incomeWages: D("9000"), incomeBusiness: 0, incomeBusinessCosts: 0, incomeProperty: 0, incomeTransfers: 0 };
    const policy = resolvePolicy(DEFAULT_POLICY_ROWS, 2026, "52");
    const open = assess(householdInputFromRecord(record(low), members, 2026, "2026-06-30"), policy);
    expect(open).toMatchObject({ status: "at_risk", candidate: "monitor", monitoringCategory: "unstable_lifted" });
    const watched = assess(
      householdInputFromRecord(record({ ...low, monitoringCategory: "unstable_lifted" }), members, 2026, "2026-06-30"),
      policy,
    );
    expect(watched).toMatchObject({ status: "at_risk", candidate: null });
  });
});

describe("householdInputFromRecord: itemised income (#14)", () => {
  it("reads every transfer item as counted and every excluded item as recorded only", () => {
    const input = householdInputFromRecord(
      {
        ...record(),
        incomeWages: "1000",
        incomeBusiness: "0",
        incomeBusinessCosts: "0",
        incomeProperty: "0",
        incomeTransfers: "100",
        transferSubsistence: "1000",
        transferPension: "500",
        excludedMedical: "50000",
        excludedGifts: "500",
        safeAlternative: "resettlement_flat",
      },
      [member("1980-01-01")],
      2020,
      "2020-12-31",
    );
    expect(input.income.transfers).toMatchObject({ subsistence: 1000, pension: 500, other: 100 });
    expect(input.income.excluded).toMatchObject({ medicalReimbursement: 50000, gifts: 500 });
    expect(input.housing.safeAlternative).toBe("resettlement_flat");
  });
});
