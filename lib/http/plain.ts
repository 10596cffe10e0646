// What the route handlers answer with, private to the viewer: never kept by a shared cache, never
// sniffed. A short plain-text answer (a refusal, an error), a page or a file, and the start every
// route over one record shares (signed in, the record in the viewer's scope, else 401 or 404).
import type { Viewer } from "@/lib/auth/session";
import { getViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";

const PRIVATE = { "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" } as const;

/** A 200 answer with these headers, kept private (a header given here may override the cache rule: evidence files do). */
export function privateResponse(body: BodyInit, headers: Record<string, string>): Response {
  return new Response(body, { status: 200, headers: { ...PRIVATE, ...headers } });
}

export function plainResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE } });
}

/** An HTML page made on the server (a printable page, opened in the browser). */
export function htmlResponse(body: BodyInit, headers: Record<string, string> = {}): Response {
  return privateResponse(body, { "Content-Type": "text/html; charset=utf-8", ...headers });
}

/** A PDF to download; `disposition` from lib/csv's `attachment(name, ascii)` or a plain `attachment; filename="…"`. */
export function pdfResponse(bytes: Uint8Array, disposition: string, headers: Record<string, string> = {}): Response {
  return privateResponse(new Uint8Array(bytes), {
    "Content-Type": "application/pdf",
    "Content-Length": String(bytes.length),
    "Content-Disposition": disposition,
    ...headers,
  });
}

type Params = { params: Promise<{ id: string }> };

/**
 * A GET handler over one record: no viewer → 401; `load` (which reads in the viewer's scope, and
 * audits a refusal) finds nothing → 404; else `answer` makes the response.
 */
export function recordRoute<T>(
  load: (viewer: Viewer, id: string) => Promise<T | null>,
  answer: (record: T, request: Request, called: { viewer: Viewer; id: string }) => Response | Promise<Response>,
) {
  return async function GET(request: Request, { params }: Params): Promise<Response> {
    const viewer = await getViewer();
    if (!viewer) return plainResponse(401, "Unauthorized");
    const { id } = await params;
    const record = await load(viewer, id);
    if (record === null) return plainResponse(404, "Not found");
    return answer(record, request, { viewer, id });
  };
}

/** `?format=html`: the printable page instead of the PDF. */
export const wantsHtml = (request: Request) => new URL(request.url).searchParams.get("format") === "html";

/** For a loader that throws "not found" (AppError) where recordRoute wants null: `.catch(notFoundAsNull)`. */
export function notFoundAsNull(e: unknown): null {
  if (e instanceof AppError && e.code === "not_found") return null;
  throw e;
}
