// Runs once per integration run. Builds a migrated template database:
//  - TEST_DB=pglite (default): an in-memory PGlite, migrated, dumped to a tarball that each test
//    file loads (~1 s) instead of running initdb + migrations (~3 s);
//  - TEST_DB=postgres: a template database on TEST_DATABASE_URL's server; each test file
//    clones it with CREATE DATABASE … TEMPLATE. As in production (decision 0024), the migrations
//    run as the owner role (jingzhun_owner) and the app connects as jingzhun_app, which owns
//    nothing; both roles are created if missing (TEST_DATABASE_URL's user must be a superuser).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrationSql } from "../support/migrations";
import { poolConfigFromUrl } from "../../lib/db/adapter-fixes";
import { createRolesSql, grantAppRole } from "../../lib/db/roles";

export const OWNER_ROLE = "jingzhun_owner";
export const APP_ROLE = "jingzhun_app";

/** The same server and database as `url`, as another role (trust or peer auth, as in CI). */
export function asRole(url: string, role: string, database?: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = "";
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

export const TEMPLATE_DB = "jingzhun_test_template";

export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
  if (kind === "pglite") {
    const db = new PGlite();
    for (const sql of migrationSql()) await db.exec(sql);
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    const file = path.join(os.tmpdir(), `jingzhun-template-${process.pid}.tar.gz`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("testDb", { kind, templateFile: file });
    return () => fs.rmSync(file, { force: true });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const admin = new pg.Client(poolConfigFromUrl(url));
  await admin.connect();
  const template = `${TEMPLATE_DB}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  for (const sql of createRolesSql(OWNER_ROLE, APP_ROLE)) await admin.query(sql);
  await admin.query(`CREATE DATABASE "${template}" OWNER "${OWNER_ROLE}"`);
  const t = new pg.Client(poolConfigFromUrl(asRole(url, OWNER_ROLE, template)));
  await t.connect();
  for (const sql of migrationSql()) await t.query(sql);
  await grantAppRole(t, APP_ROLE);
  await t.end();
  await admin.end();
  project.provide("testDb", { kind, url, template });
  return async () => {
    const c = new pg.Client(poolConfigFromUrl(url));
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await c.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "pglite"; templateFile: string } | { kind: "postgres"; url: string; template: string };
  }
}
