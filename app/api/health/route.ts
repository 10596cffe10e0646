// GET /api/health — for a load balancer: 200 when the database answers, the migrations are all
// applied, the upload folder is writable and the audit chain's head was verified recently;
// 503 otherwise. Public, no personal data (lib/ops/health.ts); HEAD answers the same status.
import { health } from "@/lib/ops/health";
import { logError } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  let body;
  try {
    body = await health();
  } catch (e) {
    // no database configured, or a check failed in a way it does not expect
    logError(e, { route: "/api/health" }, "health check failed");
    body = { status: "fail" as const, checks: {}, time: new Date().toISOString() };
  }
  return Response.json(body, { status: body.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
