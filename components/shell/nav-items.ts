import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  key: string; // messages: nav.<key>
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
    { href: "/county/approvals", key: "approvals" },
  ],
  cadre: [{ href: "/cadre", key: "households" }],
  facilitator: [{ href: "/meetings", key: "meetings" }],
  evaluator: [{ href: "/evaluator", key: "evaluations" }],
};
