// The pages' one number formatter (lib/domain/format.ts) reads as the local copies it replaced
// (each page had `n.toLocaleString("zh-CN", …)`): compared over integers, yuan and quantities,
// negatives and the half-cent boundaries.
import { describe, expect, it } from "vitest";
import { formatFixed, formatQuantity } from "@/lib/domain/format";

const samples: number[] = [0, 1, 7, 999, 1000, 1234, 28600, 999999, 1_000_000, 123_456_789, -1, -1234, 0.5, 0.05, 1.1, 12.34, 1234.5];
for (let i = 0; i < 20_000; i++) samples.push(Math.round((i * 7919.37) % 3_000_000) / 100, ((i * 104729) % 100_000) / 1000);
for (const c of [0.125, 1.005, 2.675, 10.235, 0.045, 1234.565]) samples.push(c, -c);

describe("formatQuantity", () => {
  it("reads as toLocaleString('zh-CN', { maximumFractionDigits }) for 2 and 1 digits", () => {
    for (const v of samples) {
      expect(formatQuantity(v), String(v)).toBe(v.toLocaleString("zh-CN", { maximumFractionDigits: 2 }));
      expect(formatQuantity(v, 1), String(v)).toBe(v.toLocaleString("zh-CN", { maximumFractionDigits: 1 }));
    }
  });
  it("counts: thousands separators, no decimals", () => {
    expect(formatQuantity(2755)).toBe("2,755");
    expect(formatQuantity(1_000_000)).toBe("1,000,000");
    expect(formatQuantity(0)).toBe("0");
  });
});

describe("formatFixed", () => {
  it("reads as toLocaleString('zh-CN') with exactly two decimals", () => {
    for (const v of samples)
      expect(formatFixed(v), String(v)).toBe(v.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(formatFixed(28600)).toBe("28,600.00");
  });
});
