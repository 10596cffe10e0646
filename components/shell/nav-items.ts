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
    { href: "/procedure", key: "approvals" },
    { href: "/county/approvals", key: "candidates" },
    { href: "/leads", key: "leads" },
    { href: "/cards", key: "cards" },
    { href: "/search", key: "search" },
  ],
  cadre: [
    { href: "/cadre", key: "households" },
    { href: "/outbox", key: "outbox" },
    { href: "/procedure", key: "procedure" },
    { href: "/leads", key: "leads" },
    { href: "/cards", key: "cards" },
  ],
  facilitator: [
    { href: "/meetings", key: "meetings" },
    { href: "/procedure", key: "procedure" },
  ],
  evaluator: [{ href: "/evaluator", key: "evaluations" }],
  auditor: [{ href: "/audit", key: "audit" }],
};
