// An address that matches no page. Signed in, it keeps the menu and the sign-out (the user is not
// stuck); signed out, it offers the way home.
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { AppShell } from "@/components/shell/app-shell";
import { NotFoundBody } from "@/components/shell/not-found-body";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("errors");
  return { title: t("notFoundTitle") };
}

export default async function NotFound() {
  const viewer = await getViewer().catch(() => null);
  if (viewer)
    return (
      <AppShell viewer={viewer}>
        <NotFoundBody home={homeFor(viewer)} />
      </AppShell>
    );
  return (
    <main>
      <NotFoundBody home="/" />
    </main>
  );
}
