// The procedure actions' wrapper: defineAction (session → permission → parse → handler → error
// mapping), plus the procedure's messages put into the viewer's language before the result
// leaves the server: "p.<key>" keys of `procedure.validation` (with details.params), "v.<key>"
// keys of `validation`, and the rules' refusals (ProcedureRefusal: every reason, zh-CN or en).
// Not a "use server" file: nothing here is an endpoint.
import "server-only";
import type { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import type { Permission } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/session";
import { ProcedureRefusal } from "@/lib/data/procedure/state";

interface Options<S extends z.ZodType, T> {
  name: string;
  permission: Permission | null;
  schema: S;
  handler: (input: z.output<S>, viewer: Viewer, lang: "zh" | "en") => Promise<ActionResult<T> | T>;
}

type Translate = (m: string, params?: Record<string, string | number>) => string;

async function translator(): Promise<Translate> {
  const tp = await getTranslations("procedure.validation");
  const tv = await getTranslations("validation");
  return (m, params = {}) => {
    if (m.startsWith("p.")) return tp(m.slice(2) as never, params as never);
    if (m.startsWith("v.")) return tv(m.slice(2) as never, params as never);
    return m;
  };
}

async function localizedError(e: unknown, lang: "zh" | "en"): Promise<never> {
  if (e instanceof ProcedureRefusal) {
    throw new AppError("invalid", lang === "en" ? e.missingEn.join("; ") : e.missing.join("；"), { codes: e.codes });
  }
  if (!(e instanceof AppError)) throw e;
  const tr = await translator();
  const params = (e.details?.params ?? {}) as Record<string, string | number>;
  const raw = (e.details?.fieldErrors ?? {}) as Record<string, string[]>;
  const fieldErrors = Object.fromEntries(Object.entries(raw).map(([k, list]) => [k, list.map((m) => tr(m, params))]));
  throw new AppError(e.code, tr(e.message, params), { ...e.details, fieldErrors });
}

export function defineProcedureAction<S extends z.ZodType, T>(options: Options<S, T>) {
  const run = defineAction<S, T>({
    name: options.name,
    permission: options.permission,
    schema: options.schema,
    handler: async (input, viewer) => {
      const lang = (await getLocale()) === "en" ? "en" : "zh";
      try {
        return await options.handler(input, viewer, lang);
      } catch (e) {
        return localizedError(e, lang);
      }
    },
  });
  return async (prev: ActionResult<T> | undefined, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const result = await run(prev, raw);
    const needs =
      result.message?.startsWith("p.") ||
      (!result.ok && Object.values(result.fieldErrors ?? {}).some((list) => list.some((m) => m.startsWith("p."))));
    if (!needs) return result;
    const tr = await translator();
    if (result.ok) return { ...result, message: result.message && tr(result.message) };
    const fieldErrors = result.fieldErrors
      ? Object.fromEntries(Object.entries(result.fieldErrors).map(([k, list]) => [k, list.map((m) => tr(m))]))
      : undefined;
    return { ...result, message: tr(result.message), fieldErrors };
  };
}

/** A success result with a message of `procedure.validation` ("p.<key>"). */
export function done<T>(key: string, data: T): ActionResult<T> {
  return { ok: true, data, message: key };
}
