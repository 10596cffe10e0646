// Runs once when a Next.js server starts (Node runtime only):
//  - one structured log line per request (lib/log/request-log.ts, decision 0013);
//  - the periodic jobs (lib/jobs: notifications, the audit chain's head check), each claimed by
//    one process at a time through a lease row, so several app servers can run them;
//  - resume batch recomputes a stopped server left unfinished.
// And onRequestError: every server error, logged with the reference the user sees (Next's
// error digest, shown on the error page) and the request id.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestLogging } = await import("./lib/log/request-log");
  installRequestLogging();
  if (!process.env.DATABASE_URL || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ resumeRecomputeJobs }, { db }, { startJobs }, { logError }] = await Promise.all([
    import("./lib/data/recompute"),
    import("./lib/db/client"),
    import("./lib/jobs/runner"),
    import("./lib/log/logger"),
  ]);
  await resumeRecomputeJobs(db()).catch((e) => logError(e, { job: "recompute.resume" }, "recompute resume failed"));
  if (process.env.JINGZHUN_JOBS !== "off") startJobs(db);
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logError } = await import("./lib/log/logger");
  const reqId = request.headers["x-request-id"];
  logError(
    error,
    {
      ref: (error as { digest?: string } | null)?.digest,
      reqId: typeof reqId === "string" ? reqId : undefined,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
    },
    "server error",
  );
};
