// A lead's photo, for the cadres and officials who follow the lead (same scope as /leads).
import { getViewer, type Viewer } from "@/lib/auth/session";
import { leadPhoto } from "@/lib/data/help";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

/** Anything else is "not found", and the refusal is audited (as the evidence and minutes routes do). */
async function notFound(viewer: Viewer, id: string): Promise<Response> {
  await auditPageEvent(viewer, {
    action: "access.denied",
    entity: "help_photo",
    entityId: id.slice(0, 64),
    after: { code: "not_found" },
  }).catch(() => {});
  return new Response("not found", { status: 404 });
}

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthenticated", { status: 401 });
  const { id } = await params;
  if (viewer.role !== "cadre" && viewer.role !== "county_official") return notFound(viewer, id);
  const photo = /^[0-9a-f-]{36}$/i.test(id) ? await leadPhoto(viewer, id) : null;
  if (!photo) return notFound(viewer, id);
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.mime,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    },
  });
}
