/**
 * The row kit of the import's row validators (lib/import/rows.ts, lib/import/records-rows.ts):
 * one row's cells read with their defaults and its issues collected; the household key. Pure.
 */
import { text, type Parsed, type Params } from "./values";
import type { RowContext, RowIssue } from "./rows";

type Get = (key: string) => string;

/** Collects a row's issues; `cell` reads one cell, applying the default when it is empty. */
export class Row {
  issues: RowIssue[] = [];
  constructor(private readonly get: Get) {}

  raw(column: string): string {
    return this.get(column);
  }

  issue(column: string, rule: string, params?: Params) {
    this.issues.push({ column, rule, params });
  }

  /** The parsed value; the default when empty; null (and an issue) when wrong. */
  cell<T>(column: string, parse: (raw: string) => Parsed<T>, fallback: T | null): T | null {
    const raw = this.get(column);
    if (raw === "") return fallback;
    const r = parse(raw);
    if (r.ok) return r.value;
    this.issue(column, r.rule, r.params);
    return null;
  }

  /** A cell that must be there. */
  required<T>(column: string, parse: (raw: string) => Parsed<T>): T | null {
    if (this.get(column) === "") {
      this.issue(column, "required");
      return null;
    }
    return this.cell(column, parse, null);
  }

  get ok() {
    return this.issues.length === 0;
  }
}

export function inScope(code: string, scope: string) {
  return code.startsWith(scope);
}

/** village_code + household_number, or null when either is unreadable. */
export function householdKey(row: Row, ctx: RowContext): [string, string] | null {
  const village = row.required("village_code", (raw) =>
    /^\d{12}$/.test(raw) ? { ok: true, value: raw } : { ok: false, rule: "village_code" },
  );
  if (village && !inScope(village, ctx.scope)) row.issue("village_code", "outside_scope", { scope: ctx.scope });
  const number = row.required("household_number", (raw) => text(raw, 1, 20));
  return village && number ? [village, number] : null;
}
