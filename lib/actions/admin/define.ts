// The admin actions' wrapper: defineAction, then the admin namespace's message keys
// ("admin:<key>", from lib/validation/admin.ts and the handlers) translated before the
// result leaves the server. Not a "use server" file: nothing here is an endpoint.
import "server-only";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import type { Permission } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/session";

const PREFIX = "admin:";

interface AdminActionOptions<S extends z.ZodType, T> {
  name: string;
  permission: Permission;
  schema: S;
  /** always an ActionResult (use done()), so T is the data's type */
  handler: (input: z.output<S>, viewer: Viewer) => Promise<ActionResult<T>>;
}

export function defineAdminAction<S extends z.ZodType, T = unknown>(options: AdminActionOptions<S, T>) {
  const run = defineAction<S, T>(options);
  return async (prev: ActionResult<T> | undefined, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> =>
    localize(await run(prev, raw));
}

async function localize<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  const needs =
    result.message?.startsWith(PREFIX) ||
    (!result.ok && Object.values(result.fieldErrors ?? {}).some((list) => list.some((m) => m.startsWith(PREFIX))));
  if (!needs) return result;
  const t = await getTranslations("admin");
  const tr = (m: string) => (m.startsWith(PREFIX) ? t(m.slice(PREFIX.length) as never) : m);
  if (result.ok) return { ...result, message: result.message && tr(result.message) };
  const fieldErrors = result.fieldErrors
    ? Object.fromEntries(Object.entries(result.fieldErrors).map(([k, list]) => [k, list.map(tr)]))
    : undefined;
  return { ...result, message: tr(result.message), fieldErrors };
}

/** An expected input problem on one field: the form shows `key` (admin namespace) next to it. */
export function fieldError(field: string, key: string): AppError {
  return new AppError("invalid", `${PREFIX}form.invalid`, { fieldErrors: { [field]: [`${PREFIX}${key}`] } });
}

/** fieldError for a target outside the admin's province: also audited as access.denied (out_of_scope). */
export function outOfScopeFieldError(field: string, key: string, extra?: Record<string, unknown>): AppError {
  return new AppError("invalid", `${PREFIX}form.invalid`, {
    fieldErrors: { [field]: [`${PREFIX}${key}`] },
    outOfScope: { field, ...extra },
  });
}

/** A success message from the admin namespace. */
export function done(key: string): ActionResult<unknown>;
export function done<T>(key: string, data: T): ActionResult<T>;
export function done<T>(key: string, data?: T): ActionResult<T> {
  return { ok: true, data, message: `${PREFIX}${key}` };
}
