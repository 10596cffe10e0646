"use client";
// The name of the field behind each error path, for the form's error summary: the cadre reads
// "收入 · 工资性收入：不能为负数", not a path. Paths are the schema's (decision 0037); a row sent
// by index (a changed member, a new member, a photo) is named from what was sent.
import { useTranslations } from "next-intl";
import { INCOME_LABEL, INDICATOR_FIELDS, MEMBER_FIELDS, type HouseholdFacts } from "@/lib/validation/visit-facts";
import { isOneOf } from "@/i18n/keys";
import type { DraftRow } from "./member-fields";
import type { EvidenceItem } from "./evidence-picker";

/** The member fields a label names (the rest name the member alone). */
const MEMBER_LABELLED = [...MEMBER_FIELDS, "leave"] as const;
const NEW_MEMBER_LABELLED = ["name", "sex", "birthDate", "relation", "nationalId"] as const;

/** What a submission sent, in order: member ids, new-member row keys, photo keys. */
export interface SentRows {
  members: string[];
  newMembers: string[];
  evidence: string[];
}

/** `at`: where the schema keeps the facts ("updates." in the visit, "changes." in the edit). */
export function useErrorLabels(at: string, facts: HouseholdFacts, drafts: DraftRow[], evidence: EvidenceItem[], sent: SentRows) {
  const t = useTranslations();
  const memberName = (id: string | undefined) => facts.members.find((m) => m.id === id)?.name ?? "";
  return (path: string): string => {
    if (path.startsWith(at)) {
      const [a, b, c] = path.slice(at.length).split(".");
      if (a === "indicators" && b)
        return isOneOf(INDICATOR_FIELDS, b) ? `${t("visit.updates.indicators")} · ${t(`visit.ind.${b}`)}` : t("visit.updates.indicators");
      if (a === "income" && b && b in INCOME_LABEL)
        return `${t("visit.updates.income")} · ${t(`household.${INCOME_LABEL[b as keyof typeof INCOME_LABEL]}`)}`;
      if (a === "members" && b !== undefined) {
        const name = memberName(sent.members[Number(b)]);
        return isOneOf(MEMBER_LABELLED, c) ? `${name} · ${t(`visit.member.${c}`)}` : name;
      }
      if (a === "newMembers" && b !== undefined) {
        const n = drafts.findIndex((d) => d.key === sent.newMembers[Number(b)]) + 1;
        const field = c ?? "name";
        return isOneOf(NEW_MEMBER_LABELLED, field)
          ? `${t("visit.newMember.item", { n })} · ${t(`visit.newMember.${field}`)}`
          : t("visit.newMember.item", { n });
      }
      return t("visit.sections.updates");
    }
    const [head, a, b] = path.split(".");
    switch (head) {
      case "date":
      case "mode":
      case "findings":
      case "problems":
      case "actionsTaken":
        return t(`visit.fields.${head}`);
      case "followUps":
        return `${t("visit.followUps.item", { n: Number(a) + 1 })} · ${t(b === "dueDate" ? "visit.followUps.dueDate" : "visit.followUps.description")}`;
      case "members": // the server's "not a member of this household", keyed by the member's id
        return memberName(a);
      case "evidence":
        return evidence.find((e) => e.key === sent.evidence[Number(a)])?.name ?? t("visit.sections.evidence");
      case "confirmation":
      case "signature":
        return t("visit.proof.confirmTitle");
      case "locationConsent":
        return t("visit.proof.consent");
      default:
        return path;
    }
  };
}

/** The rows a submission sends, by index: what the fields are named by and the errors come back on. */
export function sentRows(
  changes: { members?: Record<string, unknown>[] } | null | undefined,
  filledDrafts: string[],
  readyEvidence: string[] = [],
): SentRows {
  return { members: (changes?.members ?? []).map((m) => String(m.id)), newMembers: filledDrafts, evidence: readyEvidence };
}

/** index of `key` in `list`, or undefined */
export const indexIn = (list: string[]) => (key: string) => {
  const i = list.indexOf(key);
  return i < 0 ? undefined : i;
};
