import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function Root() {
  const viewer = await getViewer();
  redirect(viewer ? homeFor(viewer) : "/login");
}
