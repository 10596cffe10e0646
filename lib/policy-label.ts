// A stored policy version ("2026:52:<row ids>#<hash>") as people read it: the year and whether
// provincial values were used. The full version stays available as a tooltip.
export function policyLabel(version: string): { year: string; scope: "provincial" | "national" } {
  const [year = "", scope = ""] = version.split("#")[0]!.split(":");
  return { year, scope: /^\d{2}$/.test(scope) ? "provincial" : "national" };
}
