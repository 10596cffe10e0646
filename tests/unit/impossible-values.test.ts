// Issue #16.10: impossible dates rolled over silently (2024-02-30 stored as 03-01), future birth
// dates, year 0000, amounts with three decimals rounded silently: each refused on its field.
import { describe, expect, it } from "vitest";
import { householdChangesSchema } from "@/lib/validation/household-changes";
import { addMeasureSchema, registerHouseholdSchema } from "@/lib/validation/household-register";

const messagesAt = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, path: string) =>
  (r.error?.issues ?? []).filter((i) => i.path.join(".") === path).map((i) => i.message);

const member = (birthDate: string) => ({ name: "新成员", sex: "female", birthDate, relation: "child" });

describe("dates that do not exist, or have not happened", () => {
  it("2024-02-30, 2023-02-29 and year 0000 are refused on the birth date, never rolled over", () => {
    for (const d of ["2024-02-30", "2023-02-29", "0000-01-01", "2024-13-01"]) {
      const r = householdChangesSchema.safeParse({ newMembers: [member(d)] });
      expect(messagesAt(r, "newMembers.0.birthDate"), d).toEqual(["validation.invalidDate"]);
    }
    expect(householdChangesSchema.safeParse({ newMembers: [member("2024-02-29")] }).success).toBe(true);
  });

  it("a birth date after today", () => {
    const r = householdChangesSchema.safeParse({ newMembers: [member("2099-01-01")] });
    expect(messagesAt(r, "newMembers.0.birthDate")).toEqual(["validation.futureDate"]);
  });

  it("a registration's split date and a measure's dates", () => {
    const reg = registerHouseholdSchema.safeParse({
      villageId: "520603201200",
      number: "0101",
      splitAt: "2024-02-30",
      members: [{ name: "户主", sex: "male", birthDate: "1990-01-01", relation: "head" }],
    });
    expect(messagesAt(reg, "splitAt")).toEqual(["validation.invalidDate"]);
    const m = addMeasureSchema.safeParse({
      householdId: crypto.randomUUID(),
      kind: "employment",
      answers: "lack_of_capital",
      description: "x",
      amount: "10",
      startDate: "2025-04-31",
    });
    expect(messagesAt(m, "startDate")).toEqual(["validation.invalidDate"]);
  });
});

describe("amounts with more than two decimals", () => {
  it("are refused on their field, not rounded", () => {
    expect(messagesAt(householdChangesSchema.safeParse({ income: { incomeWages: "1234.567" } }), "income.incomeWages")).toEqual([
      "validation.cents",
    ]);
    expect(householdChangesSchema.safeParse({ income: { incomeWages: "1234.56" } }).success).toBe(true);
    expect(householdChangesSchema.safeParse({ income: { incomeWages: "0.1" } }).success).toBe(true);
    const m = addMeasureSchema.safeParse({
      householdId: crypto.randomUUID(),
      kind: "employment",
      answers: "lack_of_capital",
      description: "x",
      amount: "10.005",
      startDate: "2025-04-01",
    });
    expect(messagesAt(m, "amount")).toEqual(["validation.cents"]);
  });
});
