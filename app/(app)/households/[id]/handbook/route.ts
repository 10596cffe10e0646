// GET /households/<id>/handbook — the household's handbook (扶贫手册) as an A5 PDF (lib/handbook):
// the household's cadre, and the officials, facilitators and admins over its region; anyone else
// (or no such household): not found, audited. Each print is a sensitive read (IDs masked).
import { getViewer } from "@/lib/auth/session";
import { plainResponse } from "@/lib/http/plain";
import { attachment } from "@/lib/csv";
import { householdHandbook } from "@/lib/data/handbook";
import { householdHandbookPdf } from "@/lib/handbook/pdf";
import { handbookHtml } from "@/lib/handbook/html";
import { chinaDay } from "@/lib/domain/china-time";

export const dynamic = "force-dynamic";

const HTML_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
};

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plainResponse(401, "Unauthorized");
  const { id } = await params;
  const h = await householdHandbook(viewer, id);
  if (!h) return plainResponse(404, "Not found");
  const now = new Date();
  // ?format=html: the page Chromium prints, to look at or print from the browser
  if (new URL(request.url).searchParams.get("format") === "html") return new Response(handbookHtml([h], now), { headers: HTML_HEADERS });
  const bytes = await householdHandbookPdf(h, now);
  const day = chinaDay(now);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": attachment(`扶贫手册-${h.village}-${h.number}-${h.headName}-${day}.pdf`, `handbook-${h.number}-${day}.pdf`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
