// A closed meeting is never written again. The actions check first (and audit the refusal);
// the database refuses as well (triggers of migration 20261128170755_appraisal_procedure raise
// SQLSTATE P0001 with HINT 'meeting_closed'), and that refusal gets the same clear message.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { mustFacilitate } from "@/lib/auth/scope";
import { messageKey } from "@/i18n/keys";

export class MeetingClosedError extends AppError {
  constructor(
    readonly meetingId: string,
    readonly countyId: string | null = null,
  ) {
    super("closed", messageKey("procedure.validation.meetingClosed"), { meetingId });
    this.name = "MeetingClosedError";
  }
}

interface PgCause {
  kind?: string;
  code?: string;
  hint?: string;
  message?: string;
}

/**
 * The trigger's refusal as Prisma surfaces it: a DriverAdapterError whose cause is the PostgreSQL
 * error (model queries), or P2010 with meta.driverAdapterError (raw queries), possibly wrapped.
 */
export function isMeetingClosedDbError(e: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length) {
    const x = queue.shift();
    if (!x || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    const c = x as PgCause & { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (c.hint === "meeting_closed") return true;
    if (c.code === "P0001" && /closed/.test(c.message ?? "")) return true;
    queue.push(c.cause, c.meta?.driverAdapterError);
  }
  return false;
}

/** Runs a write on a meeting; a closed meeting (by our check or the database's) is audited and refused. */
export async function meetingWrite<T>(viewer: Viewer, meetingId: string, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const byCheck = e instanceof MeetingClosedError;
    if (byCheck || isMeetingClosedDbError(e)) {
      await audit(
        db(),
        { id: viewer.id, role: viewer.role },
        {
          action: "meeting.write_refused",
          entity: "meeting",
          entityId: meetingId,
          countyId: byCheck ? (e as MeetingClosedError).countyId : null,
          after: { action, code: "closed", refusedBy: byCheck ? "check" : "database" },
        },
      ).catch(() => {});
      throw new AppError("closed", messageKey("procedure.validation.meetingClosed"), { meetingId });
    }
    throw e;
  }
}

export interface LockedMeeting {
  id: string;
  state: "draft" | "open" | "closed";
  villageId: string;
  countyId: string;
  date: string;
  rosterSize: number;
}

/**
 * Locks the meeting row for the transaction. Every write on a meeting (attendance, a vote or its
 * correction, a secret-ballot count, the agenda, opening, closing) takes UPDATE, so they run one
 * after another per meeting: a representative cannot be marked absent while their vote is being
 * stored, an item cannot take a secret count and roll-call votes at once, and a vote and the close
 * never interleave (a vote that got in first is counted by the close; one that waited sees the
 * meeting closed and is refused). SHARE is left for readers that must see a settled meeting.
 * Checks the facilitator's village, and refuses a closed meeting.
 */
export async function lockMeeting(tx: Tx, viewer: Viewer, meetingId: string, mode: "share" | "update"): Promise<LockedMeeting> {
  const rows = await tx.$queryRawUnsafe<LockedMeeting[]>(
    `SELECT id, state::text AS state, "villageId", "countyId", date::text AS date, "rosterSize"
       FROM meeting WHERE id = $1 FOR ${mode === "update" ? "UPDATE" : "SHARE"}`,
    meetingId,
  );
  const m = rows[0];
  if (!m) throw new AppError("not_found", "meeting not found", { meetingId });
  mustFacilitate(viewer, m.villageId);
  if (m.state === "closed") throw new MeetingClosedError(m.id, m.countyId);
  return m;
}
