"use client";
// The steps of a village's exit (decision 0051): the village proposes; the township reviews and the
// county approves and announces — each approving, or returning the exit to the village with the
// reason; the county judges the collective income (met / not met, with a note) as it decides. Each
// form leaves the page once it succeeds, so its message is flashed to the page's status region.
import { useTranslations } from "next-intl";
import { proposeVillageExitAction } from "@/lib/actions/village-exit/propose";
import { reviewVillageExitAction } from "@/lib/actions/village-exit/township-review";
import { approveVillageExitAction } from "@/lib/actions/village-exit/county-approve";
import type { approveVillageExitSchema, proposeVillageExitSchema } from "@/lib/validation/village-exit";
import { RadioCardsField, StatusLine, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";

export function ProposeForm({ exitId, version }: { exitId: string; version: number }) {
  const t = useTranslations("villageExit.actions");
  const { state, dispatch, pending } = useFormAction(proposeVillageExitAction, schemaOf<typeof proposeVillageExitSchema>(), {
    idPrefix: "exit-propose-",
    after: "refresh",
    flash: true,
  });
  return (
    <form action={dispatch} noValidate className="space-y-2" data-testid="exit-propose-form">
      <input type="hidden" name="exitId" value={exitId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-stone-600">{t("proposeHint")}</p>
      <StatusLine state={state} testId="exit-propose-status" />
      <SubmitButton pending={pending} pendingLabel={t("proposing")} testId="exit-propose">
        {t("propose")}
      </SubmitButton>
    </form>
  );
}

export function ReviewForm({
  exitId,
  version,
  step,
  income = null,
}: {
  exitId: string;
  version: number;
  step: "township" | "county";
  /** the county's form: the collective income recorded (formatted yuan), for its judgment */
  income?: string | null;
}) {
  const t = useTranslations("villageExit.actions");
  const tj = useTranslations("villageExit.judgment");
  const action = step === "township" ? reviewVillageExitAction : approveVillageExitAction;
  const { values, set } = useFormValues({ reason: "", incomeJudgment: "", incomeNote: "" });
  const { state, dispatch, pending, fields } = useFormAction(action, schemaOf<typeof approveVillageExitSchema>(), {
    idPrefix: `exit-${step}-`,
    after: "refresh",
    flash: true,
  });
  return (
    <form action={dispatch} noValidate className="space-y-3" data-testid={`exit-${step}-form`}>
      <input type="hidden" name="exitId" value={exitId} />
      <input type="hidden" name="version" value={version} />
      {step === "county" && (
        <div className="space-y-3 rounded-lg border border-stone-200 p-3" data-testid="exit-income-judgment-form">
          <RadioCardsField
            form={fields}
            name="incomeJudgment"
            label={tj("legend")}
            hint={income === null ? undefined : tj("recordedIncome", { income })}
            value={values.incomeJudgment}
            onChange={(v) => set("incomeJudgment", v)}
            columns={2}
            options={[
              { value: "met", label: tj("met") },
              { value: "not_met", label: tj("not_met") },
            ]}
          />
          <TextField
            form={fields}
            name="incomeNote"
            label={tj("note")}
            hint={tj("noteHint")}
            maxLength={200}
            value={values.incomeNote}
            onChange={(v) => set("incomeNote", v)}
            data-testid="exit-income-note"
          />
        </div>
      )}
      <TextAreaField
        form={fields}
        name="reason"
        label={t("reason")}
        rows={3}
        maxLength={500}
        value={values.reason}
        onChange={(v) => set("reason", v)}
      />
      <StatusLine state={state} testId={`exit-${step}-status`} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} name="decision" value="approve" testId={`exit-${step}-approve`}>
          {step === "township" ? t("approve") : t("countyApprove")}
        </SubmitButton>
        <SubmitButton pending={pending} name="decision" value="return" tone="plain" testId={`exit-${step}-return`}>
          {t("returnIt")}
        </SubmitButton>
      </div>
    </form>
  );
}
