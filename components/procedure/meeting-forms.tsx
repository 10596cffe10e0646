"use client";
// The facilitator's controls for the meeting: create it, keep the assembly's roster, set the
// agenda, open it, record attendance and votes (roll call or secret ballot), close it with the
// minutes, and publish the first notice. The server decides every one; these only send.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { createMeetingAndOpen } from "@/lib/actions/meetings/create-meeting";
import { addRepresentative } from "@/lib/actions/meetings/add-representative";
import { setRepresentativeActive } from "@/lib/actions/meetings/set-representative-active";
import { addToAgenda } from "@/lib/actions/meetings/add-to-agenda";
import { openMeeting } from "@/lib/actions/meetings/open-meeting";
import { recordAttendance } from "@/lib/actions/meetings/record-attendance";
import { recordVote } from "@/lib/actions/meetings/record-vote";
import { recordSecretBallot } from "@/lib/actions/meetings/record-secret-ballot";
import { closeMeeting } from "@/lib/actions/meetings/close-meeting";
import { publishNotice } from "@/lib/actions/procedure/publish-notice";
import { Field, FieldErrors, StatusLine, SubmitButton, errorsAt, fieldId } from "@/components/ui/form";
import { newId } from "@/components/ui/new-id";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import type {
  addRepresentativeSchema,
  agendaSchema,
  attendanceSchema,
  closeMeetingSchema,
  createMeetingSchema,
  meetingIdSchema,
  publishNoticeSchema,
  secretBallotSchema,
  setRepresentativeActiveSchema,
  voteSchema,
} from "@/lib/validation/procedure";

export function NewMeetingForm({ today }: { today: string }) {
  const t = useTranslations("procedure.meeting");
  const [id] = useState(newId);
  // on success the action redirects to the new meeting's page
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(createMeetingAndOpen, schemaOf<typeof createMeetingSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
      <input type="hidden" name="id" value={id} />
      <Field form={fields} name="date" label={t("date")} required>
        {(a) => <input {...a} type="date" name="date" defaultValue={today} required />}
      </Field>
      <Field form={fields} name="place" label={t("place")} required>
        {(a) => <input {...a} name="place" defaultValue={t("defaultPlace")} maxLength={200} required />}
      </Field>
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
      <StatusLine state={state} className="sm:col-span-3" />
    </form>
  );
}

export function AddRepresentativeForm() {
  const t = useTranslations("procedure.reps");
  const [id, setId] = useState(newId);
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(addRepresentative, schemaOf<typeof addRepresentativeSchema>(), { after: "refresh", onSuccess: () => setId(newId()) });
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
      <input type="hidden" name="id" value={id} />
      <Field form={fields} name="name" label={t("name")} required>
        {(a) => <input {...a} name="name" maxLength={40} required />}
      </Field>
      <Field form={fields} name="phone" label={t("phone")}>
        {(a) => <input {...a} name="phone" inputMode="tel" maxLength={20} />}
      </Field>
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
      <StatusLine state={state} className="sm:col-span-3" />
    </form>
  );
}

export function RepresentativeToggle({ id, active, name }: { id: string; active: boolean; name: string }) {
  const t = useTranslations("procedure.reps");
  const {
    state,
    dispatch: formAction,
    pending,
  } = useFormAction(setRepresentativeActive, schemaOf<typeof setRepresentativeActiveSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="representativeId" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton pending={pending} tone="plain" label={`${active ? t("deactivate") : t("activate")} ${name}`}>
        {active ? t("deactivate") : t("activate")}
      </SubmitButton>
      {!state.ok && <StatusLine state={state} />}
    </form>
  );
}

/** On the meeting page: choose a proposal for this meeting's agenda. */
export function AgendaAddForm({ meetingId, options }: { meetingId: string; options: { id: string; label: string }[] }) {
  return <AgendaAdd meetingId={meetingId} options={options} />;
}

