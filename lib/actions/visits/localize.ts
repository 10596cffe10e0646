// The visit actions' expected errors carry "v.<key>" messages (with params in details.params);
// they are put into the viewer's language before the result leaves the server.
// Not a "use server" file: nothing here is an endpoint.
import "server-only";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/auth/errors";
import type { ConflictInfo } from "@/lib/data/visits/conflict";
import { INCOME_LABEL } from "@/lib/validation/visit-facts";

/** An input problem on one field, as a translation key of the `validation` namespace. */
export function fieldProblem(field: string, key: string, params?: Record<string, string | number>): AppError {
  return new AppError("invalid", key, { fieldErrors: { [field]: [key] }, params });
}

/** Rethrows an AppError("invalid") with its "v.…" messages translated; anything else unchanged. */
export async function localized(e: unknown): Promise<never> {
  if (!(e instanceof AppError) || e.code !== "invalid") throw e;
  const tv = await getTranslations("validation");
  const te = await getTranslations("errors");
  const params = (e.details?.params ?? {}) as Record<string, string | number>;
  const tr = (m: string) => (m.startsWith("v.") ? tv(m.slice(2) as never, params as never) : m);
  const raw = (e.details?.fieldErrors ?? {}) as Record<string, string[]>;
  const fieldErrors = Object.fromEntries(Object.entries(raw).map(([k, list]) => [k, list.map(tr)]));
  throw new AppError("invalid", e.message.startsWith("v.") || Object.keys(raw).length ? te("invalid") : e.message, {
    ...e.details,
    fieldErrors,
  });
}

/** "该户已于 2026-11-29 09:18 被李兵强修改（转移性收入）…", in the viewer's language, China time. */
export async function conflictFormatter(): Promise<(info: ConflictInfo | null) => string> {
  const t = await getTranslations("visit");
  const th = await getTranslations("household");
  const label = (k: string) =>
    k === "members"
      ? t("updates.members")
      : k in INCOME_LABEL
        ? th(INCOME_LABEL[k as keyof typeof INCOME_LABEL] as never)
        : t(`ind.${k}` as never);
  return (info) => {
    if (!info) return t("result.conflictUnknown");
    const when = new Date(info.at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    return t("result.conflict", {
      when,
      by: info.by || t("result.someone"),
      fields: info.fields.map(label).join(t("result.fieldsSep")) || "—",
    });
  };
}
