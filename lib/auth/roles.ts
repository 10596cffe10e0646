// Roles and what each may do. The server decides with can(); the UI only mirrors it.
export const ROLES = ["admin", "county_official", "cadre", "facilitator", "evaluator", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const PERMISSIONS = {
  "household.read": ["admin", "county_official", "cadre", "facilitator"],
  "household.edit": ["cadre"],
  /** find a household by a member's national ID (exact, within scope, audited) */
  "household.search": ["county_official", "cadre", "facilitator"],
  "household.register": ["cadre"],
  "visit.create": ["cadre"],
  "measure.create": ["cadre"],
  /** a household's plan (一户一策): the cadre assigned, an official over the household */
  "plan.edit": ["cadre", "county_official"],
  /** the annual income record (收入核算): record and have it signed (a cadre's own households, an official's region) */
  "income.record": ["cadre", "county_official"],
  /** the household type (户属性): set by an official over the household's region */
  "household_type.set": ["county_official"],
  /** the county's register of key households (重点户) */
  "key_household.read": ["county_official"],
  "proposal.create": ["cadre", "facilitator"],
  "village.review": ["county_official"],
  "assignment.manage": ["county_official"],
  "decision.approve": ["county_official"],
  "meeting.run": ["facilitator"],
  "vote.record": ["facilitator"],
  "evaluation.run": ["evaluator"],
  "policy.edit": ["admin"],
  "user.manage": ["admin"],
  "region.manage": ["admin"],
  "data.import": ["admin"],
  /** relocation (易地扶贫搬迁), resident teams, pairing units, village exit records: county and township officials in scope */
  "places.record": ["county_official"],
  /** a designated poor village's exit record and proposal (贫困村退出): the village's facilitator, or a cadre posted there as first secretary or team leader (decision 0051) */
  "village_exit.propose": ["cadre", "facilitator"],
  /** load a department's feed for people of one's own area (docs/department-feeds.md) */
  "feed.load": ["admin", "county_official"],
  "audit.read": ["admin", "county_official"],
  /** the audit viewer: every event of its region, the chain's state, exports (the audit administrator only) */
  "audit.view": ["auditor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = {
  admin: "/admin",
  county_official: "/county",
  cadre: "/cadre",
  facilitator: "/meetings",
  evaluator: "/evaluator",
  auditor: "/audit",
};

/**
 * Where this viewer lands: a county official whose scope is a township (the township reviewer)
 * has its own page — the county pages are the county's.
 */
export function homeFor(viewer: { role: Role; regionLevel: string }): string {
  if (viewer.role === "county_official" && viewer.regionLevel === "township") return "/township";
  return HOME[viewer.role];
}
