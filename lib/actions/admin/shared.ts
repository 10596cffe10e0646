// What the admin actions share: the audited shape of a user (never the password hash),
// the county of a region code, the actor of an audit event. Not a "use server" file.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The fields of a user an audit event records before and after a change. */
export const userAuditSelect = {
  id: true,
  username: true,
  name: true,
  phone: true,
  role: true,
  regionId: true,
  disabled: true,
  sessionVersion: true,
} satisfies Prisma.UserSelect;

export const regionAuditSelect = {
  id: true,
  parentId: true,
  level: true,
  name: true,
  nameEn: true,
  zone: true,
  hotline: true,
} satisfies Prisma.RegionSelect;

/** The county (6-digit code) a region code lies in, for the audit row's countyId. */
export function countyOf(regionId: string): string | null {
  return regionId.length >= 6 ? regionId.slice(0, 6) : null;
}

export { actorOf } from "@/lib/audit";
