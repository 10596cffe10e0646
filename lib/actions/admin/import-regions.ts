"use server";
import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { auditDenied, defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { checkRegionRows, importRegionsSchema, type RegionRow } from "@/lib/validation/admin";
import { actorOf } from "./shared";

/** Row errors shown at most; the message says how many there were in all. */
const MAX_SHOWN = 100;
const CHUNK = 5_000;

export type ImportSummary = {
  rows: number;
  created: number;
  renamed: number;
  unchanged: number;
};

/**
 * Load an official tree file ([{id,parentId,level,name}], as prisma/data/regions-tongren.json)
 * under the admin's node: every row checked, then all written in one transaction, or nothing
 * (permission region.manage). Nodes missing from the file are kept.
 */
export const importRegions = defineAction({
  name: "admin.import_regions",
  permission: "region.manage",
  schema: importRegionsSchema,
  handler: async (input, viewer): Promise<ActionResult<ImportSummary>> => {
    const t = await getTranslations("admin.import");
    const text = await input.file.text();
    const sha256 = createHash("sha256").update(text).digest("hex");
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return { ok: false, code: "invalid", message: t("failed", { count: 1 }), fieldErrors: { file: [t("errors.json")] } };
    }

    const prisma = db();
    // everything already under the admin's node: parents may be here, and renames are found
    const existing = new Map(
      (await prisma.region.findMany({ where: { id: { startsWith: viewer.regionId } }, select: { id: true, name: true } })).map((r) => [
        r.id,
        r.name,
      ]),
    );
    const checked = checkRegionRows(data, viewer.regionId, new Set(existing.keys()));
    if (!checked.ok) {
      // rows outside the admin's province are a scope refusal as well as a file error
      const outside = checked.errors.filter((e) => e.key === "outOfScope");
      if (outside.length) {
        await auditDenied(viewer, "admin.import_regions", "out_of_scope", {
          field: "file",
          rows: outside.length,
          ids: outside.slice(0, 20).map((e) => e.params?.id),
        });
      }
      const shown = checked.errors
        .slice(0, MAX_SHOWN)
        .map((e) => (e.row ? t("errors.atRow", { row: e.row, problem: t(`errors.${e.key}`, e.params) }) : t(`errors.${e.key}`, e.params)));
      if (checked.errors.length > MAX_SHOWN) shown.push(t("errors.more", { count: checked.errors.length - MAX_SHOWN }));
      return { ok: false, code: "invalid", message: t("failed", { count: checked.errors.length }), fieldErrors: { file: shown } };
    }

    const toCreate: RegionRow[] = [];
    const renamed: { id: string; from: string; to: string }[] = [];
    for (const row of checked.rows) {
      const name = existing.get(row.id);
      if (name === undefined) toCreate.push(row);
      else if (name !== row.name) renamed.push({ id: row.id, from: name, to: row.name });
    }
    const summary: ImportSummary = {
      rows: checked.rows.length,
      created: toCreate.length,
      renamed: renamed.length,
      unchanged: checked.rows.length - toCreate.length - renamed.length,
    };
    if (!toCreate.length && !renamed.length) return { ok: true, data: summary, message: t("nothingToDo", summary) };

    // one transaction: every row is written, or none
    await prisma.$transaction(
      async (tx) => {
        const zones = new Map(
          (
            await tx.region.findMany({
              where: { level: "province", id: { startsWith: viewer.regionId.slice(0, 2) } },
              select: { id: true, zone: true },
            })
          ).map((p) => [p.id, p.zone]),
        );
        // parents first (rows are sorted by level), in chunks
        for (let i = 0; i < toCreate.length; i += CHUNK) {
          await tx.region.createMany({
            data: toCreate.slice(i, i + CHUNK).map((r) => ({
              id: r.id,
              parentId: r.parentId,
              level: r.level,
              name: r.name,
              zone: zones.get(r.id.slice(0, 2)) ?? null,
            })),
          });
        }
        for (const r of renamed) await tx.region.update({ where: { id: r.id }, data: { name: r.to } });
        await audit(tx, actorOf(viewer), {
          action: "region.import",
          entity: "region",
          entityId: viewer.regionId,
          after: {
            fileName: input.file.name,
            sha256,
            ...summary,
            createdIds: toCreate.map((r) => r.id),
            renamed,
          },
        });
      },
      { timeout: 180_000, maxWait: 10_000 },
    );
    revalidatePath("/admin/regions");
    revalidatePath("/admin");
    return { ok: true, data: summary, message: t("done", summary) };
  },
});
