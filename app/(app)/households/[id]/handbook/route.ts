// GET /households/<id>/handbook — the household's handbook (扶贫手册) as an A5 PDF (lib/handbook):
// the household's cadre, and the officials, facilitators and admins over its region; anyone else
// (or no such household): not found, audited. Each print is a sensitive read (IDs masked).
import { htmlResponse, pdfResponse, recordRoute, wantsHtml } from "@/lib/http/plain";
import { attachment } from "@/lib/csv";
import { householdHandbook } from "@/lib/data/handbook";
import { householdHandbookPdf } from "@/lib/handbook/pdf";
import { handbookHtml } from "@/lib/handbook/html";
import { chinaDay } from "@/lib/domain/china-time";

export const dynamic = "force-dynamic";

export const GET = recordRoute(householdHandbook, async (h, request) => {
  const now = new Date();
  // ?format=html: the page Chromium prints, to look at or print from the browser
  if (wantsHtml(request)) return htmlResponse(handbookHtml([h], now));
  const day = chinaDay(now);
  return pdfResponse(
    await householdHandbookPdf(h, now),
    attachment(`扶贫手册-${h.village}-${h.number}-${h.headName}-${day}.pdf`, `handbook-${h.number}-${day}.pdf`),
  );
});
