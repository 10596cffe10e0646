// The region tree on a real database: browsing with counts, adding and renaming nodes, zones,
// hotlines, and loading an official tree file (all rows or none).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { createHousehold, createUser as makeUser, seedRegions } from "../factories";
import { createRegion } from "@/lib/actions/admin/create-region";
import { renameRegion } from "@/lib/actions/admin/rename-region";
import { setRegionZone } from "@/lib/actions/admin/set-region-zone";
import { setRegionHotline } from "@/lib/actions/admin/set-region-hotline";
import { importRegions } from "@/lib/actions/admin/import-regions";
import { getRegionView, searchRegions } from "@/lib/data/admin/regions";
import { getAdminOverview } from "@/lib/data/admin/overview";
import { getViewer } from "@/lib/auth/session";

let t: TestDb;

const file = (rows: unknown, name = "regions.json") =>
  new File([typeof rows === "string" ? rows : JSON.stringify(rows)], name, { type: "application/json" });
const fileForm = (f: File) => {
  const fd = new FormData();
  fd.append("file", f);
  return fd;
};

async function admin() {
  await signInAs(t.prisma, "gz_admin");
  const viewer = await getViewer();
  if (!viewer) throw new Error("admin session expected");
  return viewer;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await t.prisma.region.create({ data: { id: "53", level: "province", name: "云南省" } });
  await makeUser(t.prisma, { username: "gz_admin", role: "admin", regionId: "52" });
  await makeUser(t.prisma, { username: "wanshan_official", role: "county_official", regionId: "520603" });
  await createHousehold(t.prisma, { villageId: "520603201200", number: "001" });
  await createHousehold(t.prisma, { villageId: "520603201200", number: "002", registeredStatus: "registered_poor" });
  await createHousehold(t.prisma, { villageId: "520603201201", number: "001" });
  await createHousehold(t.prisma, { villageId: "520602100200", number: "001" });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

describe("browse", () => {
  it("counts children and households per child in the admin's scope", async () => {
    const viewer = await admin();
    const city = await getRegionView(viewer, "5206");
    expect(city?.breadcrumb.map((b) => b.id)).toEqual(["52"]);
    expect(city?.childLevel).toBe("county");
    expect(city?.node.households).toBe(4);
    expect(city?.children.rows.map((c) => [c.id, c.children, c.households])).toEqual([
      ["520602", 1, 1],
      ["520603", 1, 3],
    ]);
    const township = await getRegionView(viewer, "520603201");
    expect(township?.children.rows.map((c) => [c.id, c.households])).toEqual([
      ["520603201200", 2],
      ["520603201201", 1],
    ]);
    expect(await getRegionView(viewer, "53")).toBeNull();

    const overview = await getAdminOverview(viewer);
    expect(overview).toMatchObject({ households: 4, registeredPoor: 1, usersTotal: 2 });
    expect(overview.regionsByLevel).toEqual({ province: 1, city: 1, county: 2, township: 2, village: 3 });
  });

  it("searches by code prefix or name, only in scope and at the levels a role allows", async () => {
    const viewer = await admin();
    expect((await searchRegions(viewer, "丹阳")).map((r) => r.id)).toEqual(["520603201200"]);
    expect((await searchRegions(viewer, "5206", "county_official")).map((r) => r.id)).toEqual(["520602", "520603"]);
    expect(await searchRegions(viewer, "云南")).toEqual([]);
  });
});

describe("edit nodes", () => {
  it("adds a child whose code extends the parent's by the right digits, copying the zone", async () => {
    await admin();
    const wrong = await createRegion(undefined, form({ parentId: "520603201", id: "5206032012", name: "短码村" }));
    expect(!wrong.ok && wrong.fieldErrors).toEqual({ id: ["村级代码须为上级代码加 3 位数字，共 12 位"] });
    const elsewhere = await createRegion(undefined, form({ parentId: "520603201", id: "520602100201", name: "别处村" }));
    expect(!elsewhere.ok && elsewhere.fieldErrors?.id).toHaveLength(1);
    const taken = await createRegion(undefined, form({ parentId: "520603201", id: "520603201200", name: "重复" }));
    expect(!taken.ok && taken.fieldErrors).toEqual({ id: ["该代码已存在"] });

    const ok = await createRegion(undefined, form({ parentId: "520603201", id: "520603201202", name: "新村" }));
    expect(ok).toMatchObject({ ok: true });
    expect(await t.prisma.region.findUnique({ where: { id: "520603201202" } })).toMatchObject({
      parentId: "520603201",
      level: "village",
      zone: "west",
    });
    expect(await t.prisma.auditEvent.count({ where: { action: "region.create", entityId: "520603201202" } })).toBe(1);

    const outside = await createRegion(undefined, form({ parentId: "53", id: "5302", name: "曲靖市" }));
    expect(outside).toMatchObject({ ok: false, code: "not_found" });
  });

  it("renames, sets a province's zone down the tree and a county's hotline, each audited", async () => {
    await admin();
    expect(await renameRegion(undefined, form({ id: "520603201202", name: "新寨村", nameEn: "Xinzhai" }))).toMatchObject({ ok: true });
    expect(await t.prisma.region.findUnique({ where: { id: "520603201202" }, select: { name: true, nameEn: true } })).toEqual({
      name: "新寨村",
      nameEn: "Xinzhai",
    });

    expect(await setRegionZone(undefined, form({ id: "52", zone: "central" }))).toMatchObject({ ok: true });
    expect(await t.prisma.region.count({ where: { id: { startsWith: "52" }, NOT: { zone: "central" } } })).toBe(0);
    expect(await t.prisma.region.findUnique({ where: { id: "53" }, select: { zone: true } })).toEqual({ zone: null });
    await setRegionZone(undefined, form({ id: "52", zone: "west" }));

    const notCounty = await setRegionHotline(undefined, form({ id: "5206", hotline: "12317" }));
    expect(!notCounty.ok && notCounty.fieldErrors?.id).toEqual(["只能为县级区划设置热线"]);
    expect(await setRegionHotline(undefined, form({ id: "520603", hotline: "0856-12317" }))).toMatchObject({ ok: true });
    expect(await t.prisma.region.findUnique({ where: { id: "520603" }, select: { hotline: true } })).toEqual({ hotline: "0856-12317" });

    const actions = (
      await t.prisma.auditEvent.findMany({ where: { entity: "region" }, orderBy: { id: "asc" }, select: { action: true } })
    ).map((e) => e.action);
    expect(actions).toEqual(["region.create", "region.rename", "region.zone", "region.zone", "region.hotline"]);
  });

  it("is forbidden to a county official", async () => {
    await signInAs(t.prisma, "wanshan_official");
    const result = await renameRegion(undefined, form({ id: "520603", name: "改名" }));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await t.prisma.region.findUnique({ where: { id: "520603" }, select: { name: true } })).toEqual({ name: "万山区" });
  });
});

