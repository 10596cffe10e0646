import { requireViewerPage } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";
import { OfflineMount } from "@/components/offline/offline-mount";
import { PageStatus } from "@/components/ui/flash";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewerPage();
  return (
    <AppShell viewer={viewer}>
      <OfflineMount viewer={viewer} />
      <PageStatus />
      {children}
    </AppShell>
  );
}
