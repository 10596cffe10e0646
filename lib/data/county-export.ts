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
import { exitThreshold, reviewCounty, villageInCounty, villageRowsForExport } from "./county";
import { householdBatches } from "./county-households";
import { canSeeNationalIds, maskNationalId } from "./masking";
import { auditSensitiveRead } from "./sensitive-reads";
import { parseHouseholdParams, parseVillageParams, type ParamError } from "@/lib/validation/county";

/** CSV headers and labels are always Chinese (the county's working language), whatever the UI locale. */
const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"] });

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" } });

function csvResponse(body: ReadableStream<Uint8Array>, filename: string, ascii: string) {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(filename, ascii),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function paramProblem(errors: ParamError[]): Response | null {
  if (errors.length === 0) return null;
  return plain(400, `参数无效 (invalid parameters): ${errors.map((e) => `${e.param}=${e.value}`).join(", ")}`);
}

/** Signed in, allowed to review villages, with a county in scope; else the response to send. */
async function exporter(): Promise<{ viewer: Viewer; county: Awaited<ReturnType<typeof reviewCounty>> } | Response> {
  const viewer = await getViewer();
  if (!viewer) return plain(401, "请先登录 (Unauthorized)");
  if (!can(viewer.role, "village.review")) {
    await audit(db(), { id: viewer.id, role: viewer.role }, { action: "access.denied", entity: "export", entityId: "county", after: { code: "forbidden" } }).catch(() => {});
    return plain(403, "无权导出 (Forbidden)");
  }
  try {
    return { viewer, county: await reviewCounty(viewer) };
  } catch (e) {
    if (e instanceof AppError) {
      await audit(db(), { id: viewer.id, role: viewer.role }, { action: "access.denied", entity: "export", entityId: "county", after: { code: "not_found", regionId: viewer.regionId } }).catch(() => {});
      return plain(404, "未找到 (Not found)");
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
  const threshold = await exitThreshold(county.id, county.zone);
  const rows = await villageRowsForExport(county.id, threshold, values);
  const c = (k: string) => zh(`county.${k}` as never);
  const header = [
    "区划代码", c("township"), c("village"), c("households"), c("people"), c("poorHouseholds"), c("poorPeople"), `${c("incidence")}(%)`,
    "是否达到退出标准", c("monitored"), "脱贫不稳定户", "边缘易致贫户", "突发严重困难户", c("missed"), "应纳未纳人数", c("wronglyLifted"), "返贫风险人数",
    "有帮扶干部的户", "本月已走访户", `${c("coverage")}(%)`, c("pending"),
  ];
  async function* batches() {
    for (let i = 0; i < rows.length; i += 500) {
      yield rows.slice(i, i + 500).map((v): CsvValue[] => [
        v.id, v.townshipName, v.name, v.households, v.people, v.poorHouseholds, v.poorPeople, fmt(v.incidence),
        v.belowThreshold === null ? "" : v.belowThreshold ? "是" : "否", v.monitored, v.monUnstable, v.monMarginal, v.monSudden,
        v.missed, v.missedPeople, v.wronglyLifted, v.wronglyLiftedPeople, v.assigned, v.visited, fmt(v.coverage), v.pending,
      ]);
    }
  }
  const date = today();
  return csvResponse(csvStream(header, batches()), `${county.name}-村庄-${date}.csv`, `county-${county.id}-villages-${date}.csv`);
}

export async function exportHouseholds(request: Request): Promise<Response> {
  const who = await exporter();
  if (who instanceof Response) return who;
  const { viewer, county } = who;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const villageId = search.village;
  let village: Awaited<ReturnType<typeof villageInCounty>> = null;
  if (villageId !== undefined) {
    village = await villageInCounty(county.id, villageId);
    if (!village) {
      await audit(db(), { id: viewer.id, role: viewer.role }, { action: "access.denied", entity: "village", entityId: villageId.slice(0, 64), after: { code: "not_found", via: "export" } }).catch(() => {});
      return plain(404, "未找到该村，或不在您的权限范围内 (Not found)");
    }
  }
  const { values, errors } = parseHouseholdParams(search);
  const bad = paramProblem(errors);
  if (bad) return bad;
  const showIds = canSeeNationalIds(viewer, false);
  // heads' IDs and per-capita income for a whole county or village: recorded before the first row
  await auditSensitiveRead(viewer, {
    entity: village ? "village" : "county", entityId: village?.id ?? county.id, countyId: county.id, via: "export",
    fields: ["nationalId", "income"], nationalIds: showIds ? "full" : "masked", filters: values,
  });
  const label = (ns: string, k: string | null) => (k ? zh(`${ns}.${k}` as never) : "");
  const header = [
    "村", "户编号", "户主", "户主身份证号", "人口", "登记状态", "监测类别", "评估状态", "登记与评估不一致", "拟纳入监测类别",
    "未达标指标", "人均纯收入(元)", "主要致贫原因", "其他致贫原因", "帮扶干部", "最近走访", "走访情况",
  ];
  async function* batches() {
    for await (const batch of householdBatches(viewer, { countyId: county.id, villageId: village?.id }, values)) {
      yield batch.map((h): CsvValue[] => [
        h.villageName, h.number, h.headName, showIds ? h.headNationalId : maskNationalId(h.headNationalId), h.memberCount,
        label("registered", h.registeredStatus), label("monitoring", h.monitoringCategory), label("assessed", h.assessedStatus ?? "none"),
        label("candidate", h.candidate), label("monitoring", h.candidateCategory),
        h.unmetIndicators.map((k) => label("indicators", k)).join("、"), h.perCapitaIncome, label("causes", h.mainCause),
        h.secondaryCauses.map((k) => label("causes", k)).join("、"), h.cadres.map((c) => c.name).join("、"), h.lastVisitAt ?? "",
        h.cadres.length ? label("county.villagePage.due", h.visitDue) : "",
      ]);
    }
  }
  const date = today();
  const place = village ? village.name : county.name;
  return csvResponse(
    csvStream(header, batches()),
    `${county.name}${village ? `-${place}` : ""}-农户-${date}.csv`,
    `county-${county.id}${village ? `-${village.id}` : ""}-households-${date}.csv`,
  );
}