describe("load the official tree", () => {
  it("reports every bad row by number and writes nothing", async () => {
    await admin();
    const before = await t.prisma.region.count();
    const rows = [
      { id: "5206", parentId: "52", level: "city", name: "铜仁市" },
      { id: "520604", parentId: "5206", level: "county", name: "新县" },
      { id: "52060", parentId: "5206", level: "county", name: "五位码" }, // 3: wrong length
      { id: "530101", parentId: "5301", level: "county", name: "昆明某区" }, // 4: out of scope
      { id: "520604001", parentId: "520603", level: "township", name: "错上级" }, // 5: wrong parent
      { id: "520604", parentId: "5206", level: "county", name: "又一遍" }, // 6: duplicate of row 2
      { id: "520699001", parentId: "520699", level: "township", name: "无上级" }, // 7: parent missing
      { id: "520604002", parentId: "520604", level: "town", name: "错级别" }, // 8: bad level
    ];
    const result = await importRegions(undefined, fileForm(file(rows)));
    expect(result).toMatchObject({ ok: false, code: "invalid", message: "文件有 6 处错误，未写入任何数据。" });
    const errors = !result.ok ? (result.fieldErrors?.file ?? []) : [];
    expect(errors.map((e) => e.match(/^第 (\d+) 行/)?.[1])).toEqual(["3", "4", "5", "6", "7", "8"]);
    expect(errors[0]).toContain("county 级代码须为 6 位");
    expect(await t.prisma.region.count()).toBe(before);
    expect(await t.prisma.auditEvent.count({ where: { action: "region.import" } })).toBe(0);

    const notJson = await importRegions(undefined, fileForm(file("[{oops")));
    expect(!notJson.ok && notJson.fieldErrors?.file).toEqual(["不是有效的 JSON 文件"]);
  });

  it("loads prisma/data/regions-tongren.json in one transaction, then again as a no-op", async () => {
    const viewer = await admin();
    const text = fs.readFileSync(path.resolve("prisma/data/regions-tongren.json"), "utf8");
    const nodes = JSON.parse(text) as { id: string }[];
    const existing = await t.prisma.region.findMany({ where: { id: { in: nodes.map((n) => n.id) } }, select: { id: true } });

    const result = await importRegions(undefined, fileForm(file(text, "regions-tongren.json")));
    expect(result).toMatchObject({ ok: true });
    const summary = result.ok ? (result.data as { rows: number; created: number; renamed: number }) : null;
    expect(summary?.rows).toBe(nodes.length);
    expect(summary?.created).toBe(nodes.length - existing.length);
    // the factory's made-up names differ from the official ones
    expect(await t.prisma.region.findUnique({ where: { id: "520603201200" }, select: { name: true, zone: true } })).toEqual({
      name: "丹阳村",
      zone: "west",
    });
    expect(await t.prisma.region.findUnique({ where: { id: "520603004003" }, select: { name: true, level: true } })).toEqual({
      name: "旺家社区",
      level: "village",
    });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "region.import" } });
    expect(event).toMatchObject({ entityId: "52", actorId: viewer.id });

    const again = await importRegions(undefined, fileForm(file(text)));
    expect(again).toMatchObject({ ok: true, data: { created: 0, renamed: 0 } });
    expect(await t.prisma.auditEvent.count({ where: { action: "region.import" } })).toBe(1);
    // nodes missing from the file are kept
    expect(await t.prisma.region.findUnique({ where: { id: "520603201202" } })).not.toBeNull();
  });
});
