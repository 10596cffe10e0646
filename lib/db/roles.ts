// Two database roles on PostgreSQL (docs/decisions/0024-database-roles.md):
//  - the owner (DATABASE_OWNER_URL's user, e.g. jingzhun_owner) runs the migrations and owns every
//    table, function and trigger;
//  - the app (DATABASE_URL's user, e.g. jingzhun_app) reads and writes rows, may only SELECT and
//    INSERT audit rows (through jz_audit_append), and owns nothing: it cannot switch the audit
//    trigger off, alter or drop the table.
// appRoleGrants() is run by the owner after every `prisma migrate deploy` (scripts/run.ts, the
// test setup); default privileges cover tables later migrations add. PGlite has one role.
import type pg from "pg";

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain role name: ${name}`);
  return `"${name}"`;
};

/** Statements the owner runs to give the app role what it needs, and no more. */
export function appRoleGrants(app: string): string[] {
  const a = ident(app);
  return [
    `GRANT USAGE ON SCHEMA public TO ${a}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_event" FROM ${a}`,
    // the health check reads which migrations ran; nothing more
    `DO $$ BEGIN IF to_regclass('public._prisma_migrations') IS NOT NULL THEN REVOKE ALL ON "_prisma_migrations" FROM ${a}; GRANT SELECT ON "_prisma_migrations" TO ${a}; END IF; END $$`,
    // bulk imports stage rows in tables of their own schema (lib/import/stage.ts)
    `CREATE SCHEMA IF NOT EXISTS jz_import`,
    `GRANT USAGE, CREATE ON SCHEMA jz_import TO ${a}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${a}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${a}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`,
  ];
}

/** Creates both roles if missing (needs a superuser or CREATEROLE; used by CI and the tests). */
export function createRolesSql(owner: string, app: string): string[] {
  return [owner, app].map(
    // two test runs at once may both find the role missing: the loser's duplicate is no error
    (
      r,
    ) => `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${r.replace(/'/g, "")}') THEN CREATE ROLE ${ident(r)} LOGIN; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  );
}

export async function grantAppRole(client: pg.Client | pg.Pool, app: string): Promise<void> {
  for (const sql of appRoleGrants(app)) await client.query(sql);
}

export interface RoleCheck {
  role: string;
  superuser: boolean;
  ownsAudit: boolean;
}

/** Who the connection is, and whether it could rewrite the audit history (superuser or owner). */
export async function checkRole(client: pg.Client | pg.Pool): Promise<RoleCheck> {
  const r = await client.query<{ role: string; superuser: boolean; owns: boolean | null }>(
    `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_event') AS owns`,
  );
  const row = r.rows[0]!;
  return { role: row.role, superuser: row.superuser, ownsAudit: row.owns === true };
}
