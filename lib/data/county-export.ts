// The county CSV exports: who may download, which rows (the same filters as the pages, parsed
// by the same schemas), Chinese headers and labels, streamed. Route handlers stay thin.
import "server-only";
import { createTranslator } from "next-intl";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import { messages } from "@/i18n/messages";
import { today } from "@/lib/clock";
import { attachment, csvStream, type CsvValue } from "@/lib/csv";
import { plainResponse, privateResponse } from "@/lib/http/plain";
import { XLSX_TYPE, xlsxStream, type ColumnKind, type XlsxColumn } from "@/lib/xlsx";
import { exitThreshold, reviewArea, villageInCounty, villageRowsForExport, type ReviewedCounty } from "./county";
import { householdBatches } from "./county-households";
import { canSeeNationalIds, maskNationalId } from "@/lib/domain/masking";
import { auditSensitiveRead } from "./sensitive-reads";
import { parseHouseholdParams, parseVillageParams, type ParamError } from "@/lib/validation/county";
import type { KeyUnder, MessageKey } from "@/i18n/keys";
import { keyHouseholdBatches, parseKeyFilters } from "./key-households";

/** CSV headers and labels are always Chinese (the county's working language), whatever the UI locale. */
const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"] });

/** CSV for machines, XLSX (`?format=xlsx`) for people opening it in Excel or WPS. */
export type ExportFormat = "csv" | "xlsx";
const formatOf = (request: Request): ExportFormat => (new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv");

function download(
  format: ExportFormat,
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly (readonly CsvValue[])[]>,
  sheet: string,
  filename: string,
  ascii: string,
) {
  const body =
    format === "xlsx"
      ? xlsxStream(sheet, columns, rows)
      : csvStream(
          columns.map((c) => c.header),
          rows,
        );
  return fileResponse(body, `${filename}.${format}`, `${ascii}.${format}`, format === "xlsx" ? XLSX_TYPE : "text/csv; charset=utf-8");
}

function fileResponse(body: ReadableStream<Uint8Array>, filename: string, ascii: string, type: string) {
  return privateResponse(body, { "Content-Type": type, "Content-Disposition": attachment(filename, ascii) });
}

function paramProblem(errors: ParamError[]): Response | null {
  if (errors.length === 0) return null;
  return plainResponse(400, `参数无效 (invalid parameters): ${errors.map((e) => `${e.param}=${e.value}`).join(", ")}`);
}

/** Signed in, allowed to review villages, with a county in scope; else the response to send. */
async function exporter(): Promise<{ viewer: Viewer; county: ReviewedCounty; within: string; township: boolean } | Response> {
  const viewer = await getViewer();
  if (!viewer) return plainResponse(401, "请先登录 (Unauthorized)");
  if (!can(viewer.role, "village.review")) {
    await audit(
      db(),
      { id: viewer.id, role: viewer.role },
      { action: "access.denied", entity: "export", entityId: "county", after: { code: "forbidden" } },
    ).catch(() => {});
    return plainResponse(403, "无权导出 (Forbidden)");
  }
  try {
    return { viewer, ...(await reviewArea(viewer)) };
  } catch (e) {
    if (e instanceof AppError) {
      await audit(
        db(),
        { id: viewer.id, role: viewer.role },
        { action: "access.denied", entity: "export", entityId: "county", after: { code: "not_found", regionId: viewer.regionId } },
      ).catch(() => {});
      return plainResponse(404, "未找到 (Not found)");
    }
    throw e;
  }
}

const fmt = (n: number | null) => (n === null ? "" : n);

export async function exportVillages(request: Request): Promise<Response> {
  const who = await exporter();
  if (who instanceof Response) return who;
  const { county } = who;
  const { values, errors } = parseVillageParams(Object.fromEntries(new URL(request.url).searchParams));
  const bad = paramProblem(errors);
  if (bad) return bad;
  // a township reviewer's list is its township's villages
  if (who.township) values.township = who.within;
  const threshold = await exitThreshold(county.id, county.zone);
  const rows = await villageRowsForExport(county.id, threshold, values);
  const c = (k: KeyUnder<"county">) => zh(`county.${k}`);
  const columns = cols([
    ["区划代码", 14, "text"],
    [c("township"), 16, "text"],
    [c("village"), 16, "text"],
    [c("households"), 8, "integer"],
    [c("people"), 8, "integer"],
    [c("poorHouseholds"), 10, "integer"],
    [c("poorPeople"), 10, "integer"],
    [`${c("incidence")}(%)`, 11, "decimal"],
    ["是否达到退出标准", 10, "text"],
    [c("monitored"), 10, "integer"],
    ["脱贫不稳定户", 10, "integer"],
    ["边缘易致贫户", 10, "integer"],
    ["突发严重困难户", 10, "integer"],
    [c("missed"), 10, "integer"],
    ["应纳未纳人数", 10, "integer"],
    [c("wronglyLifted"), 10, "integer"],
    ["返贫风险人数", 10, "integer"],
    ["有帮扶干部的户", 10, "integer"],
    ["本月已走访户", 10, "integer"],
    [`${c("coverage")}(%)`, 11, "decimal"],
    [c("pending"), 10, "integer"],
  ]);
  async function* batches() {
    for (let i = 0; i < rows.length; i += 500) {
      yield rows
        .slice(i, i + 500)
        .map((v): CsvValue[] => [
          v.id,
          v.townshipName,
          v.name,
          v.households,
          v.people,
          v.poorHouseholds,
          v.poorPeople,
          fmt(v.incidence),
          v.belowThreshold === null ? "" : v.belowThreshold ? "是" : "否",
          v.monitored,
          v.monUnstable,
          v.monMarginal,
          v.monSudden,
          v.missed,
          v.missedPeople,
          v.wronglyLifted,
          v.wronglyLiftedPeople,
          v.assigned,
          v.visited,
          fmt(v.coverage),
          v.pending,
        ]);
    }
  }
  const date = today();
  return download(formatOf(request), columns, batches(), "村庄", `${county.name}-村庄-${date}`, `county-${county.id}-villages-${date}`);
}

const cols = (spec: [string, number, ColumnKind][]): XlsxColumn[] => spec.map(([header, width, kind]) => ({ header, width, kind }));

export async function exportHouseholds(request: Request): Promise<Response> {
  const who = await exporter();
  if (who instanceof Response) return who;
  const { viewer, county } = who;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const villageId = search.village;
  let village: Awaited<ReturnType<typeof villageInCounty>> = null;
  if (villageId !== undefined) {
    village = await villageInCounty(county.id, villageId, who.within);
    if (!village) {
      await audit(
        db(),
        { id: viewer.id, role: viewer.role },
        { action: "access.denied", entity: "village", entityId: villageId.slice(0, 64), after: { code: "not_found", via: "export" } },
      ).catch(() => {});
      return plainResponse(404, "未找到该村，或不在您的权限范围内 (Not found)");
    }
  }
  const { values, errors } = parseHouseholdParams(search);
  const bad = paramProblem(errors);
  if (bad) return bad;
  const showIds = canSeeNationalIds(viewer, false);
  // heads' IDs and per-capita income for a whole county or village: recorded before the first row
  await auditSensitiveRead(viewer, {
    entity: village ? "village" : "county",
    entityId: village?.id ?? county.id,
    countyId: county.id,
    via: "export",
    fields: ["nationalId", "income"],
    nationalIds: showIds ? "full" : "masked",
    filters: values,
  });
  // the value is read from the database: a key of that enum's messages
  const label = (ns: string, k: string | null) => (k ? zh(`${ns}.${k}` as MessageKey) : "");
  const columns = cols([
    ["村", 14, "text"],
    ["户编号", 12, "text"],
    ["户主", 10, "text"],
    ["户主身份证号", 22, "text"],
    ["人口", 6, "integer"],
    ["登记状态", 12, "text"],
    ["监测类别", 14, "text"],
    ["评估状态", 12, "text"],
    ["登记与评估不一致", 14, "text"],
    ["拟纳入监测类别", 14, "text"],
    ["未达标指标", 24, "text"],
    ["人均纯收入(元)", 14, "decimal"],
    ["主要致贫原因", 14, "text"],
    ["其他致贫原因", 18, "text"],
    ["帮扶干部", 12, "text"],
    ["最近走访", 12, "text"],
    ["走访情况", 10, "text"],
  ]);
  async function* batches() {
    for await (const batch of householdBatches(viewer, { countyId: county.id, villageId: village?.id }, values)) {
      yield batch.map((h): CsvValue[] => [
        h.villageName,
        h.number,
        h.headName,
        showIds ? h.headNationalId : maskNationalId(h.headNationalId),
        h.memberCount,
        label("registered", h.registeredStatus),
        label("monitoring", h.monitoringCategory),
        label("assessed", h.assessedStatus ?? "none"),
        label("candidate", h.candidate),
        label("monitoring", h.candidateCategory),
        h.unmetIndicators.map((k) => label("indicators", k)).join("、"),
        h.perCapitaIncome,
        label("causes", h.mainCause),
        h.secondaryCauses.map((k) => label("causes", k)).join("、"),
        h.cadres.map((c) => c.name).join("、"),
        h.lastVisitAt ?? "",
        h.cadres.length ? label("county.villagePage.due", h.visitDue) : "",
      ]);
    }
  }
  const date = today();
  const place = village ? village.name : county.name;
  return download(
    formatOf(request),
    columns,
    batches(),
    "农户",
    `${county.name}${village ? `-${place}` : ""}-农户-${date}`,
    `county-${county.id}${village ? `-${village.id}` : ""}-households-${date}`,
  );
}

/** The county's key households (重点户) under the register's filters, CSV or XLSX. */
export async function exportKeyHouseholds(request: Request): Promise<Response> {
  const who = await exporter();
  if (who instanceof Response) return who;
  // the register is the county's own: a township reviewer is refused (audited, as every denial)
  if (who.township) {
    await audit(
      db(),
      { id: who.viewer.id, role: who.viewer.role },
      {
        action: "access.denied",
        entity: "export",
        entityId: "key_households",
        after: { code: "not_found", regionId: who.viewer.regionId },
      },
    );
    return plainResponse(404, "未找到 (not found)");
  }
  const { county } = who;
  const f = parseKeyFilters(Object.fromEntries(new URL(request.url).searchParams));
  const k = (key: string) => zh(`countyRecords.key.${key}` as MessageKey);
  const columns = cols([
    ["户ID", 38, "text"],
    [k("township"), 14, "text"],
    [k("village"), 14, "text"],
    [k("number"), 10, "text"],
    [k("household"), 10, "text"],
    [k("members"), 8, "integer"],
    [k("type"), 12, "text"],
    [k("reason"), 30, "text"],
  ]);
  const date = today();
  async function* batches() {
    for await (const rows of keyHouseholdBatches(county.id, date, f))
      yield rows.map((r): CsvValue[] => [
        r.id,
        r.townshipName,
        r.villageName,
        r.number,
        r.headName,
        r.memberCount,
        zh(`countyRecords.type.${r.type}` as MessageKey),
        r.reasons.map((x) => zh(`countyRecords.key.reasons.${x}` as MessageKey)).join("；"),
      ]);
  }
  await audit(
    db(),
    { id: who.viewer.id, role: who.viewer.role },
    {
      action: "export.key_households",
      entity: "export",
      entityId: county.id,
      countyId: county.id,
      after: { filters: { village: f.villageId ?? null, reason: f.reason ?? null, type: f.type ?? null } },
    },
  );
  return download(
    formatOf(request),
    columns,
    batches(),
    "重点户",
    `${county.name}-重点户-${date}`,
    `county-${county.id}-key-households-${date}`,
  );
}
