"use client";
// Correcting a household's facts (indicators, income items, members) with a required reason.
// Pre-filled with the current record; only what the cadre changed is sent (diffFacts); a stale
// version comes back as a conflict that names who changed the household and when.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { updateHousehold } from "@/lib/actions/households/update-household";
import { initialActionState } from "@/lib/actions/result";
import { updateHouseholdSchema } from "@/lib/validation/household-edit";
import { diffFacts, draftFilled, type HouseholdFacts } from "@/lib/validation/visit-facts";
import { Section, TextArea } from "@/components/visit/form-parts";
import { Collapsible, IncomeFields, IndicatorFields, countChanged, openSectionsWithErrors } from "@/components/visit/fact-fields";
import { MemberChanges, NewMembers, type DraftRow } from "@/components/visit/member-fields";
import { useErrorLabels } from "@/components/visit/error-labels";
import { Done, ErrorSummary, SubmitBar, issuesToMap, type ErrorMap } from "./form-status";

interface Sent {
  members: string[];
  newMembers: string[];
}

/** Server and schema paths ("changes.income.incomeWages") → the keys the visit field components use. */
function normalize(raw: Record<string, string[]>, sent: Sent): ErrorMap {
  const out: ErrorMap = {};
  for (const [path, msgs] of Object.entries(raw)) {
    let key = path;
    let m: RegExpExecArray | null;
    if ((m = /^changes\.(indicators|income)\.(\w+)/.exec(path))) key = `updates.${m[1]}.${m[2]}`;
    else if ((m = /^changes\.members\.(\d+)(?:\.(\w+))?/.exec(path)))
      key = `member.${sent.members[Number(m[1])] ?? "?"}${m[2] ? `.${m[2]}` : ""}`;
    else if ((m = /^members\.([0-9a-f-]{36})/.exec(path))) key = `member.${m[1]}`;
    else if ((m = /^changes\.newMembers\.(\d+)(?:\.(\w+))?/.exec(path)))
      key = `newMember.${sent.newMembers[Number(m[1])] ?? "?"}.${m[2] ?? "nationalId"}`;
    else if (path === "changes.newMembers" && sent.newMembers.length === 1) key = `newMember.${sent.newMembers[0]}.nationalId`;
    const list = (out[key] ??= []);
    for (const msg of msgs) if (!list.includes(msg)) list.push(msg);
  }
  return out;
}

