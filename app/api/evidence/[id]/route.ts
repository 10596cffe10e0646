// Evidence files, served only to viewers whose scope covers the household and who see the file's
// field on the page (lib/data/evidence.ts decides, and records the refusal or the sensitive read).
// Never cached by shared caches, never sniffed.
import { plainResponse, privateResponse, recordRoute } from "@/lib/http/plain";
import { readStored } from "@/lib/storage/files";
import { evidenceForViewer } from "@/lib/data/evidence";

export const dynamic = "force-dynamic";

export const GET = recordRoute(evidenceForViewer, async (evidence, _request, { id }) => {
  const bytes = await readStored(evidence.storageKey);
  if (!bytes) {
    console.error(`[evidence] file missing for ${id}: ${evidence.storageKey}`);
    return plainResponse(404, "Not found");
  }
  return privateResponse(new Uint8Array(bytes), {
    "Content-Type": evidence.mimeType,
    "Content-Length": String(bytes.length),
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
    "Cache-Control": "private, max-age=300",
    // images can carry nothing active; keep them that way even if opened directly
    ...(evidence.mimeType.startsWith("image/")
      ? { "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" }
      : {}),
  });
});
