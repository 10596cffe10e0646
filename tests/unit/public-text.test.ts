// Issue #16.4: public notice text — an ID in full-width digits, a phone with dots, an income in
// words were printed. Normalised first, each is refused; bidi and zero-width controls are stripped.
import { describe, expect, it } from "vitest";
import { publicSafe } from "@/lib/validation/procedure";
import { normalisedForCheck, publicTextProblem, stripControls } from "@/lib/validation/public-text";

describe("public notice text", () => {
  it("a national ID in full-width digits", () => {
    expect(publicSafe("户主身份证５２０６０３１９８００１０１００１Ｘ")).toBe(false);
    expect(publicTextProblem("５２０６０３１９８００１０１００１Ｘ")).toBe("nationalId");
  });

  it("a phone number with dots, spaces or dashes", () => {
    for (const s of ["电话 139.0000.0000", "电话 139 0000 0000", "电话139-0000-0000", "电话 1\u200B39\u200B0000\u200B0000"])
      expect(publicSafe(s), s).toBe(false);
  });

  it("an income in words or with a unit", () => {
    for (const s of ["年收入三千五百元", "家里一共两万块", "收入三万", "月收入约 2,000", "收入为 8000", "人均 3500 元", "￥3500"])
      expect(publicSafe(s), s).toBe(false);
  });

  it("ordinary reasons pass, place names with 万 included", () => {
    for (const s of ["因病致贫，主要劳动力长期住院", "房屋漏雨，需改造", "万山区丹阳村三组", "家中三口人，两人上学"])
      expect(publicSafe(s), s).toBe(true);
  });

  it("bidi and zero-width controls are stripped, and do not hide digits", () => {
    expect(stripControls("王\u202E大山\u200B")).toBe("王大山");
    expect(normalisedForCheck("1\u200D3\u20609")).toBe("139");
  });
});