function AgendaAdd({
  meetingId,
  options,
  meetings,
  proposalId,
}: {
  meetingId?: string;
  options?: { id: string; label: string }[];
  meetings?: { id: string; label: string }[];
  proposalId?: string;
}) {
  const t = useTranslations("procedure.meeting");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(addToAgenda, schemaOf<typeof agendaSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
      {meetingId ? (
        <input type="hidden" name="meetingId" value={meetingId} />
      ) : (
        <Field form={fields} name="meetingId" label={t("whichMeeting")}>
          {(a) => (
            <select {...a} name="meetingId">
              {meetings?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {proposalId ? (
        <input type="hidden" name="proposalId" value={proposalId} />
      ) : (
        <Field form={fields} name="proposalId" label={t("addItem")}>
          {(a) => (
            <select {...a} name="proposalId">
              {options?.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
      <StatusLine state={state} className="sm:col-span-2" />
    </form>
  );
}

/** On the proposal page: choose the meeting whose agenda takes this proposal. */
export function AgendaAddForProposal({ proposalId, meetings }: { proposalId: string; meetings: { id: string; label: string }[] }) {
  return <AgendaAdd proposalId={proposalId} meetings={meetings} />;
}

export function OpenMeetingButton({ meetingId, roster }: { meetingId: string; roster: number }) {
  const t = useTranslations("procedure.meeting");
  const { state, dispatch: formAction, pending } = useFormAction(openMeeting, schemaOf<typeof meetingIdSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmitButton pending={pending} tone="green">
        {t("open", { roster })}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function AttendanceToggle({
  meetingId,
  representativeId,
  name,
  present,
}: {
  meetingId: string;
  representativeId: string;
  name: string;
  present: boolean;
}) {
  const t = useTranslations("procedure.meeting");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(recordAttendance, schemaOf<typeof attendanceSchema>(), { after: "refresh" });
  // refused because they voted: the reason, and the way to withdraw their votes (never silent)
  const hasVoted = !state.ok && Boolean(state.fieldErrors?.representativeId?.length || state.fieldErrors?.reason?.length) && present;
  return (
    <div>
      <form action={formAction}>
        <input type="hidden" name="meetingId" value={meetingId} />
        <input type="hidden" name="representativeId" value={representativeId} />
        <input type="hidden" name="present" value={present ? "false" : "true"} />
        <button
          type="submit"
          disabled={pending}
          aria-pressed={present}
          aria-label={`${name}：${present ? t("present") : t("absent")}`}
          className={`flex min-h-11 w-full items-center justify-between gap-2 rounded-lg border px-3 py-2 text-left text-sm ${present ? "border-emerald-600 bg-emerald-50 font-semibold text-emerald-900" : "border-stone-300 bg-white text-stone-600"} disabled:opacity-60`}
        >
          <span>{name}</span>
          <span aria-hidden>{present ? "✓ " + t("present") : t("absent")}</span>
        </button>
      </form>
      {!state.ok && <StatusLine state={state} className="mt-1" />}
      {hasVoted && (
        <form
          action={formAction}
          className="mt-1 space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-2"
          data-testid="withdraw-votes"
        >
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="representativeId" value={representativeId} />
          <input type="hidden" name="present" value="false" />
          <input type="hidden" name="withdrawVotes" value="true" />
          <Field form={fields} name="reason" label={t("withdrawReason")}>
            {(a) => <input {...a} name="reason" maxLength={500} />}
          </Field>
          <SubmitButton pending={pending} tone="danger" className="w-full">
            {t("withdrawAndAbsent")}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}

export function AllPresentButton({ meetingId }: { meetingId: string }) {
  const t = useTranslations("procedure.meeting");
  const {
    state,
    dispatch: formAction,
    pending,
  } = useFormAction(recordAttendance, schemaOf<typeof attendanceSchema>(), { after: "refresh" });
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="representativeId" value="all" />
      <input type="hidden" name="present" value="true" />
      <SubmitButton pending={pending} tone="plain">
        {t("allPresent")}
      </SubmitButton>
      {!state.ok && <StatusLine state={state} />}
    </form>
  );
}

/**
 * One attending representative's vote on one item: three buttons, or the vote recorded — which
 * may be corrected (a mis-tap) while the meeting is open; the correction is kept in the history.
 */
export function VoteButtons({
  meetingId,
  agendaItemId,
  representativeId,
  name,
  recorded,
}: {
  meetingId: string;
  agendaItemId: string;
  representativeId: string;
  name: string;
  recorded: "yes" | "no" | "abstain" | null;
}) {
  const t = useTranslations("procedure");
  const [id] = useState(newId);
  const [correcting, setCorrecting] = useState(false);
  const {
    state,
    dispatch: formAction,
    pending,
  } = useFormAction(recordVote, schemaOf<typeof voteSchema>(), { after: "refresh", onSuccess: () => setCorrecting(false) });
  const tone = { yes: "bg-emerald-700 text-white", no: "bg-red-700 text-white", abstain: "bg-stone-600 text-white" } as const;
  const choosing = !recorded || correcting;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 py-1.5" data-testid="vote-row">
      <span className="min-w-24 font-medium">{name}</span>
      {recorded && <span className={`rounded-full px-3 py-1 text-sm font-semibold ${tone[recorded]}`}>{t(`choice.${recorded}`)}</span>}
      {recorded && !correcting && (
        <button
          type="button"
          onClick={() => setCorrecting(true)}
          className="min-h-11 rounded-lg px-3 text-sm underline"
          aria-label={`${t("meeting.correctVote")} ${name}`}
        >
          {t("meeting.correctVote")}
        </button>
      )}
      {choosing && (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="meetingId" value={meetingId} />
          <input type="hidden" name="agendaItemId" value={agendaItemId} />
          <input type="hidden" name="representativeId" value={representativeId} />
          {recorded && <input type="hidden" name="correct" value="true" />}
          {recorded && <span className="text-sm text-stone-600">{t("meeting.correctTo")}</span>}
          {(["yes", "no", "abstain"] as const)
            .filter((c) => c !== recorded)
            .map((c) => (
              <SubmitButton
                key={c}
                pending={pending}
                tone={c === "yes" ? "green" : c === "no" ? "danger" : "plain"}
                name="choice"
                value={c}
                label={`${name} ${t(`choice.${c}`)}`}
                className="min-w-16"
              >
                {t(`choice.${c}`)}
              </SubmitButton>
            ))}
          {recorded && (
            <button type="button" onClick={() => setCorrecting(false)} className="min-h-11 rounded-lg px-3 text-sm underline">
              {t("meeting.cancel")}
            </button>
          )}
        </>
      )}
      {!state.ok && <StatusLine state={state} className="w-full" />}
    </form>
  );
}

/**
 * The counts of a secret ballot. The numbers typed stay in the boxes whatever the server answers
 * (controlled inputs: a form action would otherwise reset them), a sum that does not match the
 * attendance is said once (the three boxes are only marked), and nothing is blocked by the
 * browser's own required check: the server names what is wrong.
 */
export function SecretBallotForm({
  meetingId,
  agendaItemId,
  attending,
  current,
}: {
  meetingId: string;
  agendaItemId: string;
  attending: number;
  current: { yes: number; no: number; abstain: number } | null;
}) {
  const t = useTranslations("procedure");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(recordSecretBallot, schemaOf<typeof secretBallotSchema>(), { after: "refresh" });
  const [v, setV] = useState({
    yes: current ? String(current.yes) : "",
    no: current ? String(current.no) : "",
    abstain: current ? String(current.abstain) : "",
  });
  const fe = state.ok ? undefined : state.fieldErrors;
  // one message for the three boxes (the sum): shown once, in the status line
  const sumOnly = !state.ok && (["yes", "no", "abstain"] as const).every((c) => fe?.[c]?.[0] === state.message);
  const sum = [v.yes, v.no, v.abstain].every((x) => /^\d+$/.test(x)) ? Number(v.yes) + Number(v.no) + Number(v.abstain) : null;
  return (
    <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-4 sm:items-end" data-testid="secret-ballot">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="agendaItemId" value={agendaItemId} />
      {(["yes", "no", "abstain"] as const).map((c) => (
        <Field key={c} form={sumOnly ? { ...fields, errors: undefined } : fields} name={c} label={t(`choice.${c}`)} required>
          {(a) => (
            <input
              {...a}
              aria-invalid={a["aria-invalid"] || Boolean(sumOnly)}
              name={c}
              type="number"
              min={0}
              max={attending}
              step={1}
              inputMode="numeric"
              value={v[c]}
              onChange={(e) => setV((cur) => ({ ...cur, [c]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <SubmitButton pending={pending}>{t("meeting.saveCounts")}</SubmitButton>
      <p className="text-xs text-stone-600 sm:col-span-4" aria-live="polite">
        {t("meeting.secretHint", { attending })}
        {sum !== null && (
          <span className={`ml-2 font-semibold ${sum === attending ? "text-emerald-800" : "text-red-800"}`}>
            {t("meeting.sumSoFar", { sum, attending })}
          </span>
        )}
      </p>
      <StatusLine state={state} className="sm:col-span-4" />
    </form>
  );
}

export function CloseMeetingForm({ meetingId }: { meetingId: string }) {
  const t = useTranslations("procedure.meeting");
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(closeMeeting, schemaOf<typeof closeMeetingSchema>(), { after: "refresh" });
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      <Field form={fields} name="minutes" label={t("minutes")} hint={t("minutesHint")} required>
        {(a) => <textarea {...a} name="minutes" rows={5} maxLength={20000} required />}
      </Field>
      <Field form={fields} name="scan" label={t("scan")} hint={t("scanHint")}>
        {(a) => <input {...a} name="scan" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />}
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1 h-5 w-5" checked={confirming} onChange={(e) => setConfirming(e.target.checked)} />
        <span>{t("closeConfirm")}</span>
      </label>
      <SubmitButton pending={pending || !confirming} tone="danger">
        {t("close")}
      </SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}

export function PublishNoticeForm({
  meetingId,
  meetingDate,
  today,
  items,
}: {
  meetingId: string;
  meetingDate: string;
  today: string;
  items: { id: string; label: string }[];
}) {
  const t = useTranslations("procedure.meeting");
  const [id, setId] = useState(newId);
  const {
    state,
    dispatch: formAction,
    pending,
    fields,
  } = useFormAction(publishNotice, schemaOf<typeof publishNoticeSchema>(), { after: "refresh", onSuccess: () => setId(newId()) });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset>
        <legend className="text-sm font-medium">{t("noticeItems")}</legend>
        <ul className="mt-1 space-y-1">
          {items.map((i) => (
            <li key={i.id}>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="proposalIds" value={i.id} defaultChecked className="h-5 w-5" />
                {i.label}
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id={fieldId(fields.idPrefix, "proposalIds")} errors={errorsAt(fields, "proposalIds")} />
      </fieldset>
      <Field form={fields} name="startDate" label={t("noticeStart")} hint={t("noticeStartHint", { from: meetingDate, to: today })} required>
        {(a) => <input {...a} type="date" name="startDate" defaultValue={today} min={meetingDate} max={today} required />}
      </Field>
      <SubmitButton pending={pending}>{t("publish")}</SubmitButton>
      <StatusLine state={state} />
    </form>
  );
}
