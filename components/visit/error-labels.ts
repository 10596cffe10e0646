"use client";
// The name of the field behind each error key, for the form's error summary: the cadre reads
// "收入 · 工资性收入：不能为负数", not a path.
import { useTranslations } from "next-intl";
import { INCOME_LABEL, type HouseholdFacts } from "@/lib/validation/visit-facts";
import type { DraftRow } from "./member-fields";
import type { EvidenceItem } from "./evidence-picker";

export function useErrorLabels(facts: HouseholdFacts, drafts: DraftRow[], evidence: EvidenceItem[]) {
  const t = useTranslations();
  return (key: string): string => {
    const [head, a, b] = key.split(".");
    switch (head) {
      case "date":
      case "mode":
      case "findings":
      case "problems":
      case "actionsTaken":
        return t(`visit.fields.${head}`);
      case "followUps":
        return `${t("visit.followUps.item", { n: Number(a) + 1 })} · ${t(b === "dueDate" ? "visit.followUps.dueDate" : "visit.followUps.description")}`;
      case "updates":
        if (a === "indicators" && b) return `${t("visit.updates.indicators")} · ${t(`visit.ind.${b}` as never)}`;
        if (a === "income" && b && b in INCOME_LABEL)
          return `${t("visit.updates.income")} · ${t(`household.${INCOME_LABEL[b as keyof typeof INCOME_LABEL]}`)}`;
        return t("visit.sections.updates");
      case "member": {
        const name = facts.members.find((m) => m.id === a)?.name ?? "";
        return b ? `${name} · ${t(`visit.member.${b}` as never)}` : name;
      }
      case "newMember": {
        const n = drafts.findIndex((d) => d.key === a) + 1;
        return `${t("visit.newMember.item", { n })} · ${t(`visit.newMember.${b ?? "name"}` as never)}`;
      }
      case "evidence":
        return evidence.find((e) => e.key === a)?.name ?? t("visit.sections.evidence");
      case "confirmation":
      case "signature":
        return t("visit.proof.confirmTitle");
      case "locationConsent":
        return t("visit.proof.consent");
      default:
        return key;
    }
  };
}
