import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  key: string; // messages: nav.<key>
  /** one of the cadre's main places: also in the bottom bar on a phone */
  main?: boolean;
}

export const NAV: Record<Role, NavItem[]> = {
  admin: [
    { href: "/admin", key: "home" },
    { href: "/admin/users", key: "users" },
    { href: "/admin/regions", key: "regions" },
    { href: "/admin/policy", key: "policy" },
  ],
  county_official: [
    { href: "/county", key: "villages" },
    { href: "/county/assignments", key: "assignments" },
    { href: "/county/feeds", key: "feeds" },
    { href: "/procedure", key: "approvals" },
    { href: "/county/approvals", key: "candidates" },
    { href: "/leads", key: "leads" },
    { href: "/cards", key: "cards" },
    { href: "/search", key: "search" },
  ],
  cadre: [
    { href: "/cadre", key: "households", main: true },
    { href: "/outbox", key: "outbox", main: true },
    { href: "/procedure", key: "procedure", main: true },
    { href: "/leads", key: "leads", main: true },
    { href: "/cards", key: "cards" },
  ],
  facilitator: [
    { href: "/meetings", key: "meetings" },
    { href: "/procedure", key: "procedure" },
    { href: "/village-exit", key: "villageExit" },
  ],
  evaluator: [{ href: "/evaluator", key: "evaluations" }],
  auditor: [{ href: "/audit", key: "audit" }],
};

/** A county official whose scope is a township reviews its villages' proposals: its own menu. */
const TOWNSHIP_REVIEWER: NavItem[] = [
  { href: "/township", key: "township" },
  { href: "/township/feeds", key: "feeds" },
  { href: "/procedure", key: "townshipReview" },
  { href: "/village-exit", key: "villageExit" },
  { href: "/leads", key: "leads" },
  { href: "/cards", key: "cards" },
  { href: "/search", key: "search" },
];

export function navFor(viewer: { role: Role; regionLevel: string }): NavItem[] {
  if (viewer.role === "county_official" && viewer.regionLevel === "township") return TOWNSHIP_REVIEWER;
  return NAV[viewer.role];
}
