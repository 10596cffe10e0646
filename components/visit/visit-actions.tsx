"use client";
// The small forms of the household page's visit panel: settle a visit's pending changes,
// and mark a follow-up resolved.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { confirmPending } from "@/lib/actions/visits/confirm-pending";
import { resolveFollowUp } from "@/lib/actions/visits/resolve-follow-up";
import { initialActionState } from "@/lib/actions/result";

function Status({ ok, message }: { ok: boolean; message?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={message ? `mt-2 rounded px-3 py-2 text-sm ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}` : "sr-only"}
    >
      {message}
    </p>
  );
}

export function PendingActions({ visitId, version }: { visitId: string; version: number }) {
  const t = useTranslations("visit.pending");
  const [state, action, pending] = useActionState(confirmPending, initialActionState);
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="visitId" value={visitId} />
      <input type="hidden" name="baseVersion" value={version} />
      <div className="grid gap-2 sm:grid-cols-2">
        <button
          name="decision"
          value="apply"
          disabled={pending}
          className="min-h-12 rounded-lg bg-brand-700 px-4 font-semibold text-white disabled:opacity-60"
        >
          {t("apply")}
        </button>
        <button
          name="decision"
          value="discard"
          disabled={pending}
          className="min-h-12 rounded-lg border border-stone-400 bg-white px-4 font-medium disabled:opacity-60"
        >
          {t("discard")}
        </button>
      </div>
      <Status ok={state.ok} message={state.message} />
    </form>
  );
}

export function ResolveFollowUp({ followUpId }: { followUpId: string }) {
  const t = useTranslations("visit.followUps");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [state, action, pending] = useActionState(resolveFollowUp, initialActionState);
  const id = useId();
  const errors = !state.ok ? state.fieldErrors?.resolution : undefined;
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium"
      >
        {t("resolve")}
      </button>
    );
  }
  return (
    <form action={action} className="mt-2 w-full space-y-2">
      <input type="hidden" name="followUpId" value={followUpId} />
      <label htmlFor={id} className="block text-sm font-medium">
        {t("resolution")}
      </label>
      <textarea
        id={id}
        name="resolution"
        rows={2}
        maxLength={1000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required
        aria-invalid={Boolean(errors)}
        aria-describedby={`${id}-hint${errors ? ` ${id}-error` : ""}`}
        className="block min-h-11 w-full rounded-lg border border-stone-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600"
      />
      <p id={`${id}-hint`} className="text-xs text-stone-600">
        {t("resolutionHint")}
      </p>
      {errors && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      )}
      <div className="flex gap-2">
        <button disabled={pending} className="min-h-11 flex-1 rounded-lg bg-brand-700 px-3 font-semibold text-white disabled:opacity-60">
          {pending ? t("resolving") : t("resolveSubmit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="min-h-11 rounded-lg border border-stone-300 px-3">
          {t("cancel")}
        </button>
      </div>
      <Status ok={state.ok} message={state.ok ? undefined : state.message} />
    </form>
  );
}