export function HouseholdEditForm({
  householdId,
  baseVersion,
  facts: base,
}: {
  householdId: string;
  baseVersion: number;
  facts: HouseholdFacts;
}) {
  const t = useTranslations();
  const tv = useTranslations("validation");
  const [state, dispatch, pending] = useActionState(updateHousehold, initialActionState);
  const [facts, setFacts] = useState<HouseholdFacts>(base);
  const [drafts, setDrafts] = useState<DraftRow[]>([]);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<ErrorMap>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState({ indicators: true, income: true, members: false, newMembers: false });
  const sent = useRef<Sent>({ members: [], newMembers: [] });
  const summary = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const newKey = () => `k${++seq.current}`;
  const baseLabel = useErrorLabels(facts, drafts, []);
  const labelOf = (k: string) =>
    k === "reason"
      ? t("householdEdit.edit.reason")
      : k === "_form" || k.startsWith("changes")
        ? t("householdEdit.edit.facts")
        : baseLabel(k);

  const showErrors = (map: ErrorMap) => {
    setErrors(map);
    setOpen((o) => openSectionsWithErrors(o, Object.keys(map)));
    requestAnimationFrame(() => summary.current?.focus());
  };

  useEffect(() => {
    if (!state.ok && state.fieldErrors) showErrors(normalize(state.fieldErrors, sent.current));
    else if (!state.ok) requestAnimationFrame(() => summary.current?.focus());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const changes = diffFacts(base, facts, drafts);
    sent.current = { members: (changes?.members ?? []).map((m) => String(m.id)), newMembers: drafts.filter(draftFilled).map((d) => d.key) };
    if (!changes) {
      setErrors({});
      setNotice(t("householdEdit.problems.nothingChanged"));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const payload = { householdId, baseVersion, reason, changes };
    const check = updateHouseholdSchema.safeParse(payload);
    if (!check.success) {
      const map = normalize(
        issuesToMap(check.error.issues, (k) => tv(k), t("errors.invalid")),
        sent.current,
      );
      // an empty required choice says "required", not "not an allowed value"
      for (const d of drafts)
        for (const f of ["name", "sex", "birthDate", "relation"] as const) {
          if (map[`newMember.${d.key}.${f}`] && !d[f].trim()) map[`newMember.${d.key}.${f}`] = [tv("required")];
        }
      return showErrors(map);
    }
    setErrors({});
    startTransition(() => dispatch(payload));
  };

  if (state.ok && state.data) {
    return (
      <Done
        message={t("householdEdit.edit.saved")}
        links={[{ href: `/households/${householdId}`, label: t("householdEdit.back"), primary: true }]}
      />
    );
  }
  if (!state.ok && state.code === "conflict") {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
        <h2 className="text-base font-semibold text-amber-900">{t("householdEdit.edit.conflictTitle")}</h2>
        <p className="text-sm text-amber-900">{state.message}</p>
        <a
          href={`/households/${householdId}/edit`}
          className="flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 text-base font-semibold text-white"
        >
          {t("householdEdit.edit.reload")}
        </a>
        <a
          href={`/households/${householdId}`}
          className="flex min-h-11 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 text-base"
        >
          {t("householdEdit.back")}
        </a>
      </div>
    );
  }

  const failed = !state.ok ? state.message : null;
  const membersChanged = facts.members.filter((m, i) => countChanged(base.members[i]!, m) > 0).length;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <p className="text-sm text-stone-700">{t("householdEdit.edit.intro")}</p>
      <Section title={t("householdEdit.edit.facts")}>
        <Collapsible
          title={t("householdEdit.edit.indicators")}
          changed={countChanged(base.indicators, facts.indicators)}
          open={open.indicators}
          onToggle={(v) => setOpen((o) => ({ ...o, indicators: v }))}
        >
          <IndicatorFields
            base={base.indicators}
            value={facts.indicators}
            onChange={(v) => setFacts((f) => ({ ...f, indicators: v }))}
            errors={errors}
          />
        </Collapsible>
        <Collapsible
          title={t("householdEdit.edit.income")}
          changed={countChanged(base.income, facts.income)}
          open={open.income}
          onToggle={(v) => setOpen((o) => ({ ...o, income: v }))}
        >
          <IncomeFields base={base.income} value={facts.income} onChange={(v) => setFacts((f) => ({ ...f, income: v }))} errors={errors} />
        </Collapsible>
        <Collapsible
          title={t("householdEdit.edit.members")}
          changed={membersChanged}
          open={open.members}
          onToggle={(v) => setOpen((o) => ({ ...o, members: v }))}
        >
          <MemberChanges
            base={base.members}
            value={facts.members}
            onChange={(v) => setFacts((f) => ({ ...f, members: v }))}
            errors={errors}
          />
        </Collapsible>
        <Collapsible
          title={t("householdEdit.edit.newMembers")}
          changed={drafts.filter(draftFilled).length}
          open={open.newMembers}
          onToggle={(v) => setOpen((o) => ({ ...o, newMembers: v }))}
        >
          <NewMembers value={drafts} onChange={setDrafts} errors={errors} newKey={newKey} />
        </Collapsible>
      </Section>
      <Section title={t("householdEdit.edit.reason")}>
        <TextArea
          k="reason"
          label={t("householdEdit.edit.reason")}
          value={reason}
          onChange={setReason}
          required
          rows={3}
          maxLength={500}
          hint={t("householdEdit.edit.reasonHint")}
          errors={errors.reason}
        />
      </Section>
      <ErrorSummary
        ref={summary}
        title={t("householdEdit.edit.errorSummary")}
        message={notice ?? failed}
        errors={errors}
        labelOf={labelOf}
      />
      <SubmitBar pending={pending} label={t("householdEdit.edit.submit")} pendingLabel={t("householdEdit.edit.saving")} />
    </form>
  );
}
