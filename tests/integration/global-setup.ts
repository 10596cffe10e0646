// Runs once per integration run. Builds a migrated template database:
//  - TEST_DB=pglite (default): an in-memory PGlite, migrated, dumped to a tarball that each test
//    file loads (~1 s) instead of running initdb + migrations (~3 s);
//  - TEST_DB=postgres: a template database on TEST_DATABASE_URL's server; each test file
//    clones it with CREATE DATABASE … TEMPLATE.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrationSql } from "../support/migrations";
import { poolConfigFromUrl } from "../../lib/db/adapter-fixes";

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
  await admin.query(`CREATE DATABASE "${template}"`);
  const t = new pg.Client({ ...poolConfigFromUrl(url), database: template });
  await t.connect();
  for (const sql of migrationSql()) await t.query(sql);
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
