import { describe, expect, it } from "vitest";
import { toCents } from "@/lib/domain/money";

/** The rule toCents keeps: round to 15 significant digits, then half away from zero. */
const reference = (yuan: number) => {
  const x = Number((yuan * 100).toPrecision(15));
  return (x < 0 ? -Math.round(-x) : Math.round(x)) || 0;
};

describe("toCents", () => {
  it("rounds binary noise and half cents away from zero", () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-1.005)).toBe(-101);
    expect(toCents(12.34)).toBe(1234);
    expect(toCents(0.125)).toBe(13);
    expect(toCents(-0.125)).toBe(-13);
    expect(toCents(-0)).toBe(0);
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
  });

  it("agrees with the 15-digit rule on amounts of every size (its fast path included)", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const amounts: number[] = [0.005, 0.015, 2.675, 1e7 - 0.005, 9_999_999.99, 1e7, 1e7 + 0.01, 123456789.125, 1e12 + 0.5];
    for (let i = 0; i < 20_000; i++) {
      const cents = Math.floor(rand() * 10 ** (1 + (i % 11)));
      amounts.push(cents / 100, -cents / 100, (cents + 0.5) / 100, cents / 1000, rand() * 10 ** (i % 13));
    }
    for (const y of amounts) expect(toCents(y), String(y)).toBe(reference(y));
  });
});
