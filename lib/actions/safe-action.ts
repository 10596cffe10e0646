// The one action pipeline (docs/decisions/0035-one-action-pipeline.md). Every server action, signed
// in or public, runs the same steps:
//   who is calling (session, or the public form's address) → may they (permission, audited refusal)
//   → input (form data → object, unstorable text, zod) → handler → errors → one ActionResult,
//   translated once, at the end, into the caller's language.
// Until that last step every message is a message key (i18n/keys.ts) with its params, or a text a
// handler already worded (a domain reason in both languages is picked by the caller's language).
// Every action is a public endpoint: it trusts nothing but the session cookie and its input.
import "server-only";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { can, type Permission } from "@/lib/auth/roles";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/request";
import { Prisma } from "@/lib/generated/prisma/client";
import { unstorableText } from "@/lib/validation/plain-text";
import { logError } from "@/lib/log/logger";
import { messageKey, type MessageKey, type MessageParams } from "@/i18n/keys";

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

/** What an action's caller sees: the two arguments of useActionState's action. */
export type Action<T> = (prev: ActionResult<T> | undefined, raw: FormData | Record<string, unknown>) => Promise<ActionResult<T>>;

/** The caller's language, for a handler that words a domain reason itself. */
export interface ActionContext {
  lang: "zh" | "en";
}

/** A public action's caller: no session, only an address (used hashed, as a rate-limit key). */
export interface PublicContext {
  address: string;
}

interface Common<S extends z.ZodType> {
  /** stored in audit rows (`access.denied`'s entityId): "<area>.<verb>" */
  name: string;
  schema: S;
  /** the message key of a field's label (checked at run time): each of its errors is prefixed with it ("工资性收入：不能为负数") */
  fieldLabel?: (path: string) => string | null;
}

interface SignedInOptions<S extends z.ZodType, T> extends Common<S> {
  permission: Permission | null; // null: any signed-in user
  handler: (input: z.output<S>, viewer: Viewer, ctx: ActionContext) => Promise<ActionResult<T> | T>;
}

interface PublicOptions<S extends z.ZodType, T> extends Common<S> {
  /** no session (the card page, the village form): every refusal reads as the help forms' messages */
  public: true;
  handler: (input: z.output<S>, ctx: PublicContext) => Promise<ActionResult<T> | T>;
}

/** A success message: a key (with its params), translated with the rest of the result. */
export function done<T>(message: MessageKey, data?: T, params?: MessageParams): ActionResult<T> {
  return { ok: true, data, message, ...(params ? { params } : {}) } as ActionResult<T>;
}

export function defineAction<S extends z.ZodType, T>(options: SignedInOptions<S, T>): Action<T>;
export function defineAction<S extends z.ZodType, T>(options: PublicOptions<S, T>): Action<T>;
export function defineAction<S extends z.ZodType, T>(options: SignedInOptions<S, T> | PublicOptions<S, T>): Action<T> {
  if ("public" in options) {
    return async (_prev, raw) => {
      const lang = await language();
      const draft = await steps(options, raw, async (input) => options.handler(input, { address: await clientAddress() }), null);
      return translate(publicFace(draft), lang, options);
    };
  }
  return async (_prev, raw) => {
    const lang = await language();
    let viewer: Viewer | null;
    try {
      viewer = await getViewer();
    } catch (e) {
      // the database unreachable (a restart, a network cut): the same answer as any internal
      // error — a reference, no stack trace, no HTTP 500 — and the client may send it again
      return translate(internalError(e, options.name), lang, options);
    }
    if (!viewer) return translate(refusal("unauthenticated"), lang, options);
    if (options.permission && !can(viewer.role, options.permission)) {
      await denied(viewer, options.name, "forbidden");
      return translate(refusal("forbidden"), lang, options);
    }
    return runFor(options, viewer, raw);
  };
}

/**
 * The steps after "who is calling and may they": input, handler, errors, translation. Exported for
 * an action that takes a batch (syncVisits): each item runs these steps on its own, so one item's
 * refusal is that item's answer and never fails the rest.
 */
