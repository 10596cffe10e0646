"use client";
// The village's exit record for a year (贫困村退出, decision 0051): each facility in place or not,
// since when and a note, and the collective income. Kept by the village (its facilitator or first
// secretary) while the record is a draft or returned.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveVillageExitRecord } from "@/lib/actions/village-exit/save-record";
import type { saveVillageExitSchema } from "@/lib/validation/village-exit";
import { CheckField, FormSection, StatusLine, SubmitButton, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";
import { newId } from "@/components/ui/new-id";

const FACILITIES = ["road", "water", "power", "clinic", "school"] as const;
type Facility = (typeof FACILITIES)[number];

export interface RecordFormProps {
  villageId: string;
  year: number;
  /** the record as stored, or null for a first record */
  record: {
    id: string;
    version: number;
    facilities: Record<Facility, { ok: boolean; on: string | null; note: string }>;
    collectiveIncome: number | null;
  } | null;
  today: string;
}

function initial(record: RecordFormProps["record"]) {
  const v: Record<string, string> = {
    collectiveIncome: record?.collectiveIncome === null || !record ? "" : String(record.collectiveIncome),
  };
  for (const f of FACILITIES) {
    v[`${f}Ok`] = record?.facilities[f].ok ? "true" : "false";
    v[`${f}On`] = record?.facilities[f].on ?? "";
    v[`${f}Note`] = record?.facilities[f].note ?? "";
  }
  return v;
}

export function VillageExitRecordForm({ villageId, year, record, today }: RecordFormProps) {
  const t = useTranslations("villageExit.record");
  const [id] = useState(() => record?.id ?? newId());
  const { values, set } = useFormValues(initial(record));
  const { state, dispatch, pending, fields } = useFormAction(saveVillageExitRecord, schemaOf<typeof saveVillageExitSchema>(), {
    idPrefix: "exit-",
    after: "refresh",
  });
  return (
    <form action={dispatch} noValidate className="space-y-4" data-testid="village-exit-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="villageId" value={villageId} />
      <input type="hidden" name="year" value={year} />
      {record && <input type="hidden" name="version" value={record.version} />}
      {FACILITIES.map((f) => (
        <FormSection key={f} title={t(`facilities.${f}`)}>
          <div className="grid gap-3 sm:grid-cols-3">
            <CheckField
              form={fields}
              name={`${f}Ok`}
              label={t("ok")}
              checked={values[`${f}Ok`] === "true"}
              onChange={(on) => set(`${f}Ok`, on ? "true" : "false")}
              value="true"
              data-testid={`exit-${f}-ok`}
            />
            <TextField
              form={fields}
              name={`${f}On`}
              type="date"
              label={t("on")}
              max={today}
              value={values[`${f}On`]}
              onChange={(v) => set(`${f}On`, v)}
              disabled={values[`${f}Ok`] !== "true"}
            />
            <TextField
              form={fields}
              name={`${f}Note`}
              label={t("note")}
              maxLength={200}
              value={values[`${f}Note`]}
              onChange={(v) => set(`${f}Note`, v)}
            />
          </div>
        </FormSection>
      ))}
      <TextField
        form={fields}
        name="collectiveIncome"
        label={t("collectiveIncome")}
        hint={t("collectiveIncomeHint")}
        inputMode="decimal"
        value={values.collectiveIncome}
        onChange={(v) => set("collectiveIncome", v)}
        data-testid="exit-collective-income"
      />
      <StatusLine state={state} testId="exit-record-status" />
      <SubmitButton pending={pending} pendingLabel={t("saving")} testId="exit-record-save">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
