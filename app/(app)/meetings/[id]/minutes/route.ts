// The scan of a meeting's signed minutes, served only to viewers whose scope covers the meeting
// (its facilitator, officials over the village); anything else is "not found" (audited).
import { getViewer } from "@/lib/auth/session";
import { plainResponse } from "@/lib/http/plain";
import { meetingMinutesKey } from "@/lib/data/procedure/meetings";
import { readMinutesScan } from "@/lib/storage/files";

export const dynamic = "force-dynamic";

const plain = plainResponse;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Unauthorized");
  const { id } = await params;
  const m = await meetingMinutesKey(viewer, id);
  if (!m) return plain(404, "Not found");
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
