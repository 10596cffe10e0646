import { describe, expect, it } from "vitest";
import { MEASURE_CATEGORY_OF, MEASURE_KINDS, daysOverdue, detailsOf, loanDueDate, splitAnswer } from "@/lib/domain/measures";

describe("a loan's due date", () => {
  it("adds whole months", () => {
    expect(loanDueDate("2024-03-15", 36)).toBe("2027-03-15");
    expect(loanDueDate("2024-11-30", 2)).toBe("2025-01-30");
  });
  it("clamps to the month's last day", () => {
    expect(loanDueDate("2024-01-31", 1)).toBe("2024-02-29");
    expect(loanDueDate("2023-01-31", 1)).toBe("2023-02-28");
    expect(loanDueDate("2024-08-31", 1)).toBe("2024-09-30");
  });
});

describe("days overdue", () => {
  it("is 0 on the day it fell overdue and before, then counts whole days", () => {
    expect(daysOverdue("2025-09-16", "2025-09-15")).toBe(0);
    expect(daysOverdue("2025-09-16", "2025-09-16")).toBe(0);
    expect(daysOverdue("2025-09-16", "2025-09-17")).toBe(1);
    expect(daysOverdue("2024-02-28", "2024-03-01")).toBe(2);
  });
});

describe("kinds", () => {
  it("every kind has a category, and the general kinds are their category", () => {
    for (const k of MEASURE_KINDS) expect(MEASURE_CATEGORY_OF[k]).toBeTruthy();
    for (const c of ["industry", "employment", "relocation", "ecological", "education", "health", "social_assistance"] as const)
      expect(MEASURE_CATEGORY_OF[c]).toBe(c);
  });
  it("a loan carries the loan's details, a job its post and pay, the rest none", () => {
    expect(detailsOf("microcredit")).toContain("bank");
    expect(detailsOf("public_welfare_job")).toEqual(["post", "monthlyPay"]);
    expect(detailsOf("ecological_job")).toEqual(["post", "monthlyPay"]);
    expect(detailsOf("dibao")).toEqual([]);
  });
  it("an answer is a cause or a risk", () => {
    expect(splitAnswer("illness")).toEqual({ cause: "illness", risk: null });
    expect(splitAnswer("income_drop")).toEqual({ cause: null, risk: "income_drop" });
  });
});
