"use client";
// The small forms of the household page's visit panel: settle a visit's pending changes,
// and mark a follow-up resolved.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { confirmPending } from "@/lib/actions/visits/confirm-pending";
import { resolveFollowUp } from "@/lib/actions/visits/resolve-follow-up";
import type { confirmPendingSchema, resolveFollowUpSchema } from "@/lib/validation/visit";
import { Button, StatusLine, SubmitButton, TextAreaField } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";

export function PendingActions({ visitId, version }: { visitId: string; version: number }) {
  const t = useTranslations("visit.pending");
  const { state, dispatch, pending } = useFormAction(confirmPending, schemaOf<typeof confirmPendingSchema>());
  return (
    <form action={dispatch} className="mt-3">
      <input type="hidden" name="visitId" value={visitId} />
      <input type="hidden" name="baseVersion" value={version} />
      <div className="grid gap-2 sm:grid-cols-2">
        <SubmitButton pending={pending} name="decision" value="apply" size="lg">
          {t("apply")}
        </SubmitButton>
        <SubmitButton pending={pending} name="decision" value="discard" size="lg" tone="plain">
          {t("discard")}
        </SubmitButton>
      </div>
      <StatusLine state={state} className="mt-2" />
    </form>
  );
}

export function ResolveFollowUp({ followUpId }: { followUpId: string }) {
  const t = useTranslations("visit.followUps");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const { state, dispatch, pending, fields } = useFormAction(resolveFollowUp, schemaOf<typeof resolveFollowUpSchema>());
  if (!open) {
    return (
      <Button tone="plain" onClick={() => setOpen(true)}>
        {t("resolve")}
      </Button>
    );
  }
  return (
    <form action={dispatch} className="mt-2 w-full space-y-2">
      <input type="hidden" name="followUpId" value={followUpId} />
      <TextAreaField
        form={fields}
        name="resolution"
        label={t("resolution")}
        hint={t("resolutionHint")}
        rows={2}
        maxLength={1000}
        value={text}
        onChange={setText}
        required
      />
      <div className="flex gap-2">
        <SubmitButton pending={pending} className="flex-1" pendingLabel={t("resolving")}>
          {t("resolveSubmit")}
        </SubmitButton>
        <Button tone="plain" size="md" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
      <StatusLine state={state.ok ? { ok: true } : state} className="mt-2" />
    </form>
  );
}
