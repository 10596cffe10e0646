// A stale visit or change, in words: who changed the household, when (China time) and which
// facts. Not a "use server" file: nothing here is an endpoint.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { ConflictInfo } from "@/lib/data/visits/conflict";
import { INCOME_LABEL } from "@/lib/validation/visit-facts";
import type { KeyUnder } from "@/i18n/keys";

/** "该户已于 2026-11-29 09:18 被李兵强修改（转移性收入）…", in the viewer's language, China time. */
export async function conflictFormatter(): Promise<(info: ConflictInfo | null) => string> {
  const t = await getTranslations("visit");
  const th = await getTranslations("household");
  const label = (k: string) =>
    k === "members"
      ? t("updates.members")
      : k in INCOME_LABEL
        ? th(INCOME_LABEL[k as keyof typeof INCOME_LABEL])
        : t(`ind.${k as KeyUnder<"visit.ind">}`);
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
