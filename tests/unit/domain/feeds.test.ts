// Department feeds' pure rules (lib/domain/feeds.ts) and the row check (lib/feeds/rows.ts), at their boundaries.
import { describe, expect, it } from "vitest";
import { DEPARTMENTS, FEED_FACTS, factsOf, findingKey, isStale, monthsBefore, opensLead, raisesFlag } from "@/lib/domain/feeds";
import { checkFeedRow, readFeedHeader } from "@/lib/feeds/rows";
import { makeNationalId } from "@/lib/national-id";

const policy = { comparisonVehicleValue: 30_000, feedLargeMedicalBill: 20_000 };
const working = { active: true, laborCapacity: "full" as const };

describe("what a matched fact does", () => {
  it("flags a vehicle at the policy's value, not a yuan below", () => {
    expect(raisesFlag("vehicle", 30_000, policy)).toBe(true);
    expect(raisesFlag("vehicle", 29_999.99, policy)).toBe(false);
    expect(raisesFlag("vehicle", null, policy)).toBe(false);
    expect(raisesFlag("business", null, policy)).toBe(true);
    expect(raisesFlag("large_bill", 1e6, policy)).toBe(false);
  });

  it("warns of a medical bill at the policy's amount, not below", () => {
    expect(opensLead("large_bill", 20_000, working, policy)).toBe(true);
    expect(opensLead("large_bill", 19_999.99, working, policy)).toBe(false);
  });

  it("warns of the death of a member who could work, even one who left, not of one who could not", () => {
    expect(opensLead("death", null, { active: false, laborCapacity: "partial" }, policy)).toBe(true);
    expect(opensLead("death", null, { active: true, laborCapacity: "none" }, policy)).toBe(false);
  });

  it("opens no lead for a fact that is not a warning, or for a member who left", () => {
    expect(opensLead("insured", null, working, policy)).toBe(false);
    expect(opensLead("job_loss", null, { active: false, laborCapacity: "full" }, policy)).toBe(false);
    expect(opensLead("job_loss", null, working, policy)).toBe(true);
  });

  it("asks the cadre to verify a registration moved out of an active member, not of one the record already shows gone", () => {
    expect(FEED_FACTS.moved_out).toMatchObject({ lead: "other", former: true });
    expect(opensLead("moved_out", null, working, policy)).toBe(true);
    expect(opensLead("moved_out", null, { active: true, laborCapacity: "none" }, policy)).toBe(true);
    expect(opensLead("moved_out", null, { active: false, laborCapacity: "full" }, policy)).toBe(false);
  });

  it("keys a flag by person and code, a lead by person, fact and date (a death once)", () => {
    expect(findingKey("flag", "vehicle", "X", "2026-01-01")).toBe(findingKey("flag", "vehicle", "X", null));
    expect(findingKey("lead", "job_loss", "X", "2026-01-01")).not.toBe(findingKey("lead", "job_loss", "X", "2026-02-01"));
    expect(findingKey("lead", "death", "X", "2026-01-01")).toBe(findingKey("lead", "death", "X", "2026-01-02"));
  });

  it("gives every department at least one fact, and every fact one effect or a match only", () => {
    for (const d of DEPARTMENTS) expect(factsOf(d).length).toBeGreaterThan(0);
    expect(Object.keys(FEED_FACTS)).toHaveLength(16);
  });
});

describe("stale departments", () => {
  it("counts months back to the same day, or the month's last", () => {
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 1)).toBe("2025-12-15");
    expect(monthsBefore("2024-05-31", 3)).toBe("2024-02-29");
  });

  it("is stale past the months, not on the day, and when never loaded", () => {
    expect(isStale("2026-02-04", "2026-05-04", 3)).toBe(false);
    expect(isStale("2026-02-03", "2026-05-04", 3)).toBe(true);
    expect(isStale(null, "2026-05-04", 3)).toBe(true);
  });
});

describe("a row of a department's file", () => {
  const id = makeNationalId("520603", "1970-05-01", 11);
  const row = (cells: Record<string, string>) => (c: string) => cells[c] ?? "";

  it("takes a valid row and upper-cases an x check digit", () => {
    const r = checkFeedRow(
      row({ national_id: id, fact: "large_bill", date: "2026-01-31", value: "20,000.5" }),
      2,
      "medical_insurance",
      "2026-01-31",
    );
    expect(r.issues).toEqual([]);
    expect(r.tuple).toEqual([2, id, "large_bill", "2026-01-31", "20000.5"]);
  });

  it("refuses a date after the as-of day, a fact of another department, a missing value", () => {
    const r = checkFeedRow(row({ national_id: id, fact: "large_bill", date: "2026-02-01" }), 3, "medical_insurance", "2026-01-31");
    expect(r.issues.map((i) => [i.column, i.rule])).toEqual([
      ["date", "after_as_of"],
      ["value", "required"],
    ]);
    expect(checkFeedRow(row({ national_id: id, fact: "vehicle", value: "1" }), 4, "housing", "2026-01-31").issues[0]?.rule).toBe(
      "fact_of_other_department",
    );
    expect(
      checkFeedRow(row({ national_id: id, fact: "vehicle", value: "1.234" }), 4, "public_security", "2026-01-31").issues[0]?.rule,
    ).toBe("amount");
  });

  it("reads the header by English keys or Chinese labels, and names what is missing", () => {
    expect(readFeedHeader(["身份证号", "事项", "日期", "数值", "姓名"]).issues).toEqual([]);
    expect(readFeedHeader(["national_id", "fact", "extra"]).issues).toEqual([
      { column: "extra", rule: "unknown_column" },
      { column: "date", rule: "missing_column" },
      { column: "value", rule: "missing_column" },
    ]);
  });
});
