// A lead's photo, for the cadres and officials who follow the lead (same scope as /leads).
import { getViewer } from "@/lib/auth/session";
import { leadPhoto } from "@/lib/data/help";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("unauthenticated", { status: 401 });
  if (viewer.role !== "cadre" && viewer.role !== "county_official") return new Response("not found", { status: 404 });
  const { id } = await params;
  const photo = /^[0-9a-f-]{36}$/i.test(id) ? await leadPhoto(viewer, id) : null;
  if (!photo) return new Response("not found", { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.mime,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    },
  });
}
