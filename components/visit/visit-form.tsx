"use client";
// Log a visit, on a 360-pixel phone with a weak signal. Everything the household already has
// is pre-filled; only what differs is sent (diffFacts). The visit id is made on the device
// when the form opens, so a retry after a dropped connection stores the visit once. The
// same schema checks the input here and on the server; what the cadre typed stays.
// Without a signal (the browser is offline, or the request does not get through) the visit is
// kept in the phone's outbox under that same id and sent later by the same action.
import { startTransition, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { logVisit } from "@/lib/actions/visits/log-visit";
import type { ActionResult } from "@/lib/actions/result";
import type { VisitOutcome } from "@/lib/data/visits/log-visit";
import { VISIT_MODES } from "@/lib/validation/visit-constants";
import { diffFacts, draftFilled, type HouseholdFacts } from "@/lib/validation/visit-facts";
import type { visitSchema } from "@/lib/validation/visit";
import {
  Button,
  ErrorSummary,
  FormSection as Section,
  RadioCardsField,
  SubmitBar,
  TextAreaField,
  TextField,
  formFields,
  issuesToErrors,
  type ErrorMap,
} from "@/components/ui/form";
import { newId } from "@/components/ui/new-id";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { openSectionsWithErrors } from "./fact-fields";
import { FactSections } from "./fact-sections";
import type { DraftRow } from "./member-fields";
import { EvidencePicker, type EvidenceItem } from "./evidence-picker";
import { Confirmation, LocationConsent, useLocation } from "./proof-fields";
import type { SignaturePadHandle } from "@/components/signature/signature-pad";
import { indexIn, sentRows, useErrorLabels } from "./error-labels";
import { labelFor } from "@/lib/offline/current-user";
import { QueuedResult } from "@/components/offline/queued-result";
import { chinaDay } from "@/lib/domain/china-time";
import { addDays } from "@/lib/domain/working-days";
import { PlanProgress, type VisitPlan } from "./plan-progress";
import { idleModule } from "@/components/lazy/idle-module";

/** Today in China as the device's clock sees it (a page kept offline carries the day it was fetched). */
const deviceToday = () => chinaDay(new Date());

const noSubscription = () => () => {};

export interface VisitFormProps {
  householdId: string;
  baseVersion: number;
  today: string;
  /** first day of the cadre's current assignment (YYYY-MM-DD) */
  minDate: string | null;
  facts: HouseholdFacts;
  /** this year's plan (一户一策), its open steps to mark on the visit */
  plan?: VisitPlan | null;
}

/** the answer's page (stored, or a conflict): fetched once the page is idle, like the schema */
const resultModule = idleModule(() => import("./visit-result"));

/** lib/validation/visit.ts on demand (one fetch; the same promise after). */
let schemaModule: Promise<typeof import("@/lib/validation/visit")> | null = null;
function loadSchema() {
  schemaModule ??= import("@/lib/validation/visit").catch((e) => {
    schemaModule = null;
    throw e;
  });
  return schemaModule;
}

export function VisitForm({ householdId, baseVersion, today: pageToday, minDate, facts: base, plan }: VisitFormProps) {
  const t = useTranslations();
  const tv = useTranslations("validation");
  const queue = async (payload: Record<string, unknown>): Promise<ActionResult<VisitOutcome>> => {
    try {
      // loaded when needed (the outbox bar has usually loaded it already)
      const { queueVisit } = await import("@/lib/offline/outbox");
      await queueVisit(payload, labelFor(householdId));
      return { ok: false, code: "queued", message: t("offline.queued.title") };
    } catch {
      return { ok: false, code: "network", message: t("offline.queued.failed") };
    }
  };
  const send = async (
    prev: ActionResult<VisitOutcome> | undefined,
    payload: Record<string, unknown>,
  ): Promise<ActionResult<VisitOutcome>> => {
    if (!navigator.onLine) return queue(payload);
    try {
      return await logVisit(prev, payload);
    } catch {
      // no answer: kept on the phone; if the server did store it, the resend is answered as a replay
      return queue(payload);
    }
  };
  // the server's answer: field errors next to their fields (what was typed stays), as the action settles
  const { state, dispatch, pending } = useFormAction(send, schemaOf<typeof visitSchema>(), {
    onFailure: (r) => {
      if (!r.ok && r.fieldErrors) showErrors(r.fieldErrors);
      else if (!r.ok && r.code !== "conflict" && r.code !== "queued") requestAnimationFrame(() => summary.current?.focus());
    },
  });

  // a page opened from the phone's cache may be days old: the device's day, when later, is today
  // (the server's day while the page hydrates, then the device's)
  const deviceDay = useSyncExternalStore(noSubscription, deviceToday, () => pageToday);
  const today = deviceDay > pageToday ? deviceDay : pageToday;
  // the page works once hydrated (before, a tap would send nothing)
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // the visit's id, made on the device at the first submission and kept for every retry, so a
  // retry after a dropped connection stores the visit once
  const visitId = useRef<string | null>(null);
  const seq = useRef(0);
  const newKey = () => `k${++seq.current}`;

  // the date follows "today" until the cadre picks one
  const [pickedDate, setDate] = useState<string | null>(null);
  const date = pickedDate ?? today;
  const [mode, setMode] = useState<(typeof VISIT_MODES)[number]>("home");
  const [findings, setFindings] = useState("");
  const [problems, setProblems] = useState("");
  const [actionsTaken, setActionsTaken] = useState("");
  const [followUps, setFollowUps] = useState<{ key: string; description: string; dueDate: string }[]>([]);
  const [planProgress, setPlanProgress] = useState<string[]>([]);
  const [facts, setFacts] = useState<HouseholdFacts>(base);
  const [drafts, setDrafts] = useState<DraftRow[]>([]);
  const [evidence, setEvidence] = useState<EvidenceItem[]>([]);
  const [consent, setConsent] = useState(false);
  const loc = useLocation();
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const [readBack, setReadBack] = useState(false);
  const [open, setOpen] = useState({ indicators: false, income: false, members: false, newMembers: false });
  const [errors, setErrors] = useState<ErrorMap>({});
  const [notice, setNotice] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const result = resultModule.useModule();
  // the schema (zod) is not part of the page's first load: fetched once the page is idle (so it
  // is there, kept by the service worker, before the cadre loses the signal), awaited at submit
  useEffect(() => {
    const warm = () => void loadSchema().catch(() => {});
    if ("requestIdleCallback" in window) {
      const id = requestIdleCallback(warm, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(warm, 1000);
    return () => clearTimeout(id);
  }, []);
  // the rows sent (changed members, filled new members, ready photos) in order: each row's fields
  // are named by its index there, which is where the schema's and the server's errors point
  const updates = diffFacts(base, facts, drafts);
  const ready = evidence.filter((x) => x.status === "ready" && x.file);
  const sent = sentRows(
    updates,
    drafts.filter(draftFilled).map((d) => d.key),
    ready.map((x) => x.key),
  );
  const fields = formFields<typeof visitSchema>("f-", errors);
  const labelOf = useErrorLabels("updates.", facts, drafts, evidence, sent);

  function showErrors(map: ErrorMap) {
    setErrors(map);
    setOpen((o) => openSectionsWithErrors(o, Object.keys(map), "updates."));
    requestAnimationFrame(() => summary.current?.focus());
  }

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (evidence.some((x) => x.status === "processing")) return setNotice(t("visit.waitFiles"));
    const signature = mode === "home" && signed ? await pad.current?.toBlob() : null;
    visitId.current ??= newId();
    const located = mode === "home" && consent && loc.location ? loc.location : null;
    const payload: Record<string, unknown> = {
      clientVisitId: visitId.current,
      householdId,
      baseVersion,
      date,
      mode,
      findings,
      problems,
      actionsTaken,
      followUps: followUps.map(({ description, dueDate }) => ({ description, dueDate })),
      locationConsent: mode === "home" && consent,
      location: located,
      confirmation: signature ? "signature" : readBack ? "read_back" : undefined,
      signature: signature ?? undefined,
      updates,
      evidence: ready.map((x) => ({ file: x.file, indicator: x.indicator })),
      planProgress,
    };
    let check;
    try {
      check = (await loadSchema()).makeVisitSchema(() => today).safeParse(payload);
    } catch {
      // the check's code could not be fetched (no signal before it was kept): the server checks it
      check = { success: true as const };
    }
    if (!check.success) {
      const map = issuesToErrors(check.error.issues, (k) => tv(k), t("errors.invalid"));
      // an empty required choice says "required", not "not an allowed value"
      sent.newMembers.forEach((key, i) => {
        const d = drafts.find((x) => x.key === key)!;
        for (const f of ["name", "sex", "birthDate", "relation"] as const)
          if (map[`updates.newMembers.${i}.${f}`] && !d[f].trim()) map[`updates.newMembers.${i}.${f}`] = [tv("required")];
      });
      return showErrors(map);
    }
    setErrors({});
    startTransition(() => dispatch(payload));
  };

  // (were its code not there yet, the answer's message stands until it is)
  const VisitResult = result.mod?.VisitResult;
  if (state.ok && state.data)
    return VisitResult ? (
      <VisitResult householdId={householdId} outcome={state.data} message={state.message ?? ""} conflict={false} />
    ) : (
      <p role="status">{state.message}</p>
    );
  if (!state.ok && state.code === "conflict")
    return VisitResult ? <VisitResult householdId={householdId} message={state.message} conflict /> : <p role="status">{state.message}</p>;
  if (!state.ok && state.code === "queued") return <QueuedResult />;

  const failed = !state.ok && state.code !== "conflict" ? state.message : null;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <Section title={t("visit.sections.basics")}>
        <TextField
          form={fields}
          name={"date"}
          type="date"
          label={t("visit.fields.date")}
          value={date}
          onChange={setDate}
          max={today}
          min={minDate ?? undefined}
          required
          hint={minDate ? t("visit.fields.dateHint", { today, from: minDate }) : t("visit.fields.dateHintNoFrom", { today })}
        />
        <RadioCardsField
          form={fields}
          name="mode"
          label={t("visit.fields.mode")}
          value={mode}
          onChange={(v) => setMode(v as typeof mode)}
          options={VISIT_MODES.map((m) => ({ value: m, label: t(`visit.mode.${m}`), sub: t(`visit.mode.${m}Hint`) }))}
        />
      </Section>

      <Section title={t("visit.sections.notes")}>
        <TextAreaField
          form={fields}
          name={"findings"}
          label={t("visit.fields.findings")}
          value={findings}
          onChange={setFindings}
          required
          rows={4}
          maxLength={4000}
          hint={t("visit.fields.findingsHint")}
        />
        <TextAreaField
          form={fields}
          name={"problems"}
          label={t("visit.fields.problems")}
          value={problems}
          onChange={setProblems}
          maxLength={4000}
        />
        <TextAreaField
          form={fields}
          name={"actionsTaken"}
          label={t("visit.fields.actionsTaken")}
          value={actionsTaken}
          onChange={setActionsTaken}
          maxLength={4000}
        />
      </Section>

      <Section title={t("visit.sections.followUps")} hint={t("visit.followUps.hint")}>
        {followUps.map((f, i) => (
          <fieldset key={f.key} className="rounded-lg border border-stone-200 p-3">
            <legend className="px-1 font-semibold">{t("visit.followUps.item", { n: i + 1 })}</legend>
            <div className="grid gap-3">
              <TextAreaField
                form={fields}
                name={`followUps.${i}.description`}
                label={t("visit.followUps.description")}
                value={f.description}
                rows={2}
                maxLength={500}
                required
                onChange={(v) => setFollowUps((cur) => cur.map((x) => (x.key === f.key ? { ...x, description: v } : x)))}
              />
              <TextField
                form={fields}
                name={`followUps.${i}.dueDate`}
                type="date"
                label={t("visit.followUps.dueDate")}
                value={f.dueDate}
                min={date}
                required
                onChange={(v) => setFollowUps((cur) => cur.map((x) => (x.key === f.key ? { ...x, dueDate: v } : x)))}
              />
              <div>
                <Button tone="dangerQuiet" onClick={() => setFollowUps((cur) => cur.filter((x) => x.key !== f.key))}>
                  {t("visit.followUps.remove", { n: i + 1 })}
                </Button>
              </div>
            </div>
          </fieldset>
        ))}
        <Button onClick={() => setFollowUps((cur) => [...cur, { key: newKey(), description: "", dueDate: addDays(date || today, 7) }])}>
          + {t("visit.followUps.add")}
        </Button>
      </Section>

      {plan && (
        <Section title={t("plan.plan.visitTitle")}>
          <PlanProgress plan={plan} marked={planProgress} setMarked={setPlanProgress} />
        </Section>
      )}

      <Section title={t("visit.sections.updates")} hint={t("visit.sections.updatesHint")}>
        <FactSections
          form={fields}
          at="updates."
          titles={{
            indicators: t("visit.updates.indicators"),
            income: t("visit.updates.income"),
            members: t("visit.updates.members"),
            newMembers: t("visit.updates.newMembers"),
          }}
          base={base}
          facts={facts}
          setFacts={setFacts}
          drafts={drafts}
          setDrafts={setDrafts}
          open={open}
          setOpen={setOpen}
          sent={sent}
          newKey={newKey}
        />
      </Section>

      <Section title={t("visit.sections.evidence")}>
        <EvidencePicker form={fields} sentIndex={indexIn(sent.evidence)} items={evidence} setItems={setEvidence} newKey={newKey} />
      </Section>

      <Section title={t("visit.sections.proof")}>
        {mode === "home" && <LocationConsent consent={consent} setConsent={setConsent} loc={loc} form={fields} />}
        <Confirmation
          mode={mode}
          pad={pad}
          signed={signed}
          setSigned={setSigned}
          readBack={readBack}
          setReadBack={setReadBack}
          form={fields}
        />
      </Section>

      <ErrorSummary
        ref={summary}
        title={t("visit.errorSummary", { count: Object.keys(errors).length })}
        message={notice ?? failed}
        errors={errors}
        idPrefix={fields.idPrefix}
        labelOf={labelOf}
        targetOf={(k) => (k === "signature" ? "confirmation" : k)}
        separator={t("visit.errorSep")}
      />

      <SubmitBar pending={pending} disabled={!hydrated} label={t("visit.submit")} pendingLabel={t("visit.saving")} />
    </form>
  );
}
