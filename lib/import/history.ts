// The last bulk imports, from the audit history (import.completed), for the import page.
import "server-only";
import { db } from "@/lib/db/client";

export interface ImportHistoryRow {
  id: string;
  at: Date;
  by: string | null;
  households: number;
  members: number;
  files: string[];
}

export async function recentImports(limit = 10): Promise<ImportHistoryRow[]> {
  const events = await db().auditEvent.findMany({
    where: { action: "import.completed", entity: "import" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, at: true, actorId: true, after: true },
  });
  const ids = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, username: true } })).map((u) => [
      u.id,
      `${u.name} (${u.username})`,
    ]),
  );
  return events.map((e) => {
    const after = (e.after ?? {}) as {
      counts?: { households?: { inserted?: number }; members?: { inserted?: number } };
      files?: { name: string }[];
    };
    return {
      id: String(e.id),
      at: e.at,
      by: e.actorId ? (users.get(e.actorId) ?? e.actorId) : null,
      households: after.counts?.households?.inserted ?? 0,
      members: after.counts?.members?.inserted ?? 0,
      files: (after.files ?? []).map((f) => f.name),
    };
  });
}