export async function runFor<S extends z.ZodType, T>(
  options: Pick<SignedInOptions<S, T>, "name" | "schema" | "handler" | "fieldLabel">,
  viewer: Viewer,
  raw: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  const lang = await language();
  const draft = await steps(options, raw, (input) => options.handler(input, viewer, { lang }), viewer);
  return translate(draft, lang, options);
}

/** Record a refused call of `action` (an `access.denied` event); never fails the caller. */
export async function auditDenied(viewer: Viewer, action: string, code: string, detail?: unknown): Promise<void> {
  return denied(viewer, action, code, detail);
}

// ---------------------------------------------------------------------------------------------
// The steps. A Draft is an ActionResult whose messages are still keys (or worded text), with the
// params they take.

type Draft<T> =
  | { ok: true; data?: T; message?: string; params?: MessageParams }
  | { ok: false; code: string; message: string; params?: MessageParams; fieldErrors?: Record<string, string[]> };

async function language(): Promise<"zh" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh";
}

async function steps<S extends z.ZodType, T>(
  options: { name: string; schema: S },
  raw: FormData | Record<string, unknown>,
  handle: (input: z.output<S>) => Promise<ActionResult<T> | T>,
  viewer: Viewer | null,
): Promise<Draft<T>> {
  const input = formToObject(raw);
  // a NUL character or half a surrogate pair: refused on its field before parsing (the database cannot store it)
  const unstorable = unstorableText(input);
  if (unstorable.length) return invalid(Object.fromEntries(unstorable.map((p) => [p, [messageKey("validation.unstorable")]])));
  const lang = await language();
  const parsed = options.schema.safeParse(input, { error: lang === "en" ? z.locales.en().localeError : z.locales.zhCN().localeError });
  if (!parsed.success) return invalid(issuesByField(parsed.error.issues));
  try {
    const out = await handle(parsed.data);
    if (out && typeof out === "object" && "ok" in out && typeof (out as ActionResult).ok === "boolean") return out as Draft<T>;
    return { ok: true, data: out as T };
  } catch (e) {
    return failure(e, viewer, options.name, lang);
  }
}

/**
 * Zod issues → field path → message keys (or zod's own worded messages). A key the schema does not
 * declare (a strict schema) is reported on that key, so every refusal names its field; only a
 * problem with the input as a whole (not an object at all) lands on "_form".
 */
export function issuesByField(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  // a Map: the keys come from the request ("constructor", "__proto__" are keys like any other)
  const out = new Map<string, string[]>();
  const add = (path: string, message: string) => out.set(path, [...(out.get(path) ?? []), message]);
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const name of issue.keys) add([...issue.path, name].map(String).join("."), messageKey("validation.unknownField"));
      continue;
    }
    add(issue.path.map(String).join(".") || "_form", issue.message);
  }
  return Object.fromEntries(out);
}

const invalid = (fieldErrors: Record<string, string[]>): Draft<never> => ({
  ok: false,
  code: "invalid",
  message: messageKey("errors.invalid"),
  fieldErrors,
});
const refusal = (code: "unauthenticated" | "forbidden" | "not_found"): Draft<never> => ({ ok: false, code, message: `errors.${code}` });

/** A thrown error → a refusal (audited when it is a refused access) or an internal error with a reference. */
async function failure(e: unknown, viewer: Viewer | null, action: string, lang: "zh" | "en"): Promise<Draft<never>> {
  if (e instanceof AppError) {
    if (viewer && (e.code === "not_found" || e.code === "forbidden")) await denied(viewer, action, e.code, e.details);
    else if (viewer && e.code === "invalid" && e.details?.outOfScope) await denied(viewer, action, "out_of_scope", e.details.outOfScope);
    // a refusal the caller can act on shows its own message; the others, their code's
    // (the public face keeps a help form's own "too many" message: see publicFace)
    const shown = e.code === "conflict" || e.code === "invalid" || e.code === "closed" || (!viewer && e.code === "rate_limited");
    // a domain reason worded in both languages (the procedure's rules): the caller's
    const worded = e.details?.worded as { zh?: unknown; en?: unknown } | undefined;
    const reason = worded && typeof worded.zh === "string" && typeof worded.en === "string" ? { zh: worded.zh, en: worded.en } : null;
    return {
      ok: false,
      code: e.code,
      message: reason ? reason[lang] : shown ? e.message : `errors.${e.code}`,
      params: e.details?.params as MessageParams | undefined,
      fieldErrors: e.details?.fieldErrors as Record<string, string[]> | undefined,
    };
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025") {
    if (viewer) await denied(viewer, action, "not_found");
    return refusal("not_found");
  }
  return internalError(e, action);
}

