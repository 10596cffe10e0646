// Who is calling. Every page, action and data function starts here; nothing trusts the proxy.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { db } from "@/lib/db/client";
import { AppError } from "./errors";
import { audit } from "@/lib/audit";
import { can, type Permission, type Role } from "./roles";
import type { RegionLevel } from "@/lib/generated/prisma/client";

export interface Viewer {
  id: string;
  name: string;
  username: string;
  role: Role;
  regionId: string;
  regionLevel: RegionLevel;
  regionName: string;
}

/** The signed-in, enabled user whose session version is current; else null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  // one statement, no ORM query compilation: this runs on every request (decision 0011)
  const rows = await db().$queryRaw<UserRow[]>`
    SELECT u.id, u.name, u.username, u.role::text AS role, u."regionId", u.disabled, u."sessionVersion",
           r.level::text AS "regionLevel", r.name AS "regionName"
    FROM app_user u JOIN region r ON r.id = u."regionId"
    WHERE u.id = ${session.uid}`;
  const user = rows[0];
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    role: user.role,
    regionId: user.regionId,
    regionLevel: user.regionLevel,
    regionName: user.regionName,
  };
});

interface UserRow {
  id: string;
  name: string;
  username: string;
  role: Role;
  regionId: string;
  disabled: boolean;
  sessionVersion: number;
  regionLevel: RegionLevel;
  regionName: string;
}

/** For pages: a signed-in viewer, else the sign-in page; a role without the permission is sent home, and that denial audited. */
export async function requireViewerPage(permission?: Permission, roles?: readonly Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if ((permission && !can(viewer.role, permission)) || (roles && !roles.includes(viewer.role)))
    await denyPage(viewer, permission ?? roles!.join("|"));
  return viewer;
}

/** A page this viewer may not open: audited as access.denied, then home (#16.12: every denial audited). */
export async function denyPage(viewer: Viewer, what: string): Promise<never> {
  await audit(
    db(),
    { id: viewer.id, role: viewer.role },
    { action: "access.denied", entity: "page", entityId: null, after: { code: "forbidden", need: what.slice(0, 80) } },
  ).catch(() => {});
  redirect("/");
}

/** For actions and data functions: a signed-in viewer with the permission, else AppError. */
export async function requireViewer(permission?: Permission): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated");
  if (permission && !can(viewer.role, permission)) throw new AppError("forbidden");
  return viewer;
}
