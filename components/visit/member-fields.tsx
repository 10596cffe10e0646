"use client";
// Members in the visit form: what changed for each person (pre-filled), and new members.
// A valid national ID fills in the birth date and sex, so nobody types them twice.
import { useTranslations } from "next-intl";
import { Check, Errors, Select, SmallButton, TextInput } from "./form-parts";
import type { ErrorMap } from "./fact-fields";
import { HEALTH, LABOR, SCHOOL } from "@/lib/validation/visit-constants";
import { validateNationalId } from "@/lib/national-id";
import type { MemberFacts, NewMemberDraft } from "@/lib/validation/visit-facts";
import type { KeyUnder } from "@/i18n/keys";

const RELATIONS = ["spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other", "head"] as const;

export function MemberChanges({
  base,
  value,
  onChange,
  errors,
}: {
  base: MemberFacts[];
  value: MemberFacts[];
  onChange: (v: MemberFacts[]) => void;
  errors: ErrorMap;
}) {
  const t = useTranslations();
  if (value.length === 0) return <p className="text-sm text-stone-600">{t("visit.member.none")}</p>;
  const set = (i: number, patch: Partial<MemberFacts>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <ul className="space-y-3">
      {value.map((m, i) => {
        const b = base.find((x) => x.id === m.id)!;
        const k = (f: string) => `member.${m.id}.${f}`;
        const was = (label: string) => t("visit.updates.was", { value: label });
        return (
          <li key={m.id} className={`rounded-lg border p-3 ${m.leave ? "border-stone-300 bg-stone-50" : "border-stone-200"}`}>
            <h4 className="font-semibold">{m.name}</h4>
            <Errors k={`member.${m.id}`} errors={errors[`member.${m.id}`]} />
            <div className="mt-2 grid gap-3">
              <Select
                k={k("schoolStatus")}
                label={t("visit.member.schoolStatus")}
                value={m.schoolStatus}
                onChange={(v) => set(i, { schoolStatus: v })}
                options={SCHOOL.map((s) => ({ value: s, label: t(`school.${s}`) }))}
                errors={errors[k("schoolStatus")]}
                hint={b.schoolStatus !== m.schoolStatus ? was(t(`school.${b.schoolStatus as KeyUnder<"school">}`)) : undefined}
              />
              <Check
                k={k("medicalInsurance")}
                label={t("visit.member.medicalInsurance")}
                checked={m.medicalInsurance}
                onChange={(v) => set(i, { medicalInsurance: v })}
                changed={b.medicalInsurance !== m.medicalInsurance}
                errors={errors[k("medicalInsurance")]}
              />
              <Select
                k={k("laborCapacity")}
                label={t("visit.member.laborCapacity")}
                value={m.laborCapacity}
                onChange={(v) => set(i, { laborCapacity: v })}
                options={LABOR.map((s) => ({ value: s, label: t(`labor.${s}`) }))}
                errors={errors[k("laborCapacity")]}
                hint={b.laborCapacity !== m.laborCapacity ? was(t(`labor.${b.laborCapacity as KeyUnder<"labor">}`)) : undefined}
              />
              <Select
                k={k("health")}
                label={t("visit.member.health")}
                value={m.health}
                onChange={(v) => set(i, { health: v })}
                options={HEALTH.map((s) => ({ value: s, label: t(`health.${s}`) }))}
                errors={errors[k("health")]}
                hint={b.health !== m.health ? was(t(`health.${b.health as KeyUnder<"health">}`)) : undefined}
              />
              <Select
                k={k("leave")}
                label={t("visit.member.leave")}
                value={m.leave}
                onChange={(v) => set(i, { leave: v as MemberFacts["leave"] })}
                options={[
                  { value: "", label: t("visit.member.stays") },
                  { value: "deceased", label: t("visit.member.deceased") },
                  { value: "moved_out", label: t("visit.member.moved_out") },
                ]}
                errors={errors[k("leave")]}
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

export function NewMembers({
  value,
  onChange,
  errors,
  newKey,
}: {
  value: DraftRow[];
  onChange: (v: DraftRow[]) => void;
  errors: ErrorMap;
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
      {value.map((m, i) => {
        const k = (f: string) => `newMember.${m.key}.${f}`;
        return (
          <fieldset key={m.key} className="rounded-lg border border-stone-200 p-3">
            <legend className="px-1 font-semibold">{t("visit.newMember.item", { n: i + 1 })}</legend>
            <div className="grid gap-3">
              <TextInput
                k={k("name")}
                label={t("visit.newMember.name")}
                value={m.name}
                onChange={(v) => set(i, { name: v })}
                maxLength={40}
                required
                errors={errors[k("name")]}
              />
              <TextInput
                k={k("nationalId")}
                label={t("visit.newMember.nationalId")}
                value={m.nationalId}
                onChange={(v) => onId(i, v)}
                maxLength={18}
                hint={t("visit.newMember.nationalIdHint")}
                errors={errors[k("nationalId")]}
              />
              <div className="grid grid-cols-2 gap-3">
                <Select
                  k={k("sex")}
                  label={t("visit.newMember.sex")}
                  value={m.sex}
                  onChange={(v) => set(i, { sex: v })}
                  required
                  errors={errors[k("sex")]}
                  options={[
                    { value: "", label: t("visit.newMember.choose") },
                    { value: "male", label: t("visit.newMember.male") },
                    { value: "female", label: t("visit.newMember.female") },
                  ]}
                />
                <TextInput
                  k={k("birthDate")}
                  type="date"
                  label={t("visit.newMember.birthDate")}
                  value={m.birthDate}
                  onChange={(v) => set(i, { birthDate: v })}
                  required
                  errors={errors[k("birthDate")]}
                />
              </div>
              <Select
                k={k("relation")}
                label={t("visit.newMember.relation")}
                value={m.relation}
                onChange={(v) => set(i, { relation: v })}
                required
                errors={errors[k("relation")]}
                options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
              />
              <div>
                <SmallButton tone="danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  {t("visit.newMember.remove", { n: i + 1 })}
                </SmallButton>
              </div>
            </div>
          </fieldset>
        );
      })}
      <SmallButton
        onClick={() => onChange([...value, { key: newKey(), name: "", sex: "", birthDate: "", relation: "child", nationalId: "" }])}
      >
        + {t("visit.newMember.add")}
      </SmallButton>
    </div>
  );
}