function internalError(e: unknown, action: string): Draft<never> {
  const ref = Math.random().toString(36).slice(2, 10);
  logError(e, { ref, action }, "action failed");
  return { ok: false, code: "internal", message: messageKey("errors.internal"), params: { ref } };
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

/**
 * The public forms' face: every refusal is a sentence of the help messages, and none names or
 * hints at a household (an unknown card, an unknown village and a revoked link all read "not
 * found"). A help or validation key a handler chose is kept; anything else reads generically.
 */
function publicFace<T>(draft: Draft<T>): Draft<T> {
  if (draft.ok) return draft;
  const own = (m: string) => isHelpOrValidation(m);
  switch (draft.code) {
    case "invalid": {
      const fieldErrors = draft.fieldErrors
        ? Object.fromEntries(
            Object.entries(draft.fieldErrors).map(([k, list]) => [
              k,
              list.map((m) => (own(m) || !looksLikeKey(m) ? m : messageKey("help.e.invalid"))),
            ]),
          )
        : undefined;
      // the procedure's notice checks: the notice is not running now
      const message =
        own(draft.message) && !draft.message.startsWith("validation.")
          ? draft.message
          : /^procedure\.validation\.(notice|noNotice)/.test(draft.message)
            ? messageKey("help.e.noticeClosed")
            : messageKey("help.e.invalid");
      return { ...draft, message, fieldErrors };
    }
    case "rate_limited":
      return { ...draft, message: draft.message.startsWith("help.") ? draft.message : messageKey("help.e.tooMany") };
    case "closed":
      return { ...draft, message: messageKey("help.e.noticeClosed"), fieldErrors: undefined };
    case "internal":
      return { ...draft, message: messageKey("help.e.internal") };
    default:
      return { ok: false, code: "not_found", message: messageKey("help.e.notFound") };
  }
}

const isHelpOrValidation = (m: string) => m.startsWith("help.") || m.startsWith("validation.");
const looksLikeKey = (m: string) => /^[a-zA-Z]+(\.[\w-]+)+$/.test(m);

/** The last step: every key of the result (message, field errors) in the caller's language, once. */
async function translate<T>(
  draft: Draft<T>,
  lang: "zh" | "en",
  options: { fieldLabel?: (path: string) => string | null },
): Promise<ActionResult<T>> {
  const t = await getTranslations();
  const word = (m: string, params?: MessageParams): string => {
    if (typeof m !== "string") return m;
    return isMessage(t, m) ? t(m, params) : m;
  };
  const { params, ...rest } = draft;
  if (rest.ok) return rest.message === undefined ? rest : { ...rest, message: word(rest.message, params) };
  const sep = lang === "en" ? ": " : "：";
  const label = (path: string): string | null => {
    const key = options.fieldLabel?.(path);
    return key && isMessage(t, key) ? t(key) : null;
  };
  const fieldErrors = rest.fieldErrors
    ? Object.fromEntries(
        Object.entries(rest.fieldErrors).map(([path, list]) => {
          const name = label(path);
          return [path, list.map((m) => (name ? `${name}${sep}${word(m, params)}` : word(m, params)))];
        }),
      )
    : undefined;
  return { ...rest, message: word(rest.message, params), ...(fieldErrors ? { fieldErrors } : {}) };
}

type Translator = Awaited<ReturnType<typeof getTranslations<never>>>;

/** A declared leaf message (not a group of messages, not a worded text). */
function isMessage(t: Translator, key: string): key is MessageKey {
  // a crafted field name ("__proto__", "constructor") is not a message: never look it up
  if (key.split(".").some((part) => Object.prototype.hasOwnProperty.call(Object.prototype, part))) return false;
  return t.has(key as MessageKey) && typeof t.raw(key as MessageKey) === "string";
}
