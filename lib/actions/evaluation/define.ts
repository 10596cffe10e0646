// The evaluation actions' wrapper: defineAction (session → permission → parse → handler →
// errors), then the `evaluation` namespace's message keys ("evaluation:<key>", from
// lib/validation/evaluation.ts) translated, and every field error prefixed with the field's
// name ("工资性收入：不能为负数"), so a message read on its own still says which field it is about.
// Not a "use server" file: nothing here is an endpoint.
import "server-only";
import type { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import type { Permission } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/session";
import { fieldLabelKey } from "@/lib/validation/evaluation";

const PREFIX = "evaluation:";

interface Options<S extends z.ZodType, T> {
  name: string;
  permission: Permission;
  schema: S;
  handler: (input: z.output<S>, viewer: Viewer) => Promise<ActionResult<T>>;
}

export function defineEvaluationAction<S extends z.ZodType, T>(options: Options<S, T>) {
  const run = defineAction<S, T>(options);
  return async (prev: ActionResult<T> | undefined, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> =>
    localize(await run(prev, raw));
}

async function localize<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (result.ok) return result;
  const t = await getTranslations("evaluation");
  const sep = (await getLocale()) === "en" ? ": " : "：";
  const tr = (m: string) => (m.startsWith(PREFIX) ? t(`errors.${m.slice(PREFIX.length)}` as never) : m);
  const label = (path: string) => {
    const field = fieldLabelKey(path);
    // a crafted field name ("__proto__", "constructor") is not a label: never look it up
    if (Object.prototype.hasOwnProperty.call(Object.prototype, field)) return null;
    const key = `fields.${field}`;
    // only a leaf message is a label ("plan", "indicators.medical" are groups of messages)
    return t.has(key as never) && typeof t.raw(key as never) === "string" ? t(key as never) : null;
  };
  const fieldErrors = result.fieldErrors
    ? Object.fromEntries(
        Object.entries(result.fieldErrors).map(([path, list]) => {
          const name = label(path);
          return [path, list.map((m) => (name ? `${name}${sep}${tr(m)}` : tr(m)))];
        }),
      )
    : undefined;
  return { ...result, message: tr(result.message), fieldErrors };
}
