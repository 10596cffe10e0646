// Evidence files, served only to viewers whose scope covers the household and who see the file's
// field on the page (lib/domain/masking.ts: medical files with health, bank statements with income,
// signatures with full IDs); anything else is "not found" (audited as access.denied). Every
// download is a sensitive.read event. Never cached by shared caches, never sniffed.
import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { householdScope } from "@/lib/auth/scope";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { readStored } from "@/lib/storage/files";
import { canSeeEvidence, evidenceField } from "@/lib/domain/masking";
import { auditSensitiveRead } from "@/lib/data/sensitive-reads";

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
  const now = new Date();
  const found = can(viewer.role, "household.read")
    ? await db().evidence.findFirst({
        where: { id, household: householdScope(viewer, now) },
        select: {
          storageKey: true,
          mimeType: true,
          fileName: true,
          kind: true,
          indicator: true,
          householdId: true,
          countyId: true,
          household: {
            select: {
              assignments: {
                where: { cadreId: viewer.id, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
                select: { id: true },
                take: 1,
              },
            },
          },
        },
      })
    : null;
  // the page's field rules (lib/domain/masking.ts): a medical file only to those who see health, …
  const assigned = (found?.household.assignments.length ?? 0) > 0;
  const evidence = found && canSeeEvidence(viewer, assigned, found) ? found : null;
  if (!evidence) {
    await audit(
      db(),
      { id: viewer.id, role: viewer.role },
      {
        action: "access.denied",
        entity: "evidence",
        entityId: id.slice(0, 64),
        countyId: found?.countyId ?? null,
        after: { code: "not_found", ...(found ? { field: evidenceField(found) } : {}) },
      },
    ).catch(() => {});
    return plain(404, "Not found");
  }
  // every download is a sensitive read, whatever the file (a failed record serves nothing)
  const field = evidenceField(evidence);
  await auditSensitiveRead(viewer, {
    entity: "household",
    entityId: evidence.householdId,
    countyId: evidence.countyId,
    via: `evidence:${id.slice(0, 64)}`,
    fields: field && field !== "nationalId" ? [field] : [],
    nationalIds: field === "nationalId" ? "full" : "none",
  });
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
