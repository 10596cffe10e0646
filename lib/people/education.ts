/**
 * A plausible schooling for an age in a rural household (the demo seed and the scale generator
 * share it). Pure: it asks its random source in a fixed order, so the same source gives the same
 * families.
 */
export type Education = "none" | "preschool" | "primary" | "junior" | "senior" | "vocational" | "college";

export interface ChanceSource {
  chance(p: number): boolean;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

export function educationForAge(rng: ChanceSource, age: number): { education: Education; enrolled: boolean } {
  if (age < 3) return { education: "none", enrolled: false };
  if (age < 6) return { education: "preschool", enrolled: false };
  if (age <= 11) return { education: "primary", enrolled: true };
  if (age <= 14) return { education: "junior", enrolled: true };
  if (age === 15) return { education: rng.chance(0.5) ? "junior" : "senior", enrolled: true };
  if (age <= 18) {
    return rng.chance(0.75)
      ? { education: rng.chance(0.6) ? "senior" : "vocational", enrolled: true }
      : { education: "junior", enrolled: false };
  }
  if (age <= 22) {
    const e = rng.weighted<Education>([
      ["college", 30],
      ["vocational", 25],
      ["senior", 20],
      ["junior", 25],
    ]);
    return { education: e, enrolled: e === "college" && rng.chance(0.8) };
  }
  if (age <= 40)
    return {
      education: rng.weighted<Education>([
        ["primary", 8],
        ["junior", 45],
        ["senior", 20],
        ["vocational", 15],
        ["college", 12],
      ]),
      enrolled: false,
    };
  if (age <= 60)
    return {
      education: rng.weighted<Education>([
        ["none", 5],
        ["primary", 40],
        ["junior", 45],
        ["senior", 10],
      ]),
      enrolled: false,
    };
  return {
    education: rng.weighted<Education>([
      ["none", 45],
      ["primary", 45],
      ["junior", 10],
    ]),
    enrolled: false,
  };
}
