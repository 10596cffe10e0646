// Monthly visit status: done this month, due, overdue — a household registered today and never
// visited is due, not overdue (issue #17, point 9).
import { describe, expect, it } from "vitest";
import { visitDue } from "@/lib/domain/visit-status";

describe("visitDue", () => {
  const today = "2026-12-04";
  it("visited this month: done; last month: due; before: overdue", () => {
    expect(visitDue("2026-12-01", today)).toBe("done");
    expect(visitDue("2026-11-30", today)).toBe("due");
    expect(visitDue("2026-11-01", today)).toBe("due");
    expect(visitDue("2026-10-31", today)).toBe("overdue");
  });
  it("never visited: due while on the register since last month, overdue when there before", () => {
    expect(visitDue(null, today, "2026-12-04")).toBe("due");
    expect(visitDue(null, today, new Date("2026-11-01T00:00:00Z"))).toBe("due");
    expect(visitDue(null, today, new Date("2026-10-31T00:00:00Z"))).toBe("overdue");
    expect(visitDue(null, today)).toBe("overdue");
  });
  it("January looks back to December of the year before", () => {
    expect(visitDue("2025-12-15", "2026-01-05")).toBe("due");
    expect(visitDue(null, "2026-01-05", "2025-12-20")).toBe("due");
    expect(visitDue(null, "2026-01-05", "2025-11-20")).toBe("overdue");
  });
});
