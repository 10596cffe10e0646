// GET /notices/<id>/pdf — the notice's archived PDF (lib/notices/pdf.ts): rendered once from the
// printed page by the server's headless Chromium, then kept. The village's facilitator and the
// officials and admins over it; anyone else: not found (audited). Not for anonymous visitors:
// the notice page itself is public and prints in any browser.
import { getViewer } from "@/lib/auth/session";
import { plainResponse } from "@/lib/http/plain";
import { noticePdf } from "@/lib/notices/pdf";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plainResponse(401, "Unauthorized");
  const { id } = await params;
  const pdf = await noticePdf(viewer, id);
  if (!pdf) {
    await auditPageEvent(viewer, {
      action: "access.denied",
      entity: "notice_pdf",
      entityId: id.slice(0, 64),
      after: { code: "not_found" },
    }).catch(() => {});
    return plainResponse(404, "Not found");
  }
  return new Response(new Uint8Array(pdf.bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.bytes.length),
      "Content-Disposition": `attachment; filename="${pdf.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
