// The users an admin may see and change: those whose region lies under the admin's.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScopedViewer } from "./viewer";

export function usersInScope(viewer: Pick<ScopedViewer, "regionId">): Prisma.UserWhereInput {
  return { regionId: { startsWith: viewer.regionId } };
}
