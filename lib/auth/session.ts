// Who is calling. Every page, action and data function starts here; nothing trusts the proxy.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { db } from "@/lib/db/client";
import { AppError } from "./errors";
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
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: {
      id: true, name: true, username: true, role: true, regionId: true, disabled: true, sessionVersion: true,
      region: { select: { level: true, name: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    role: user.role,
    regionId: user.regionId,
    regionLevel: user.region.level,
    regionName: user.region.name,
  };
});

/** For pages: a signed-in viewer, else the sign-in page. */
export async function requireViewerPage(permission?: Permission): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (permission && !can(viewer.role, permission)) redirect("/");
  return viewer;
}

/** For actions and data functions: a signed-in viewer with the permission, else AppError. */
export async function requireViewer(permission?: Permission): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated");
  if (permission && !can(viewer.role, permission)) throw new AppError("forbidden");
  return viewer;
}
