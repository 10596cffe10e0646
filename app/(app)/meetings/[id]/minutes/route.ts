// The scan of a meeting's signed minutes, served only to viewers whose scope covers the meeting
// (its facilitator, officials over the village); anything else is "not found" (audited).
import { getViewer } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { plainResponse } from "@/lib/http/plain";
import { meetingScope } from "@/lib/auth/scope";
import { readMinutesScan } from "@/lib/storage/files";

export const dynamic = "force-dynamic";

const plain = plainResponse;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Unauthorized");
  const { id } = await params;
  const m = /^[0-9a-f-]{36}$/i.test(id)
    ? await db().meeting.findFirst({ where: { AND: [{ id }, meetingScope(viewer)] }, select: { minutesKey: true } })
    : null;
  if (!m) {
    await audit(
      db(),
      { id: viewer.id, role: viewer.role },
      { action: "access.denied", entity: "meeting_minutes", entityId: id.slice(0, 64), after: { code: "not_found" } },
    ).catch(() => {});
    return plain(404, "Not found");
  }
  // the meeting is the viewer's: no scan yet is no denial (#16.12), just nothing to serve
  const scan = m.minutesKey ? await readMinutesScan(m.minutesKey) : null;
  if (!scan) return plain(404, "Not found");
  const headers: Record<string, string> = {
    "Content-Type": scan.mime,
    "Content-Length": String(scan.bytes.length),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=300",
  };
  if (scan.mime.startsWith("image/"))
    headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
  return new Response(new Uint8Array(scan.bytes), { status: 200, headers });
}
