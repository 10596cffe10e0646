// GET /county/villages/<id>/handbook — the handbooks (扶贫手册) of a village's households in the
// viewer's scope as ONE A5 PDF, each household from a new page (lib/handbook): officials and
// admins over the village, its facilitator, a cadre for their own households there. None in
// scope (or no such village): not found, audited. A village of hundreds takes a minute or two;
// the page's button shows the wait (components/handbook/village-handbook-button.tsx).
import { htmlResponse, pdfResponse, recordRoute, wantsHtml } from "@/lib/http/plain";
import { attachment } from "@/lib/csv";
import { villageHandbook } from "@/lib/data/handbook";
import { villageHandbookPdf } from "@/lib/handbook/pdf";
import { villageHandbookHtmlStream } from "@/lib/handbook/html";
import { chinaDay } from "@/lib/domain/china-time";

export const dynamic = "force-dynamic";
// a village's booklets are printed in one Chromium run (lib/handbook/pdf.ts handbookTimeoutMs)
export const maxDuration = 1200;

export const GET = recordRoute(villageHandbook, async (v, request) => {
  const now = new Date();
  const households = { "X-Households": String(v.count) };
  // ?format=html: the page Chromium prints, streamed batch by batch, to look at or print from the browser
  if (wantsHtml(request)) return htmlResponse(villageHandbookHtmlStream(v, now), households);
  const day = chinaDay(now);
  return pdfResponse(
    await villageHandbookPdf(v, now),
    attachment(`扶贫手册-${v.village.township}-${v.village.name}-${day}.pdf`, `handbook-${v.village.id}-${day}.pdf`),
    households,
  );
});
