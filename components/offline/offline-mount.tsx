// Mounted once in the signed-in layout: registers the service worker, tells it who is signed in
// (and, for a cadre, which households' pages it may keep), and shows a cadre the outbox bar.
import type { Viewer } from "@/lib/auth/session";
import { cadreDirectory } from "@/lib/offline/directory";
import { OfflineClient } from "./offline-client";

export async function OfflineMount({ viewer }: { viewer: Viewer }) {
  const directory = await cadreDirectory(viewer);
  return <OfflineClient userId={viewer.id} role={viewer.role} directory={directory} />;
}
