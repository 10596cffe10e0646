// The wrapper of the public actions (card page, village form): no session, so no defineAction;
// the same steps otherwise — parse with zod, run, map errors — and the same result shape.
// Every refusal is a plain sentence from the help namespace; none names or hints at a household
// (an unknown card, an unknown village and a revoked link all read "not found").
import "server-only";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { formToObject, issuesByField, unstorableFieldErrors } from "@/lib/actions/safe-action";
import type { ActionResult } from "@/lib/actions/result";
import { AppError } from "@/lib/auth/errors";
import { clientAddress } from "@/lib/http/request";
import { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log/logger";

export interface PublicContext {
  /** the caller's address: used only hashed, as a rate-limit key */
  address: string;
}

interface PublicOptions<S extends z.ZodType, T> {
  name: string;
  schema: S;
  handler: (input: z.output<S>, ctx: PublicContext) => Promise<T>;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

async function translator(): Promise<Translate> {
  const help = await getTranslations("help");
  const validation = await getTranslations("validation");
  return (key, values) => {
    if (key.startsWith("h.")) return help(key.slice(2) as never, values as never);
    if (key.startsWith("v.")) return validation(key.slice(2) as never, values as never);
    return key;
  };
}

async function fieldErrors(issues: readonly z.core.$ZodIssue[], t: Translate) {
  return issuesByField(issues, (m) => (m.startsWith("h.") || m.startsWith("v.") ? t(m) : m));
}

export function definePublicAction<S extends z.ZodType, T>(options: PublicOptions<S, T>) {
  return async function run(_prev: ActionResult<T> | undefined, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    const t = await translator();
    const locale = await getLocale();
    const input = formToObject(raw);
    const refused = await unstorableFieldErrors(input);
    if (refused) return { ok: false, code: "invalid", message: t("h.e.invalid"), fieldErrors: refused };
    const parsed = options.schema.safeParse(input, { error: locale === "en" ? z.locales.en().localeError : z.locales.zhCN().localeError });
    if (!parsed.success) {
      return { ok: false, code: "invalid", message: t("h.e.invalid"), fieldErrors: await fieldErrors(parsed.error.issues, t) };
    }
    try {
      const data = await options.handler(parsed.data, { address: await clientAddress() });
      return { ok: true, data };
    } catch (e) {
      return mapError(e, options.name, t);
    }
  };
}

async function mapError(e: unknown, name: string, t: Translate): Promise<ActionResult<never>> {
  if (e instanceof AppError) {
    const key = e.message;
    switch (e.code) {
      case "invalid": {
        const details = e.details?.fieldErrors as Record<string, string[]> | undefined;
        const translated = details
          ? Object.fromEntries(
              Object.entries(details).map(([k, v]) => [
                k,
                v.map((m) => (m.startsWith("h.") || m.startsWith("v.") ? t(m) : t("h.e.invalid"))),
              ]),
            )
          : undefined;
        // the procedure's notice checks ("p.…"): the notice is not running now
        const message = key.startsWith("h.")
          ? t(key)
          : key.startsWith("p.notice") || key.startsWith("p.noNotice")
            ? t("h.e.noticeClosed")
            : t("h.e.invalid");
        return { ok: false, code: "invalid", message, fieldErrors: translated };
      }
      case "rate_limited":
        return { ok: false, code: "rate_limited", message: key.startsWith("h.") ? t(key) : t("h.e.tooMany") };
      case "closed":
        return { ok: false, code: "closed", message: t("h.e.noticeClosed") };
      default:
        return { ok: false, code: "not_found", message: t("h.e.notFound") };
    }
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025") {
    return { ok: false, code: "not_found", message: t("h.e.notFound") };
  }
  const ref = Math.random().toString(36).slice(2, 10);
  logError(e, { ref, action: name }, "public action failed");
  return { ok: false, code: "internal", message: t("h.e.internal", { ref }) };
}
