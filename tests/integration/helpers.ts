// Integration-test helpers: a fresh, migrated database per test file (PGlite in-process, or a
// PostgreSQL clone of the template when TEST_DB=postgres), installed as the app's db().
import { inject } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createFixedPool, fixedPgAdapterFactory, fixedPgliteAdapterFactory, poolConfigFromUrl } from "@/lib/db/adapter-fixes";
import { setDb } from "@/lib/db/client";
import { testSession } from "./session-state";
import { APP_ROLE, OWNER_ROLE, asRole } from "./global-setup";
import fs from "node:fs";
import type { ReviewCountyId, ReviewTownshipId } from "@/lib/auth/scope";

export interface TestDb {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** PostgreSQL only: the database as its owner role (for attacks made as the owner) */
  ownerUrl?: string;
  /** raw SQL with no Prisma in between (for checks that must bypass the app) */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const info = inject("testDb");
  if (info.kind === "pglite") {
    const blob = new Blob([fs.readFileSync(info.templateFile)]);
    const lite = await PGlite.create({ loadDataDir: blob });
    const prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(lite) });
    setDb(prisma);
    return {
      prisma,
      kind: "pglite",
      sql: async <T>(text: string, params: unknown[] = []) => (await lite.query<T>(text, params)).rows,
      close: async () => {
        await prisma.$disconnect();
        await lite.close();
        setDb(undefined);
      },
    };
  }
  const name = `jz_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(poolConfigFromUrl(info.url));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${info.template}" OWNER "${OWNER_ROLE}"`);
  await admin.end();
  const url = new URL(info.url);
  url.pathname = `/${name}`;
  // the app's role, as in production: it owns nothing (decision 0024); sql() below stays a superuser
  const prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(asRole(info.url, APP_ROLE, name), { max: 20 }) });
  // with the app's error listener: an idle connection the server ends must not crash the test file
  const pool = createFixedPool({ ...poolConfigFromUrl(url.toString()), max: 2 });
  setDb(prisma);
  return {
    prisma,
    kind: "postgres",
    ownerUrl: asRole(info.url, OWNER_ROLE, name),
    sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      setDb(undefined);
      const c = new pg.Client(poolConfigFromUrl(info.url));
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Act as this user in the following action and data calls. */
export async function signInAs(prisma: PrismaClient, username: string): Promise<{ id: string; role: string }> {
  const user = await prisma.user.findUniqueOrThrow({ where: { username } });
  testSession.current = { uid: user.id, sv: user.sessionVersion };
  return { id: user.id, role: user.role };
}

export function signOut(): void {
  testSession.current = null;
}

export function useLocale(locale: "zh-CN" | "en"): void {
  testSession.locale = locale;
}

export function useAddress(address: string): void {
  testSession.address = address;
}

/** FormData from a plain object (arrays become repeated keys), as a browser form would post. */
export function form(values: Record<string, string | number | boolean | null | undefined | (string | number)[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => fd.append(k, String(x)));
    else fd.append(k, String(v));
  }
  return fd;
}

/**
 * A county (or township) id as the scope check would give it (lib/auth/scope/counties.ts). Tests call
 * the county pages' data functions directly, sometimes with a county the viewer may not review, to
 * show the viewer's own scope still holds; the app gets these ids only from reviewCounty/reviewArea.
 */
export const countyIdForTest = (id: string) => id as ReviewCountyId;
export const townshipIdForTest = (id: string) => id as ReviewTownshipId;
