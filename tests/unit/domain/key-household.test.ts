// Key households (重点户): each condition at its boundary.
import { describe, expect, it } from "vitest";
import { isKeyHousehold, isSevereDisability, keyHouseholdReasons, type KeyMemberInput } from "@/lib/domain/key-household";

const m = (over: Partial<KeyMemberInput> = {}): KeyMemberInput => ({
  birthDate: "1980-06-15",
  counted: true,
  active: true,
  laborCapacity: "full",
  health: "healthy",
  disability: null,
  ...over,
});
const AS_OF = "2020-12-31";
/** the policy's keyElderAge (lib/domain/policy-defaults.ts: 65) */
const AGE = 65;

describe("no labour capacity in the whole household", () => {
  it("every active member without labour capacity: key", () => {
    expect(keyHouseholdReasons([m({ laborCapacity: "none" }), m({ laborCapacity: "none", counted: false })], AS_OF, AGE)).toEqual([
      "no_labour",
    ]);
  });
  it("one member with partial capacity: not", () => {
    expect(keyHouseholdReasons([m({ laborCapacity: "none" }), m({ laborCapacity: "partial" })], AS_OF, AGE)).toEqual([]);
  });
  it("a member who left (inactive) does not count either way", () => {
    expect(keyHouseholdReasons([m({ laborCapacity: "none" }), m({ active: false })], AS_OF, AGE)).toEqual(["no_labour"]);
  });
  it("a household with no active member is not a key household", () => {
    expect(keyHouseholdReasons([m({ active: false, laborCapacity: "none" })], AS_OF, AGE)).toEqual([]);
    expect(keyHouseholdReasons([], AS_OF, AGE)).toEqual([]);
  });
});

describe("a counted member with a serious illness or a severe disability", () => {
  it("serious illness of a counted member: key", () => {
    expect(keyHouseholdReasons([m(), m({ health: "serious_illness" })], AS_OF, AGE)).toEqual(["illness_or_disability"]);
  });
  it("serious illness of a member not counted: not", () => {
    expect(keyHouseholdReasons([m(), m({ health: "serious_illness", counted: false })], AS_OF, AGE)).toEqual([]);
  });
  it("a chronic illness is not serious", () => {
    expect(keyHouseholdReasons([m({ health: "chronic" })], AS_OF, AGE)).toEqual([]);
  });
  it("disability grades: 一级 and 二级 are severe, 三级 and 四级 are not", () => {
    expect(isSevereDisability("肢体残疾一级")).toBe(true);
    expect(isSevereDisability("精神残疾二级")).toBe(true);
    expect(isSevereDisability("视力残疾2级")).toBe(true);
    expect(isSevereDisability("听力残疾三级")).toBe(false);
    expect(isSevereDisability("言语残疾四级")).toBe(false);
    expect(isSevereDisability(null)).toBe(false);
    expect(keyHouseholdReasons([m({ health: "disabled", disability: "肢体残疾二级" })], AS_OF, AGE)).toEqual(["illness_or_disability"]);
    expect(keyHouseholdReasons([m({ health: "disabled", disability: "肢体残疾三级" })], AS_OF, AGE)).toEqual([]);
  });
});

describe("elders alone: every counted member the policy's age (keyElderAge) or older", () => {
  it("at the policy's age 64, 65 and 66: a member who is 65 on the day is an elder only while the age is 64 or 65", () => {
    const members = [m({ birthDate: "1955-06-15" })]; // 65 on 2020-12-31
    expect(keyHouseholdReasons(members, AS_OF, 64)).toEqual(["elders_alone"]);
    expect(keyHouseholdReasons(members, AS_OF, 65)).toEqual(["elders_alone"]);
    expect(keyHouseholdReasons(members, AS_OF, 66)).toEqual([]);
    // a member of 64 (born 1956-06-15) and of 66 (born 1954-06-15) under the default 65
    expect(keyHouseholdReasons([m({ birthDate: "1956-06-15" })], AS_OF, 65)).toEqual([]);
    expect(keyHouseholdReasons([m({ birthDate: "1954-06-15" })], AS_OF, 65)).toEqual(["elders_alone"]);
  });
  it("the 65th birthday itself counts; the day before does not", () => {
    const born = "1955-12-31";
    expect(keyHouseholdReasons([m({ birthDate: born })], "2020-12-31", AGE)).toEqual(["elders_alone"]);
    expect(keyHouseholdReasons([m({ birthDate: born })], "2020-12-30", AGE)).toEqual([]);
  });
  it("born on 29 February: 65 on 1 March of a common year, not on 28 February", () => {
    expect(isKeyHousehold([m({ birthDate: "1956-02-29" })], "2021-02-28", AGE)).toBe(false);
    expect(isKeyHousehold([m({ birthDate: "1956-02-29" })], "2021-03-01", AGE)).toBe(true);
  });
  it("one counted member under 65 with an elder: not", () => {
    expect(keyHouseholdReasons([m({ birthDate: "1940-01-01" }), m({ birthDate: "1956-01-01" })], AS_OF, AGE)).toEqual([]);
  });
  it("a younger member who is not counted (away, not sharing income) leaves the elders alone", () => {
    expect(keyHouseholdReasons([m({ birthDate: "1940-01-01" }), m({ birthDate: "1990-01-01", counted: false })], AS_OF, AGE)).toEqual([
      "elders_alone",
    ]);
  });
  it("several reasons at once are all named", () => {
    expect(keyHouseholdReasons([m({ birthDate: "1940-01-01", laborCapacity: "none", health: "serious_illness" })], AS_OF, AGE)).toEqual([
      "no_labour",
      "illness_or_disability",
      "elders_alone",
    ]);
  });
});
