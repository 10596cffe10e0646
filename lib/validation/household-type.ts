// The household types (户属性), without zod: the household type form imports them in the browser
// (a value import of income-record.ts put all of zod in the household page's first load).
export const HOUSEHOLD_TYPES = ["ordinary", "subsistence", "extreme_hardship"] as const;
export type HouseholdTypeValue = (typeof HOUSEHOLD_TYPES)[number];
