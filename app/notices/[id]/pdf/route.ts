// GET /notices/<id>/pdf — the notice's archived PDF (lib/notices/pdf.ts): rendered once from the
// printed page by the server's headless Chromium, then kept. The village's facilitator and the
// officials and admins over it; anyone else: not found (audited). Not for anonymous visitors:
// the notice page itself is public and prints in any browser.
import { pdfResponse, recordRoute } from "@/lib/http/plain";
import { noticePdf } from "@/lib/notices/pdf";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

export const GET = recordRoute(
  async (viewer, id) => {
    const pdf = await noticePdf(viewer, id);
    if (!pdf)
      await auditPageEvent(viewer, {
        action: "access.denied",
        entity: "notice_pdf",
        entityId: id.slice(0, 64),
        after: { code: "not_found" },
      }).catch(() => {});
    return pdf;
  },
  (pdf) => pdfResponse(pdf.bytes, `attachment; filename="${pdf.fileName}"`),
);
