// GET /county/villages/<id>/handbook — the handbooks (扶贫手册) of a village's households in the
// viewer's scope as ONE A5 PDF, each household from a new page (lib/handbook): officials and
// admins over the village, its facilitator, a cadre for their own households there. None in
// scope (or no such village): not found, audited. A village of hundreds takes a minute or two;
// the page's button shows the wait (components/handbook/village-handbook-button.tsx).
import { getViewer } from "@/lib/auth/session";
import { plainResponse } from "@/lib/http/plain";
import { attachment } from "@/lib/csv";
import { villageHandbook } from "@/lib/data/handbook";
import { villageHandbookPdf } from "@/lib/handbook/pdf";
import { villageHandbookHtmlStream } from "@/lib/handbook/html";
import { chinaDay } from "@/lib/domain/china-time";

export const dynamic = "force-dynamic";
// a village's booklets are printed in one Chromium run (lib/handbook/pdf.ts handbookTimeoutMs)
export const maxDuration = 1200;

const HTML_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
};

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plainResponse(401, "Unauthorized");
  const { id } = await params;
  const v = await villageHandbook(viewer, id);
  if (!v) return plainResponse(404, "Not found");
  const now = new Date();
  // ?format=html: the page Chromium prints, streamed batch by batch, to look at or print from the browser
  if (new URL(request.url).searchParams.get("format") === "html")
    return new Response(villageHandbookHtmlStream(v, now), { headers: { ...HTML_HEADERS, "X-Households": String(v.count) } });
  const bytes = await villageHandbookPdf(v, now);
  const day = chinaDay(now);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": attachment(
        `扶贫手册-${v.village.township}-${v.village.name}-${day}.pdf`,
        `handbook-${v.village.id}-${day}.pdf`,
      ),
      "X-Households": String(v.count),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
