// Evidence files, served only to viewers whose scope covers the household and who see the file's
// field on the page (lib/data/evidence.ts decides, and records the refusal or the sensitive read).
// Never cached by shared caches, never sniffed.
import { getViewer } from "@/lib/auth/session";
import { readStored } from "@/lib/storage/files";
import { evidenceForViewer } from "@/lib/data/evidence";

export const dynamic = "force-dynamic";

const plain = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Unauthorized");
  const { id } = await params;
  const evidence = await evidenceForViewer(viewer, id);
  if (!evidence) return plain(404, "Not found");
  const bytes = await readStored(evidence.storageKey);
  if (!bytes) {
    console.error(`[evidence] file missing for ${id}: ${evidence.storageKey}`);
    return plain(404, "Not found");
  }
  const headers: Record<string, string> = {
    "Content-Type": evidence.mimeType,
    "Content-Length": String(bytes.length),
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=300",
  };
  // images can carry nothing active; keep them that way even if opened directly
  if (evidence.mimeType.startsWith("image/"))
    headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
