// The audit viewer's selection as XLSX (the page's filters; at most AUDIT_EXPORT_MAX events),
// streamed. The audit administrator only; the export is itself an audit event (audit.export).
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { can, isRole } from "@/lib/auth/roles";
import { auditDenied } from "@/lib/actions/safe-action";
import { auditBatches, AUDIT_EXPORT_MAX } from "@/lib/data/audit-viewer";
import { parseAuditParams } from "@/lib/validation/audit";
import { xlsxStream, XLSX_TYPE, type XlsxColumn } from "@/lib/xlsx";
import { plainResponse as plainText } from "@/lib/http/plain";
import type { CsvValue } from "@/lib/csv";
import { chinaSecond } from "@/lib/domain/china-time";
import type { KeyUnder } from "@/i18n/keys";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

const china = chinaSecond;
const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return plainText(401, "Sign in first.");
  if (!can(viewer.role, "audit.view")) {
    await auditDenied(viewer, "audit.export", "forbidden");
    return plainText(403, "Not allowed.");
  }
  const url = new URL(request.url);
  const { values: f, errors } = parseAuditParams(Object.fromEntries(url.searchParams));
  if (errors.length) return plainText(400, `Bad filter: ${errors.map((e) => e.param).join(", ")}`);
  const t = await getTranslations("audit");
  const tr = await getTranslations("roles");
  await auditPageEvent(viewer, {
    action: "audit.export",
    entity: "audit",
    entityId: null,
    countyId: viewer.regionId.length >= 6 ? viewer.regionId.slice(0, 6) : null,
    after: { filters: f, max: AUDIT_EXPORT_MAX },
  });
  const col = (k: KeyUnder<"audit.col">, width: number, kind: XlsxColumn["kind"] = "text"): XlsxColumn => ({
    header: t(`col.${k}`),
    width,
    kind,
  });
  const columns = [
    col("id", 12),
    col("at", 20),
    col("actor", 14),
    col("username", 14),
    col("role", 12),
    col("action", 26),
    col("entity", 14),
    col("entityId", 38),
    col("county", 10),
    col("reason", 30),
    col("before", 60),
    col("after", 60),
  ];
  async function* rows(): AsyncGenerator<CsvValue[][]> {
    for await (const batch of auditBatches(viewer!, f)) {
      yield batch.map((r) => [
        r.id,
        china(r.at),
        r.actorName ?? t("system"),
        r.actorUsername ?? "",
        r.actorRole && isRole(r.actorRole) ? tr(r.actorRole) : (r.actorRole ?? ""),
        r.action,
        r.entity,
        r.entityId ?? "",
        r.countyId ?? "",
        r.reason ?? "",
        json(r.before),
        json(r.after),
      ]);
    }
  }
  const day = china(new Date()).slice(0, 10);
  return new Response(xlsxStream(t("sheet"), columns, rows()), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="audit-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`审计日志-${day}.xlsx`)}`,
      "Cache-Control": "no-store",
    },
  });
}
