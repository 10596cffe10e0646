"use client";
// Registering a household new to one of the cadre's villages (a family that split off or
// arrived): where it is, its members (same rules as everywhere; a valid national ID fills in
// birth date and sex), optionally the household it split from, and its first facts.
import { startTransition, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { isOneOf, type KeyUnder } from "@/i18n/keys";
import { registerHousehold } from "@/lib/actions/households/register-household";
import { registerHouseholdSchema, registerProblems } from "@/lib/validation/household-register";
import { HEALTH, LABOR, SCHOOL } from "@/lib/validation/household-changes";
import { diffFacts, type HouseholdFacts, type IncomeFacts, type IndicatorFacts } from "@/lib/validation/visit-facts";
import { validateNationalId } from "@/lib/national-id";
import { Collapsible, IncomeFields, IndicatorFields, countChanged, openSectionsWithErrors } from "@/components/visit/fact-fields";
import {
  Button,
  CheckField,
  ErrorSummary,
  FieldErrors,
  FormSection as Section,
  SelectField,
  SubmitBar,
  TextAreaField,
  TextField,
  errorsAt,
  fieldId,
  formFields,
  issuesToErrors,
  type ErrorMap,
} from "@/components/ui/form";
import { SavedPanel } from "@/components/ui/saved-panel";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

/** A member field's label under householdEdit.register (the error summary names the field). */
const MEMBER_LABEL: Partial<Record<string, KeyUnder<"householdEdit.register">>> = {
  name: "name",
  nationalId: "nationalId",
  sex: "sex",
  birthDate: "birthDate",
  relation: "relation",
  schoolStatus: "school",
  laborCapacity: "labor",
  health: "health",
  medicalInsurance: "insured",
};
const HOUSEHOLD_FIELDS = ["villageId", "number", "address", "phone", "splitFromId", "splitAt", "reason"] as const;

const RELATIONS = ["head", "spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other"] as const;

/** A new household's facts before anyone changes them: the database defaults. */
const DEFAULT_INDICATORS: IndicatorFacts = {
  food: true,
  clothing: true,
  housingGrade: "A",
  safeAlternative: "",
  electricity: true,
  waterLitres: "40",
  waterScarceArea: false,
  waterPiped: true,
  waterRoundTripMin: "",
  waterHorizontalM: "",
  waterVerticalM: "",
  waterQualitySafe: true,
  waterOutageDays: "0",
};
const DEFAULT_INCOME: IncomeFacts = {
  incomeWages: "0",
  incomeBusiness: "0",
  incomeBusinessCosts: "0",
  incomeProperty: "0",
  incomeTransfers: "0",
  rigidExpenditure: "0",
  previousYearIncome: "",
  transferSubsistence: "0",
  transferExtremeHardship: "0",
  transferPension: "0",
  transferEcological: "0",
  transferFamilyPlanning: "0",
  transferSupport: "0",
  excludedMedical: "0",
  excludedTemporaryRelief: "0",
  excludedHousingSubsidy: "0",
  excludedRelocationSubsidy: "0",
  excludedGifts: "0",
};

interface Row {
  key: string;
  name: string;
  nationalId: string;
  sex: string;
  birthDate: string;
  relation: string;
  schoolStatus: string;
  laborCapacity: string;
  health: string;
  medicalInsurance: boolean;
}

export interface RegisterFormProps {
  villages: { id: string; name: string }[];
  households: { id: string; villageId: string; number: string; headName: string }[];
  today: string;
}

export function RegisterForm({ villages, households, today }: RegisterFormProps) {
  const t = useTranslations("householdEdit");
  const tAll = useTranslations();
  const tv = useTranslations("validation");
  const seq = useRef(1);
  const blank = (relation: string): Row => ({
    key: `r${++seq.current}`,
    name: "",
    nationalId: "",
    sex: "",
    birthDate: "",
    relation,
    schoolStatus: "not_applicable",
    laborCapacity: "full",
    health: "healthy",
    medicalInsurance: true,
  });
  const [villageId, setVillageId] = useState(villages[0]?.id ?? "");
  const [number, setNumber] = useState("");
  const [address, setAddress] = useState("");
  const [phone, setPhone] = useState("");
  const [splitFromId, setSplitFromId] = useState("");
  const [splitAt, setSplitAt] = useState(today);
  const [rows, setRows] = useState<Row[]>(() => [
    {
      key: "r1",
      name: "",
      nationalId: "",
      sex: "",
      birthDate: "",
      relation: "head",
      schoolStatus: "not_applicable",
      laborCapacity: "full",
      health: "healthy",
      medicalInsurance: true,
    },
  ]);
  const [indicators, setIndicators] = useState<IndicatorFacts>(DEFAULT_INDICATORS);
  const [income, setIncome] = useState<IncomeFacts>(DEFAULT_INCOME);
  const [open, setOpen] = useState({ indicators: false, income: false });
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<ErrorMap>({});
  const summary = useRef<HTMLDivElement>(null);
  // fields are named by their paths in the schema: the server's errors land on them as they are
  const fields = formFields<typeof registerHouseholdSchema>("f-", errors);

  const showErrors = (map: ErrorMap) => {
    setErrors(map);
    setOpen((o) => openSectionsWithErrors(o, Object.keys(map), ""));
    requestAnimationFrame(() => summary.current?.focus());
  };
  const { state, dispatch, pending } = useFormAction(registerHousehold, schemaOf<typeof registerHouseholdSchema>(), {
    onFailure: (r) => (r.ok ? undefined : showErrors(r.fieldErrors ?? {})),
  });

  const setRow = (i: number, patch: Partial<Row>) => setRows((cur) => cur.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const onId = (i: number, id: string) => {
    const r = validateNationalId(id.trim());
    setRow(i, r.ok ? { nationalId: id, birthDate: r.birthDate, sex: r.sex } : { nationalId: id });
  };
  const labelOf = (k: string): string => {
    const [head, a, b] = k.split(".");
    if (head === "members" && a !== undefined)
      return b
        ? `${t("register.member", { n: Number(a) + 1 })} · ${b in MEMBER_LABEL ? t(`register.${MEMBER_LABEL[b]!}`) : b}`
        : t("register.members");
    if (head === "indicators" || head === "income") return head === "income" ? t("edit.income") : t("edit.indicators");
    if (isOneOf(HOUSEHOLD_FIELDS, k)) return t(`register.${k === "villageId" ? "village" : k === "splitFromId" ? "splitFrom" : k}`);
    return k === "_form" ? t("register.household") : k;
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const facts = diffFacts({ indicators: DEFAULT_INDICATORS, income: DEFAULT_INCOME, members: [] } satisfies HouseholdFacts, {
      indicators,
      income,
      members: [],
    });
    const payload = {
      villageId,
      number,
      address,
      phone,
      splitFromId,
      splitAt: splitFromId ? splitAt : "",
      members: rows.map(({ key: _key, ...r }) => ({ ...r, name: r.name.trim(), nationalId: r.nationalId.trim() })),
      ...(facts?.indicators ? { indicators: facts.indicators } : {}),
      ...(facts?.income ? { income: facts.income } : {}),
      reason,
    };
    const check = registerHouseholdSchema.safeParse(payload);
    const map = check.success ? {} : issuesToErrors(check.error.issues, (k) => tv(k), tAll("errors.invalid"));
    for (const [f, key] of Object.entries(registerProblems(payload))) (map[f] ??= []).push(t(`problems.${key}`));
    // an empty required choice says "required", not "not an allowed value"
    rows.forEach((r, i) => {
      for (const f of ["name", "sex", "birthDate", "relation"] as const)
        if (map[`members.${i}.${f}`] && !r[f].trim()) map[`members.${i}.${f}`] = [tv("required")];
    });
    if (Object.keys(map).length) return showErrors(map);
    setErrors({});
    startTransition(() => dispatch(payload));
  };

  if (state.ok && state.data) {
    const id = (state.data as { id: string }).id;
    return (
      <SavedPanel
        message={state.message ?? t("register.saved")}
        links={[
          { href: `/households/${id}`, label: t("register.open"), primary: true },
          { href: "/households/new", label: t("register.another") },
        ]}
      />
    );
  }

  const failed = !state.ok ? state.message : null;
  const candidates = households.filter((h) => h.villageId === villageId);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <p className="text-sm text-stone-700">{t("register.intro")}</p>
      <Section title={t("register.household")}>
        <SelectField
          form={fields}
          name={"villageId"}
          label={t("register.village")}
          value={villageId}
          required
          onChange={(v) => {
            setVillageId(v);
            setSplitFromId("");
          }}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <TextField
          form={fields}
          name={"number"}
          label={t("register.number")}
          value={number}
          onChange={setNumber}
          required
          maxLength={20}
          hint={t("register.numberHint")}
        />
        <TextField
          form={fields}
          name={"address"}
          label={t("register.address")}
          value={address}
          onChange={setAddress}
          maxLength={200}
          autoComplete="street-address"
        />
        <TextField
          form={fields}
          name={"phone"}
          label={t("register.phone")}
          value={phone}
          onChange={setPhone}
          maxLength={30}
          inputMode="numeric"
          autoComplete="tel"
        />
      </Section>

      <Section title={t("register.split")}>
        <SelectField
          form={fields}
          name={"splitFromId"}
          label={t("register.splitFrom")}
          value={splitFromId}
          onChange={setSplitFromId}
          options={[
            { value: "", label: t("register.splitNone") },
            ...candidates.map((h) => ({ value: h.id, label: `${h.number} · ${h.headName}` })),
          ]}
        />
        {splitFromId && (
          <TextField
            form={fields}
            name={"splitAt"}
            type="date"
            label={t("register.splitAt")}
            value={splitAt}
            onChange={setSplitAt}
            max={today}
            required
          />
        )}
      </Section>

      <Section title={t("register.members")} hint={t("register.membersHint")}>
        <FieldErrors id={fieldId(fields.idPrefix, "members")} errors={errorsAt(fields, "members")} />
        {rows.map((r, i) => {
          const k = <F extends keyof Omit<Row, "key">>(f: F) => `members.${i}.${f}` as const;
          return (
            <fieldset key={r.key} className="rounded-lg border border-stone-200 p-3">
              <legend className="px-1 font-semibold">{t("register.member", { n: i + 1 })}</legend>
              <div className="grid gap-3">
                <TextField
                  form={fields}
                  name={k("name")}
                  label={t("register.name")}
                  value={r.name}
                  onChange={(v) => setRow(i, { name: v })}
                  maxLength={40}
                  required
                />
                <TextField
                  form={fields}
                  name={k("nationalId")}
                  label={t("register.nationalId")}
                  value={r.nationalId}
                  onChange={(v) => onId(i, v)}
                  maxLength={18}
                  hint={t("register.nationalIdHint")}
                />
                <div className="grid grid-cols-2 gap-3">
                  <SelectField
                    form={fields}
                    name={k("sex")}
                    label={t("register.sex")}
                    value={r.sex}
                    onChange={(v) => setRow(i, { sex: v })}
                    required
                    options={[
                      { value: "", label: t("measure.choose") },
                      { value: "male", label: t("register.male") },
                      { value: "female", label: t("register.female") },
                    ]}
                  />
                  <TextField
                    form={fields}
                    name={k("birthDate")}
                    type="date"
                    label={t("register.birthDate")}
                    value={r.birthDate}
                    onChange={(v) => setRow(i, { birthDate: v })}
                    max={today}
                    required
                  />
                </div>
                <SelectField
                  form={fields}
                  name={k("relation")}
                  label={t("register.relation")}
                  value={r.relation}
                  onChange={(v) => setRow(i, { relation: v })}
                  required
                  options={RELATIONS.map((x) => ({ value: x, label: tAll(`relation.${x}`) }))}
                />
                <SelectField
                  form={fields}
                  name={k("schoolStatus")}
                  label={t("register.school")}
                  value={r.schoolStatus}
                  onChange={(v) => setRow(i, { schoolStatus: v })}
                  options={SCHOOL.map((x) => ({ value: x, label: tAll(`school.${x}`) }))}
                />
                <div className="grid grid-cols-2 gap-3">
                  <SelectField
                    form={fields}
                    name={k("laborCapacity")}
                    label={t("register.labor")}
                    value={r.laborCapacity}
                    onChange={(v) => setRow(i, { laborCapacity: v })}
                    options={LABOR.map((x) => ({ value: x, label: tAll(`labor.${x}`) }))}
                  />
                  <SelectField
                    form={fields}
                    name={k("health")}
                    label={t("register.health")}
                    value={r.health}
                    onChange={(v) => setRow(i, { health: v })}
                    options={HEALTH.map((x) => ({ value: x, label: tAll(`health.${x}`) }))}
                  />
                </div>
                <CheckField
                  form={fields}
                  name={k("medicalInsurance")}
                  label={t("register.insured")}
                  checked={r.medicalInsurance}
                  onChange={(v) => setRow(i, { medicalInsurance: v })}
                />
                {rows.length > 1 && (
                  <div>
                    <Button
                      tone="dangerQuiet"
                      onClick={() => {
                        setRows((cur) => cur.filter((x) => x.key !== r.key));
                        setErrors({});
                      }}
                    >
                      {t("register.removeMember", { n: i + 1 })}
                    </Button>
                  </div>
                )}
              </div>
            </fieldset>
          );
        })}
        <Button onClick={() => setRows((cur) => [...cur, blank("child")])}>+ {t("register.addMember")}</Button>
      </Section>

      <Section title={t("register.facts")}>
        <Collapsible
          title={t("edit.indicators")}
          changed={countChanged(DEFAULT_INDICATORS, indicators)}
          open={open.indicators}
          onToggle={(v) => setOpen((o) => ({ ...o, indicators: v }))}
        >
          <IndicatorFields form={fields} at="" base={DEFAULT_INDICATORS} value={indicators} onChange={setIndicators} />
        </Collapsible>
        <Collapsible
          title={t("edit.income")}
          changed={countChanged(DEFAULT_INCOME, income)}
          open={open.income}
          onToggle={(v) => setOpen((o) => ({ ...o, income: v }))}
        >
          <IncomeFields form={fields} at="" base={DEFAULT_INCOME} value={income} onChange={setIncome} />
        </Collapsible>
      </Section>

      <Section title={t("register.reason")}>
        <TextAreaField
          form={fields}
          name={"reason"}
          label={t("register.reason")}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={500}
          hint={t("register.reasonHint")}
        />
      </Section>

      <ErrorSummary
        ref={summary}
        title={t("register.errorSummary")}
        message={failed}
        errors={errors}
        idPrefix={fields.idPrefix}
        labelOf={labelOf}
      />
      <SubmitBar pending={pending} label={t("register.submit")} pendingLabel={t("register.saving")} />
    </form>
  );
}
