// Admin user management on a real database: create, disable, reset password, role and scope,
// and the walls around them (scope, permission, self).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useLocale, type TestDb } from "./helpers";
import { testSession } from "./session-state";
import { createUser as makeUser, seedRegions } from "../factories";
import { createUser } from "@/lib/actions/admin/create-user";
import { setUserDisabled } from "@/lib/actions/admin/set-user-disabled";
import { resetUserPassword } from "@/lib/actions/admin/reset-user-password";
import { changeUserRole } from "@/lib/actions/admin/change-user-role";
import { getViewer } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { listUsers } from "@/lib/data/admin/users";

let t: TestDb;
let adminId: string;
let yunnanUserId: string;

const NEW_PASSWORD = "a-long-password-1";

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  // another province: outside the Guizhou admin's scope
  await t.prisma.region.createMany({
    data: [
      { id: "53", level: "province", name: "云南省", zone: "west" },
      { id: "5301", parentId: "53", level: "city", name: "昆明市", zone: "west" },
    ],
  });
  adminId = (await makeUser(t.prisma, { username: "gz_admin", role: "admin", regionId: "52" })).id;
  await makeUser(t.prisma, { username: "wanshan_official", role: "county_official", regionId: "520603" });
  yunnanUserId = (await makeUser(t.prisma, { username: "yn_evaluator", role: "evaluator", regionId: "5301" })).id;
});

afterAll(async () => {
  signOut();
  await t?.close();
});

async function auditsFor(entityId: string) {
  return t.prisma.auditEvent.findMany({ where: { entity: "user", entityId }, orderBy: { id: "asc" } });
}

describe("create user", () => {
  it("creates a user in scope, hashes the password and audits without the hash", async () => {
    await signInAs(t.prisma, "gz_admin");
    const result = await createUser(
      undefined,
      form({
        username: "danyang_cadre",
        name: "王丹",
        phone: "13800000000",
        role: "cadre",
        regionId: "520603201200",
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      }),
    );
    expect(result).toMatchObject({ ok: true, message: "用户已创建。" });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "danyang_cadre" } });
    expect(user).toMatchObject({ name: "王丹", role: "cadre", regionId: "520603201200", disabled: false, sessionVersion: 1 });
    expect(result.ok && result.data).toEqual({ id: user.id, username: "danyang_cadre" });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);

    const [event] = await auditsFor(user.id);
    expect(event).toMatchObject({ action: "user.create", actorId: adminId, actorRole: "admin", countyId: "520603" });
    expect(JSON.stringify(event!.after)).not.toContain(user.passwordHash);
    expect(event!.after).not.toHaveProperty("passwordHash");
  });

  it("answers a duplicate username (any case) with a field error on username, keeping one user", async () => {
    await signInAs(t.prisma, "gz_admin");
    const result = await createUser(
      undefined,
      form({
        username: "Danyang_Cadre",
        name: "另一个人",
        role: "cadre",
        regionId: "520603201201",
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.fieldErrors?.username).toEqual(["该用户名已被使用"]);
    expect(await t.prisma.user.count({ where: { username: { equals: "danyang_cadre", mode: "insensitive" } } })).toBe(1);
  });

  it("checks fields, role ↔ scope coherence and the admin's scope", async () => {
    await signInAs(t.prisma, "gz_admin");
    const short = await createUser(
      undefined,
      form({ username: "x1y", name: "甲", role: "cadre", regionId: "520603201200", password: "short", confirm: "other" }),
    );
    expect(!short.ok && short.fieldErrors).toMatchObject({ password: ["密码至少 10 个字符"] });

    const countyCadre = await createUser(
      undefined,
      form({ username: "cadre_county", name: "乙", role: "cadre", regionId: "520603", password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    );
    expect(!countyCadre.ok && countyCadre.fieldErrors).toEqual({ regionId: ["帮扶干部的范围必须是村"] });

    const elsewhere = await createUser(
      undefined,
      form({ username: "kunming_eval", name: "丙", role: "evaluator", regionId: "5301", password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    );
    expect(!elsewhere.ok && elsewhere.fieldErrors).toEqual({ regionId: ["该区划不存在，或不在您的管理范围内"] });

    useLocale("en");
    const english = await createUser(
      undefined,
      form({
        username: "cadre_county",
        name: "乙",
        role: "county_official",
        regionId: "520603201",
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      }),
    );
    expect(!english.ok && english.fieldErrors).toEqual({ regionId: ["A county official's scope must be a county"] });
    useLocale("zh-CN");

    expect(await t.prisma.user.count({ where: { username: { in: ["x1y", "cadre_county", "kunming_eval"] } } })).toBe(0);
  });
});

describe("disable", () => {
  it("bumps sessionVersion, ends the live session at once and writes an audit event", async () => {
    const cadre = await makeUser(t.prisma, { username: "to_disable", role: "cadre", regionId: "520603201200" });
    await signInAs(t.prisma, "to_disable");
    const liveSession = testSession.current;
    expect(await getViewer()).toMatchObject({ id: cadre.id });

    await signInAs(t.prisma, "gz_admin");
    const result = await setUserDisabled(undefined, form({ userId: cadre.id, disabled: true }));
    expect(result).toMatchObject({ ok: true });

    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: cadre.id } });
    expect(after.disabled).toBe(true);
    expect(after.sessionVersion).toBe(cadre.sessionVersion + 1);

    const events = await auditsFor(cadre.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.disable",
      actorId: adminId,
      before: expect.objectContaining({ disabled: false, sessionVersion: cadre.sessionVersion }),
      after: expect.objectContaining({ disabled: true, sessionVersion: cadre.sessionVersion + 1 }),
    });

    testSession.current = liveSession; // the cadre's old cookie
    expect(await getViewer()).toBeNull();
  });

  it("refuses to let an admin disable themselves", async () => {
    await signInAs(t.prisma, "gz_admin");
    const result = await setUserDisabled(undefined, form({ userId: adminId, disabled: true }));
    expect(result).toMatchObject({ ok: false, code: "invalid", message: "不能停用自己的账号。" });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: adminId } })).disabled).toBe(false);
  });
});

