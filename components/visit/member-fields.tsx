"use client";
// Members in the visit form: what changed for each person (pre-filled), and new members.
// A valid national ID fills in the birth date and sex, so nobody types them twice.
import { useTranslations } from "next-intl";
import type { z } from "zod";
import {
  Button,
  CheckField,
  FieldErrors,
  SelectField,
  TextField,
  errorsAt,
  fieldId,
  type FormFields,
  type FormPath,
} from "@/components/ui/form";
import type { PrefixTo } from "@/components/ui/form-path";
import { HEALTH, LABOR, SCHOOL } from "@/lib/validation/visit-constants";
import { validateNationalId } from "@/lib/national-id";
import type { MemberFacts, NewMemberDraft } from "@/lib/validation/visit-facts";
import type { KeyUnder } from "@/i18n/keys";

const RELATIONS = ["spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other", "head"] as const;

/**
 * Each member's changes. Only changed members are sent, so a member's fields are named by the
 * index it has in what is sent (`sentIndex`): the server's errors come back on those paths.
 */
export function MemberChanges<S extends z.ZodType>({
  form,
  at,
  sentIndex,
  base,
  value,
  onChange,
}: {
  form: FormFields<S>;
  at: PrefixTo<S, "members">;
  sentIndex: (memberId: string) => number | undefined;
  base: MemberFacts[];
  value: MemberFacts[];
  onChange: (v: MemberFacts[]) => void;
}) {
  const t = useTranslations();
  if (value.length === 0) return <p className="text-sm text-stone-600">{t("visit.member.none")}</p>;
  const set = (i: number, patch: Partial<MemberFacts>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <ul className="space-y-3">
      {value.map((m, i) => {
        const b = base.find((x) => x.id === m.id)!;
        const row = `${at}members.${sentIndex(m.id) ?? `unsent-${m.id}`}` as FormPath<S>;
        const k = (f: keyof MemberFacts) => `${row}.${f}` as FormPath<S>;
        // the row's own errors, and the server's "not a member of this household" (keyed by id)
        const rowErrors = errorsAt(form, row, [`members.${m.id}` as FormPath<S>]);
        const was = (label: string) => t("visit.updates.was", { value: label });
        return (
          <li key={m.id} className={`rounded-lg border p-3 ${m.leave ? "border-stone-300 bg-stone-50" : "border-stone-200"}`}>
            <h4 className="font-semibold">{m.name}</h4>
            <FieldErrors id={fieldId(form.idPrefix, row)} errors={rowErrors} />
            <div className="mt-2 grid gap-3">
              <SelectField
                form={form}
                name={k("schoolStatus")}
                label={t("visit.member.schoolStatus")}
                value={m.schoolStatus}
                onChange={(v) => set(i, { schoolStatus: v })}
                options={SCHOOL.map((s) => ({ value: s, label: t(`school.${s}`) }))}
                hint={b.schoolStatus !== m.schoolStatus ? was(t(`school.${b.schoolStatus as KeyUnder<"school">}`)) : undefined}
              />
              <CheckField
                form={form}
                name={k("medicalInsurance")}
                label={t("visit.member.medicalInsurance")}
                checked={m.medicalInsurance}
                onChange={(v) => set(i, { medicalInsurance: v })}
                changed={b.medicalInsurance !== m.medicalInsurance}
              />
              <SelectField
                form={form}
                name={k("laborCapacity")}
                label={t("visit.member.laborCapacity")}
                value={m.laborCapacity}
                onChange={(v) => set(i, { laborCapacity: v })}
                options={LABOR.map((s) => ({ value: s, label: t(`labor.${s}`) }))}
                hint={b.laborCapacity !== m.laborCapacity ? was(t(`labor.${b.laborCapacity as KeyUnder<"labor">}`)) : undefined}
              />
              <SelectField
                form={form}
                name={k("health")}
                label={t("visit.member.health")}
                value={m.health}
                onChange={(v) => set(i, { health: v })}
                options={HEALTH.map((s) => ({ value: s, label: t(`health.${s}`) }))}
                hint={b.health !== m.health ? was(t(`health.${b.health as KeyUnder<"health">}`)) : undefined}
              />
              <SelectField
                form={form}
                name={k("leave")}
                label={t("visit.member.leave")}
                value={m.leave}
                onChange={(v) => set(i, { leave: v as MemberFacts["leave"] })}
                options={[
                  { value: "", label: t("visit.member.stays") },
                  { value: "deceased", label: t("visit.member.deceased") },
                  { value: "moved_out", label: t("visit.member.moved_out") },
                ]}
                hint={m.leave ? t("visit.member.leaving", { reason: t(`visit.member.${m.leave}`) }) : undefined}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export type DraftRow = NewMemberDraft & { key: string };

/** New members; a filled row is sent as `${at}newMembers.<sentIndex>` (empty rows are not sent). */
export function NewMembers<S extends z.ZodType>({
  form,
  at,
  sentIndex,
  value,
  onChange,
  newKey,
}: {
  form: FormFields<S>;
  at: PrefixTo<S, "newMembers">;
  sentIndex: (draftKey: string) => number | undefined;
  value: DraftRow[];
  onChange: (v: DraftRow[]) => void;
  newKey: () => string;
}) {
  const t = useTranslations();
  const set = (i: number, patch: Partial<DraftRow>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const onId = (i: number, id: string) => {
    const r = validateNationalId(id.trim());
    // the ID already says when the person was born and their sex
    set(i, r.ok ? { nationalId: id, birthDate: r.birthDate, sex: r.sex } : { nationalId: id });
  };
  return (
    <div className="space-y-3">
      <FieldErrors id={fieldId(form.idPrefix, `${at}newMembers`)} errors={errorsAt(form, `${at}newMembers` as FormPath<S>)} />
      {value.map((m, i) => {
        const row = `${at}newMembers.${sentIndex(m.key) ?? `unsent-${m.key}`}` as FormPath<S>;
        const k = (f: keyof NewMemberDraft) => `${row}.${f}` as FormPath<S>;
        return (
          <fieldset key={m.key} className="rounded-lg border border-stone-200 p-3">
            <legend className="px-1 font-semibold">{t("visit.newMember.item", { n: i + 1 })}</legend>
            <FieldErrors id={fieldId(form.idPrefix, row)} errors={errorsAt(form, row)} />
            <div className="grid gap-3">
              <TextField
                form={form}
                name={k("name")}
                label={t("visit.newMember.name")}
                value={m.name}
                onChange={(v) => set(i, { name: v })}
                maxLength={40}
                required
              />
              <TextField
                form={form}
                name={k("nationalId")}
                label={t("visit.newMember.nationalId")}
                value={m.nationalId}
                onChange={(v) => onId(i, v)}
                maxLength={18}
                hint={t("visit.newMember.nationalIdHint")}
              />
              <div className="grid grid-cols-2 gap-3">
                <SelectField
                  form={form}
                  name={k("sex")}
                  label={t("visit.newMember.sex")}
                  value={m.sex}
                  onChange={(v) => set(i, { sex: v })}
                  required
                  options={[
                    { value: "", label: t("visit.newMember.choose") },
                    { value: "male", label: t("visit.newMember.male") },
                    { value: "female", label: t("visit.newMember.female") },
                  ]}
                />
                <TextField
                  form={form}
                  name={k("birthDate")}
                  type="date"
                  label={t("visit.newMember.birthDate")}
                  value={m.birthDate}
                  onChange={(v) => set(i, { birthDate: v })}
                  required
                />
              </div>
              <SelectField
                form={form}
                name={k("relation")}
                label={t("visit.newMember.relation")}
                value={m.relation}
                onChange={(v) => set(i, { relation: v })}
                required
                options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
              />
              <div>
                <Button tone="dangerQuiet" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  {t("visit.newMember.remove", { n: i + 1 })}
                </Button>
              </div>
            </div>
          </fieldset>
        );
      })}
      <Button onClick={() => onChange([...value, { key: newKey(), name: "", sex: "", birthDate: "", relation: "child", nationalId: "" }])}>
        + {t("visit.newMember.add")}
      </Button>
    </div>
  );
}
