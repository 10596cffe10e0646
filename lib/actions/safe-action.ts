// One wrapper for every server action: session → permission → parse → handler → errors.
// Every action is a public endpoint: it trusts nothing but the session cookie and its input.
import "server-only";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { can, type Permission } from "@/lib/auth/roles";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { unstorableText } from "@/lib/validation/plain-text";
import { logError } from "@/lib/log/logger";

import type { ActionResult } from "./result";
export type { ActionResult } from "./result";
export { initialActionState } from "./result";

/**
 * Turn FormData (or a plain object) into the object zod parses; repeated keys become arrays.
 * Every key becomes an own property, so a field named "__proto__" is just an unknown field
 * (never the object's prototype, whose properties zod would then read as fields).
 */
export function formToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out = new Map<string, unknown>();
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (out.has(key)) {
      const prev = out.get(key);
      out.set(key, Array.isArray(prev) ? [...prev, value] : [prev, value]);
    } else out.set(key, value);
  }
  return Object.fromEntries(out);
}

/**
 * Zod issues → field path → messages. A key the schema does not declare (a strict schema) is
 * reported on that key, so every refusal names its field; only a problem with the input as a
 * whole (not an object at all) lands on "_form".
 */
export function issuesByField(issues: readonly z.core.$ZodIssue[], translate: (message: string) => string): Record<string, string[]> {
  // a Map: the keys come from the request ("constructor", "__proto__" are keys like any other)
  const out = new Map<string, string[]>();
  const add = (path: string, message: string) => out.set(path, [...(out.get(path) ?? []), message]);
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key].map(String).join("."), translate("v.unknownField"));
      continue;
    }
    add(issue.path.map(String).join(".") || "_form", translate(issue.message));
  }
  return Object.fromEntries(out);
}

/** A NUL character or half a surrogate pair anywhere in the input: refused on its field before parsing (the database cannot store it). */
export async function unstorableFieldErrors(input: unknown): Promise<Record<string, string[]> | null> {
  const paths = unstorableText(input);
  if (!paths.length) return null;
  const t = await getTranslations("validation");
  return Object.fromEntries(paths.map((p) => [p, [t("unstorable")]]));
}

/** Zod issues → { "income.wages": ["不能为负数"] }; messages starting "v." are translation keys. */
export async function fieldErrorsOf(error: z.ZodError): Promise<Record<string, string[]>> {
  const t = await getTranslations("validation");
  return issuesByField(error.issues, (m) => (m.startsWith("v.") ? t(m.slice(2) as never) : m));
}

async function localeErrorMap() {
  const locale = await getLocale();
  return locale === "en" ? z.locales.en().localeError : z.locales.zhCN().localeError;
}

interface ActionOptions<S extends z.ZodType, T> {
  name: string;
  permission: Permission | null; // null: any signed-in user
  schema: S;
  handler: (input: z.output<S>, viewer: Viewer) => Promise<ActionResult<T> | T>;
}

export function defineAction<S extends z.ZodType, T>(options: ActionOptions<S, T>) {
  return async function run(_prev: ActionResult<T> | undefined, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    const t = await getTranslations("errors");
    let viewer: Viewer | null;
    try {
      viewer = await getViewer();
    } catch (e) {
      // the database unreachable (a restart, a network cut): the same answer as any internal
      // error — a reference, no stack trace, no HTTP 500 — and the client may send it again
      return internalError(e, options.name, t);
    }
    if (!viewer) return { ok: false, code: "unauthenticated", message: t("unauthenticated") };
    if (options.permission && !can(viewer.role, options.permission)) {
      await denied(viewer, options.name, "forbidden");
      return { ok: false, code: "forbidden", message: t("forbidden") };
    }
    return runFor(options, viewer, raw);
  };
}

/**
 * The steps after "who is calling and may they": parse, handle, errors → one result. Exported for
 * an action that takes a batch (syncVisits): each item runs these steps on its own, so one
 * item's refusal is that item's answer and never fails the rest.
 */
export async function runFor<S extends z.ZodType, T>(
  options: Pick<ActionOptions<S, T>, "name" | "schema" | "handler">,
  viewer: Viewer,
  raw: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  const t = await getTranslations("errors");
  const input = formToObject(raw);
  const refused = await unstorableFieldErrors(input);
  if (refused) return { ok: false, code: "invalid", message: t("invalid"), fieldErrors: refused };
  const parsed = options.schema.safeParse(input, { error: await localeErrorMap() });
  if (!parsed.success) {
    return { ok: false, code: "invalid", message: t("invalid"), fieldErrors: await fieldErrorsOf(parsed.error) };
  }
  try {
    const out = await options.handler(parsed.data, viewer);
    if (out && typeof out === "object" && "ok" in out && typeof (out as ActionResult).ok === "boolean") return out as ActionResult<T>;
    return { ok: true, data: out as T };
  } catch (e) {
    return handleError(e, viewer, options.name, t);
  }
}

/** Record a refused call of `action` (an `access.denied` event); never fails the caller. */
export async function auditDenied(viewer: Viewer, action: string, code: string, detail?: unknown): Promise<void> {
  return denied(viewer, action, code, detail);
}

async function denied(viewer: Viewer, action: string, code: string, detail?: unknown) {
  await audit(
    db(),
    { id: viewer.id, role: viewer.role },
    {
      action: "access.denied",
      entity: "action",
      entityId: action,
      after: { code, detail: detail ?? null },
    },
  ).catch(() => {});
}

async function handleError(
  e: unknown,
  viewer: Viewer,
  action: string,
  t: Awaited<ReturnType<typeof getTranslations<"errors">>>,
): Promise<ActionResult<never>> {
  if (e instanceof AppError) {
    if (e.code === "not_found" || e.code === "forbidden") await denied(viewer, action, e.code, e.details);
    else if (e.code === "invalid" && e.details?.outOfScope) await denied(viewer, action, "out_of_scope", e.details.outOfScope);
    const fieldErrors = e.details?.fieldErrors as Record<string, string[]> | undefined;
    return {
      ok: false,
      code: e.code,
      message: e.code === "conflict" || e.code === "invalid" || e.code === "closed" ? e.message : t(e.code),
      fieldErrors,
    };
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025") {
    await denied(viewer, action, "not_found");
    return { ok: false, code: "not_found", message: t("not_found") };
  }
  return internalError(e, action, t);
}

function internalError(e: unknown, action: string, t: Awaited<ReturnType<typeof getTranslations<"errors">>>): ActionResult<never> {
  const ref = Math.random().toString(36).slice(2, 10);
  logError(e, { ref, action }, "action failed");
  return { ok: false, code: "internal", message: t("internal", { ref }) };
}