describe("reset password and change role", () => {
  it("sets a new password, bumps sessionVersion and never audits the hash", async () => {
    const user = await makeUser(t.prisma, { username: "forgetful", role: "facilitator", regionId: "520603201200" });
    await signInAs(t.prisma, "gz_admin");
    const result = await resetUserPassword(undefined, form({ userId: user.id, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(result).toMatchObject({ ok: true });
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    const [event] = await auditsFor(user.id);
    expect(event).toMatchObject({ action: "user.password_reset" });
    expect(JSON.stringify([event!.before, event!.after])).not.toContain("argon2");
  });

  it("changes role and scope together, checking coherence, and bumps sessionVersion", async () => {
    const user = await makeUser(t.prisma, { username: "moving", role: "cadre", regionId: "520603201200" });
    await signInAs(t.prisma, "gz_admin");
    const wrong = await changeUserRole(undefined, form({ userId: user.id, role: "county_official", regionId: "520603201200" }));
    expect(!wrong.ok && wrong.fieldErrors).toEqual({ regionId: ["县扶贫办人员的范围必须是县级区划"] });

    const ok = await changeUserRole(undefined, form({ userId: user.id, role: "county_official", regionId: "520602" }));
    expect(ok).toMatchObject({ ok: true });
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ role: "county_official", regionId: "520602", sessionVersion: user.sessionVersion + 1 });
    const [event] = await auditsFor(user.id);
    expect(event).toMatchObject({
      action: "user.role_scope",
      before: expect.objectContaining({ role: "cadre", regionId: "520603201200" }),
      after: expect.objectContaining({ role: "county_official", regionId: "520602" }),
    });
  });
});

describe("walls", () => {
  it("an admin cannot touch a user outside their scope: not found, nothing changed", async () => {
    await signInAs(t.prisma, "gz_admin");
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: yunnanUserId } });

    const disable = await setUserDisabled(undefined, form({ userId: yunnanUserId, disabled: true }));
    expect(disable).toMatchObject({ ok: false, code: "not_found" });
    const reset = await resetUserPassword(undefined, form({ userId: yunnanUserId, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(reset).toMatchObject({ ok: false, code: "not_found" });
    const role = await changeUserRole(undefined, form({ userId: yunnanUserId, role: "evaluator", regionId: "52" }));
    expect(role).toMatchObject({ ok: false, code: "not_found" });

    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: yunnanUserId } });
    expect(after).toEqual(before);
    expect(await auditsFor(yunnanUserId)).toHaveLength(0);
    expect((await listUsers(await signInAsViewer(), { q: "yn_" })).total).toBe(0);
  });

  it("a non-admin gets forbidden and nothing is written but the denial", async () => {
    const official = await signInAs(t.prisma, "wanshan_official");
    const usersBefore = await t.prisma.user.count();
    const target = await t.prisma.user.findUniqueOrThrow({ where: { username: "danyang_cadre" } });

    const created = await createUser(
      undefined,
      form({
        username: "sneaky",
        name: "某",
        role: "cadre",
        regionId: "520603201200",
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      }),
    );
    expect(created).toMatchObject({ ok: false, code: "forbidden", message: "您无权执行此操作。" });
    const disabled = await setUserDisabled(undefined, form({ userId: target.id, disabled: true }));
    expect(disabled).toMatchObject({ ok: false, code: "forbidden" });

    expect(await t.prisma.user.count()).toBe(usersBefore);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
    const events = await t.prisma.auditEvent.findMany({ where: { actorId: official.id } });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ["access.denied", "admin.create_user"],
      ["access.denied", "admin.set_user_disabled"],
    ]);
  });

  it("signed out: unauthenticated", async () => {
    signOut();
    const result = await setUserDisabled(undefined, form({ userId: adminId, disabled: true }));
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

async function signInAsViewer() {
  await signInAs(t.prisma, "gz_admin");
  const viewer = await getViewer();
  if (!viewer) throw new Error("admin session expected");
  return viewer;
}
