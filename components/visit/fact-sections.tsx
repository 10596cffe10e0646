"use client";
// The household's facts as four folding sections (indicators, income, members, new members),
// the same in the visit form and the household edit: only the prefix their schema keeps them
// under ("updates." / "changes.") and the titles differ.
import type { z } from "zod";
import type { FormFields } from "@/components/ui/form";
import type { PrefixTo } from "@/components/ui/form-path";
import { draftFilled, type HouseholdFacts } from "@/lib/validation/visit-facts";
import { Collapsible, IncomeFields, IndicatorFields, countChanged, type OpenSections } from "./fact-fields";
import { MemberChanges, NewMembers, type DraftRow } from "./member-fields";
import { indexIn, type SentRows } from "./error-labels";

export function FactSections<S extends z.ZodType>({
  form,
  at,
  titles,
  base,
  facts,
  setFacts,
  drafts,
  setDrafts,
  open,
  setOpen,
  sent,
  newKey,
}: {
  form: FormFields<S>;
  at: PrefixTo<S, "indicators.food"> & PrefixTo<S, "income.incomeWages"> & PrefixTo<S, "members"> & PrefixTo<S, "newMembers">;
  titles: Record<keyof OpenSections, string>;
  base: HouseholdFacts;
  facts: HouseholdFacts;
  setFacts: React.Dispatch<React.SetStateAction<HouseholdFacts>>;
  drafts: DraftRow[];
  setDrafts: (v: DraftRow[]) => void;
  open: OpenSections;
  setOpen: React.Dispatch<React.SetStateAction<OpenSections>>;
  sent: SentRows;
  newKey: () => string;
}) {
  const membersChanged = facts.members.filter((m, i) => countChanged(base.members[i]!, m) > 0).length;
  const toggle = (k: keyof OpenSections) => (v: boolean) => setOpen((o) => ({ ...o, [k]: v }));
  return (
    <>
      <Collapsible
        title={titles.indicators}
        changed={countChanged(base.indicators, facts.indicators)}
        open={open.indicators}
        onToggle={toggle("indicators")}
      >
        <IndicatorFields
          form={form}
          at={at}
          base={base.indicators}
          value={facts.indicators}
          onChange={(v) => setFacts((f) => ({ ...f, indicators: v }))}
        />
      </Collapsible>
      <Collapsible title={titles.income} changed={countChanged(base.income, facts.income)} open={open.income} onToggle={toggle("income")}>
        <IncomeFields
          form={form}
          at={at}
          base={base.income}
          value={facts.income}
          onChange={(v) => setFacts((f) => ({ ...f, income: v }))}
        />
      </Collapsible>
      <Collapsible title={titles.members} changed={membersChanged} open={open.members} onToggle={toggle("members")}>
        <MemberChanges
          form={form}
          at={at}
          sentIndex={indexIn(sent.members)}
          base={base.members}
          value={facts.members}
          onChange={(v) => setFacts((f) => ({ ...f, members: v }))}
        />
      </Collapsible>
      <Collapsible
        title={titles.newMembers}
        changed={drafts.filter(draftFilled).length}
        open={open.newMembers}
        onToggle={toggle("newMembers")}
      >
        <NewMembers form={form} at={at} sentIndex={indexIn(sent.newMembers)} value={drafts} onChange={setDrafts} newKey={newKey} />
      </Collapsible>
    </>
  );
}
