import { describe, expect, it } from "vitest";
import { isCommunityCommittee, isVillageCommittee } from "@/lib/domain/committee";

describe("village or community, from the code", () => {
  it("200–399 are villages; 001–199 communities (at each edge)", () => {
    expect(isVillageCommittee("520603201200")).toBe(true); // Danyang
    expect(isVillageCommittee("520603201399")).toBe(true);
    expect(isVillageCommittee("520603201400")).toBe(false);
    expect(isVillageCommittee("520603004199")).toBe(false);
    expect(isVillageCommittee("520603004003")).toBe(false); // Wangjia community
    expect(isCommunityCommittee("520603004003")).toBe(true);
    expect(isCommunityCommittee("520603004001")).toBe(true);
    expect(isCommunityCommittee("520603004199")).toBe(true);
    expect(isCommunityCommittee("520603201200")).toBe(false);
    expect(isCommunityCommittee("520603004000")).toBe(false);
  });
  it("anything but a 12-digit code is neither", () => {
    for (const c of ["", "520603201", "52060320120", "5206032012000", "52060320120a"]) {
      expect(isVillageCommittee(c)).toBe(false);
      expect(isCommunityCommittee(c)).toBe(false);
    }
  });
});
