// A periodic job's lease (table ops_job): one app process runs a job at a time, however many
// servers share the database. A claim is one UPDATE that succeeds only when nobody holds an
// unexpired lease (and, unless forced, the job is due); the holder writes its result back and
// lets go. A process that dies mid-run loses the lease when it runs out.
import "server-only";
import type { Db } from "@/lib/db/client";
import { HOLDER } from "./holder";

export { HOLDER };

export interface Claimed<S> {
  /** the job's state as the last run left it */
  state: S | null;
  lastRunAt: Date | null;
}

/**
 * Claims `name` for `leaseMs` if no one holds it (this process neither: a run at a time) and
 * (unless `force`) its last run is at least `everyMs` old. null: it is taken, or not due.
 */
export async function claim<S>(
  db: Db,
  name: string,
  opts: { leaseMs: number; everyMs?: number; force?: boolean; holder?: string },
): Promise<Claimed<S> | null> {
  const holder = opts.holder ?? HOLDER;
  await db.$executeRawUnsafe(`INSERT INTO ops_job (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, name);
  const rows = await db.$queryRawUnsafe<{ state: S | null; lastRunAt: Date | null }[]>(
    `UPDATE ops_job SET holder = $2, "leaseUntil" = now() + make_interval(secs => $3::double precision / 1000), "updatedAt" = now()
      WHERE name = $1
        AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
        AND ($4::boolean OR "lastRunAt" IS NULL OR "lastRunAt" <= now() - make_interval(secs => $5::double precision / 1000))
      RETURNING state, "lastRunAt"`,
    name,
    holder,
    opts.leaseMs,
    opts.force ?? false,
    opts.everyMs ?? 0,
  );
  const row = rows[0];
  return row ? { state: row.state, lastRunAt: row.lastRunAt } : null;
}

/** Writes the run's outcome and state, and lets go of the lease (only if still ours). */
export async function release<S>(db: Db, name: string, outcome: { ok: boolean; state?: S }, holder = HOLDER): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE ops_job SET holder = NULL, "leaseUntil" = NULL, "lastRunAt" = now(), "lastOk" = $3,
            state = COALESCE($4::jsonb, state), "updatedAt" = now()
      WHERE name = $1 AND holder = $2`,
    name,
    holder,
    outcome.ok,
    outcome.state === undefined ? null : JSON.stringify(outcome.state),
  );
}

/** The job's row as it stands (no claim). */
export async function jobState<S>(
  db: Db,
  name: string,
): Promise<{ state: S | null; lastRunAt: Date | null; lastOk: boolean | null; holder: string | null } | null> {
  const row = await db.opsJob.findUnique({ where: { name }, select: { state: true, lastRunAt: true, lastOk: true, holder: true } });
  return row ? { state: row.state as S | null, lastRunAt: row.lastRunAt, lastOk: row.lastOk, holder: row.holder } : null;
}
