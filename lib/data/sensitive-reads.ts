// Reads of sensitive fields — national IDs, health, income — are audited: who saw which
// household's (or which list's) details, in full or masked, from which page. One event per read,
// written through the same hash chain as every change (lib/audit.ts). A failed audit write fails
// the read: a page that cannot record who looked shows nothing.
import "server-only";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";

export type SensitiveField = "nationalId" | "health" | "income" | "department";

export interface SensitiveRead {
  /** "household" for one household; "village" or "county" for a list or an export */
  entity: "household" | "village" | "township" | "county";
  entityId: string;
  countyId: string | null;
  /** the fields shown; nationalId "full" or "masked" */
  fields: SensitiveField[];
  nationalIds?: "full" | "masked" | "none";
  /** where it was read: a page name, "export", … */
  via: string;
  /** rows shown (lists and exports) */
  rows?: number;
  /** filters of a list or export, so the event says which households it covered */
  filters?: Record<string, unknown>;
}

export async function auditSensitiveRead(viewer: Pick<Viewer, "id" | "role">, read: SensitiveRead): Promise<void> {
  await audit(
    db(),
    { id: viewer.id, role: viewer.role },
    {
      action: "sensitive.read",
      entity: read.entity,
      entityId: read.entityId,
      countyId: read.countyId,
      after: {
        fields: read.fields,
        nationalIds: read.nationalIds ?? "none",
        via: read.via,
        rows: read.rows ?? null,
        filters: read.filters ?? null,
      },
    },
  );
}
