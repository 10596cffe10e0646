// Regions (villages, townships …) a viewer may see: its own region and everything beneath it.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScopedViewer } from "./viewer";

export function regionScope(viewer: Pick<ScopedViewer, "regionId">): Prisma.RegionWhereInput {
  return { id: { startsWith: viewer.regionId } };
}
