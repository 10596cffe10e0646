"use client";
// The steps of a village's exit (decision 0051): the village proposes; the township reviews and the
// county approves and announces — each approving, or returning the exit to the village with the reason.
import { useTranslations } from "next-intl";
import { proposeVillageExitAction } from "@/lib/actions/village-exit/propose";
import { reviewVillageExitAction } from "@/lib/actions/village-exit/township-review";
import { approveVillageExitAction } from "@/lib/actions/village-exit/county-approve";
import type { proposeVillageExitSchema, reviewVillageExitSchema } from "@/lib/validation/village-exit";
import { StatusLine, SubmitButton, TextAreaField } from "@/components/ui/form";
import { schemaOf, useFormAction, useFormValues } from "@/components/ui/use-form-action";

export function ProposeForm({ exitId, version }: { exitId: string; version: number }) {
  const t = useTranslations("villageExit.actions");
  const { state, dispatch, pending } = useFormAction(proposeVillageExitAction, schemaOf<typeof proposeVillageExitSchema>(), {
    idPrefix: "exit-propose-",
    after: "refresh",
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

export function ReviewForm({ exitId, version, step }: { exitId: string; version: number; step: "township" | "county" }) {
  const t = useTranslations("villageExit.actions");
  const action = step === "township" ? reviewVillageExitAction : approveVillageExitAction;
  const { values, set } = useFormValues({ reason: "" });
  const { state, dispatch, pending, fields } = useFormAction(action, schemaOf<typeof reviewVillageExitSchema>(), {
    idPrefix: `exit-${step}-`,
    after: "refresh",
  });
  return (
    <form action={dispatch} noValidate className="space-y-3" data-testid={`exit-${step}-form`}>
      <input type="hidden" name="exitId" value={exitId} />
      <input type="hidden" name="version" value={version} />
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
