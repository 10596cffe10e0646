// PUT /admin/import/upload?job=<id>&name=<file>: one file of a bulk import, streamed to the
// job's folder (never held in memory). Same origin only; the job must be the caller's; the
// files of one job add up to at most MAX_UPLOAD_BYTES.
import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { fileTarget, jobOf, MAX_UPLOAD_BYTES, uploadedBytes } from "@/lib/import/jobs";
import { importFileOf } from "@/lib/import/read";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return !!origin && origin !== "null" && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function PUT(request: Request) {
  if (!sameOrigin(request)) return json(403, { error: "cross-origin" });
  const viewer = await getViewer();
  if (!viewer) return json(401, { error: "unauthenticated" });
  const url = new URL(request.url);
  const jobId = url.searchParams.get("job") ?? "";
  // refusals of a signed-in user are recorded, as everywhere else
  const denied = (code: string) =>
    auditPageEvent(viewer, { action: "access.denied", entity: "import_job", entityId: jobId.slice(0, 64), after: { code } }).catch(
      () => {},
    );
  if (!can(viewer.role, "data.import")) {
    await denied("forbidden");
    return json(403, { error: "forbidden" });
  }
  const name = url.searchParams.get("name") ?? "";
  const job = jobOf(jobId, viewer.id);
  if (!job) await denied("not_found");
  if (!job || job.state === "running") return json(404, { error: "job" });
  if (!importFileOf(name)) return json(400, { error: "name" });
  if (!request.body) return json(400, { error: "empty" });

  const room = MAX_UPLOAD_BYTES - uploadedBytes(job, name);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > room) return json(413, { error: "too_large", maxBytes: MAX_UPLOAD_BYTES });
  const target = fileTarget(job, name);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > room ? new Error("too_large") : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(request.body as unknown as WebReadableStream), limit, fs.createWriteStream(target, { mode: 0o600 }));
  } catch (e) {
    fs.rmSync(target, { force: true });
    job.files.delete(name);
    if ((e as Error).message === "too_large") return json(413, { error: "too_large", maxBytes: MAX_UPLOAD_BYTES });
    return json(400, { error: "upload" });
  }
  job.files.set(name, bytes);
  job.report = undefined; // a new file: the files must be checked again
  return json(200, { ok: true, name, bytes });
}
