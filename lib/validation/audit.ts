// The audit viewer's filters (the page and its XLSX export answer the same ones). Parsed one by
// one as the county lists do: a bad one is named and dropped, the rest still apply.
// Pure: no Prisma, no Next.
import { z } from "zod";
import { parseParams } from "./county";

const text = (max: number) => z.string().trim().max(max, { error: "text" });
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "text" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: "text" });

const auditShape = {
  /** a user: their username exactly, or part of their name */
  actor: text(60),
  /** an action exactly ("household.update"), or a family of them ending in a dot ("visit.") */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]*)*$/, { error: "text" })
    .max(60, { error: "text" }),
  entity: z
    .string()
    .trim()
    .regex(/^[a-z_]+$/, { error: "text" })
    .max(40, { error: "text" }),
  entityId: text(80),
  county: z.string().regex(/^\d{6}$/, { error: "id" }),
  from: date,
  to: date,
  /** the page: events older than this event id */
  before: z.string().regex(/^\d{1,18}$/, { error: "id" }),
};
export const AUDIT_PARAMS = auditShape;

export type AuditFilters = Partial<{ [K in keyof typeof auditShape]: z.output<(typeof auditShape)[K]> }>;

export function parseAuditParams(raw: Record<string, string | string[] | undefined>) {
  return parseParams(auditShape, raw) as { values: AuditFilters; errors: ReturnType<typeof parseParams>["errors"] };
}
