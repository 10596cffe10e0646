import { describe, expect, it } from "vitest";
import { displayHotline, formatHotline, hotlineHref, NATIONAL_HOTLINE } from "@/lib/domain/hotline";

describe("the hotline: one number, one format", () => {
  it("a county's setting wins; blank or missing falls back to the national 12317", () => {
    expect(displayHotline("0856-12317")).toBe("0856-12317");
    expect(displayHotline(null)).toBe("12317");
    expect(displayHotline(undefined)).toBe("12317");
    expect(displayHotline("   ")).toBe("12317");
    expect(NATIONAL_HOTLINE).toBe("12317");
  });
  it("formats however it was typed: spaces, full-width dashes and brackets become one hyphen", () => {
    expect(formatHotline("0856 12317")).toBe("0856-12317");
    expect(formatHotline(" 0856－12317 ")).toBe("0856-12317");
    expect(formatHotline("(0856) 12317")).toBe("0856-12317");
    expect(formatHotline("０８５６-１２３１７")).toBe("0856-12317");
    expect(formatHotline("+86 856 12317")).toBe("+86-856-12317");
    expect(formatHotline("12317")).toBe("12317");
  });
  it("something unreadable is never shown as a number: the national one is", () => {
    expect(formatHotline("call us")).toBe("12317");
    expect(formatHotline("")).toBe("12317");
  });
  it("the tel: link dials the digits", () => {
    expect(hotlineHref("0856-12317")).toBe("tel:085612317");
    expect(hotlineHref("+86-856-12317")).toBe("tel:+8685612317");
  });
});
