"use client";
// Log a visit, on a 360-pixel phone with a weak signal. Everything the household already has
// is pre-filled; only what differs is sent (diffFacts). The visit id is made on the device
// when the form opens, so a retry after a dropped connection stores the visit once. The
// same schema checks the input here and on the server; what the cadre typed stays.
// Without a signal (the browser is offline, or the request does not get through) the visit is
// kept in the phone's outbox under that same id and sent later by the same action.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { logVisit } from "@/lib/actions/visits/log-visit";
import { initialActionState, type ActionResult } from "@/lib/actions/result";
import type { VisitOutcome } from "@/lib/data/visits/log-visit";
import { VISIT_MODES } from "@/lib/validation/visit-constants";
import { diffFacts, draftFilled, type HouseholdFacts } from "@/lib/validation/visit-facts";
import { RadioCards, Section, SmallButton, TextArea, TextInput, fieldId } from "./form-parts";
import { Collapsible, IncomeFields, IndicatorFields, countChanged, openSectionsWithErrors, type ErrorMap } from "./fact-fields";
import { MemberChanges, NewMembers, type DraftRow } from "./member-fields";
import { EvidencePicker, type EvidenceItem } from "./evidence-picker";
import { Confirmation, LocationConsent, useLocation } from "./proof-fields";
import type { SignaturePadHandle } from "@/components/signature/signature-pad";
import { VisitResult } from "./visit-result";
import { useErrorLabels } from "./error-labels";
import { labelFor } from "@/lib/offline/current-user";
import { QueuedResult } from "@/components/offline/queued-result";
import { validationKey } from "@/i18n/keys";

/** crypto.randomUUID needs a secure context; a phone on the LAN over http has only getRandomValues. */
function deviceUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Today in China as the device's clock sees it (a page kept offline carries the day it was fetched). */
const deviceToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Sent {
  members: string[];
  newMembers: string[];
  evidence: string[];
}

/** Server and schema error paths → the keys the form's fields use. */
function normalize(raw: Record<string, string[]>, sent: Sent): ErrorMap {
  const out: ErrorMap = {};
  for (const [path, msgs] of Object.entries(raw)) {
    let key = path;
    let m: RegExpExecArray | null;
    if ((m = /^updates\.members\.(\d+)(?:\.(\w+))?/.exec(path)))
      key = `member.${sent.members[Number(m[1])] ?? "?"}${m[2] ? `.${m[2]}` : ""}`;
    else if ((m = /^members\.([0-9a-f-]{36})/.exec(path))) key = `member.${m[1]}`;
    else if ((m = /^updates\.newMembers\.(\d+)(?:\.(\w+))?/.exec(path)))
      key = `newMember.${sent.newMembers[Number(m[1])] ?? "?"}.${m[2] ?? "name"}`;
    else if ((m = /^evidence\.(\d+)/.exec(path))) key = `evidence.${sent.evidence[Number(m[1])] ?? "?"}.file`;
    const list = (out[key] ??= []);
    for (const msg of msgs) if (!list.includes(msg)) list.push(msg);
  }
  return out;
}

export interface VisitFormProps {
  householdId: string;
  baseVersion: number;
  today: string;
  /** first day of the cadre's current assignment (YYYY-MM-DD) */
  minDate: string | null;
  facts: HouseholdFacts;
}

/** lib/validation/visit.ts on demand (one fetch; the same promise after). */
let schemaModule: Promise<typeof import("@/lib/validation/visit")> | null = null;
function loadSchema() {
  schemaModule ??= import("@/lib/validation/visit").catch((e) => {
    schemaModule = null;
    throw e;
  });
  return schemaModule;
}

export function VisitForm({ householdId, baseVersion, today: pageToday, minDate, facts: base }: VisitFormProps) {
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
  const [state, dispatch, pending] = useActionState<ActionResult<VisitOutcome>, Record<string, unknown>>(async (prev, payload) => {
    if (!navigator.onLine) return queue(payload);
    try {
      return await logVisit(prev, payload);
    } catch {
      // no answer: kept on the phone; if the server did store it, the resend is answered as a replay
      return queue(payload);
    }
  }, initialActionState);

  // a page opened from the phone's cache may be days old: the device's day, when later, is today
  const [today, setToday] = useState(pageToday);
  useEffect(() => {
    const d = deviceToday();
    if (d > pageToday) {
      setToday(d);
      setDate((cur) => (cur === pageToday ? d : cur));
    }
  }, [pageToday]);

  const [visitId, setVisitId] = useState("");
  useEffect(() => setVisitId(deviceUuid()), []);
  const seq = useRef(0);
  const newKey = () => `k${++seq.current}`;

  const [date, setDate] = useState(today);
  const [mode, setMode] = useState<(typeof VISIT_MODES)[number]>("home");
  const [findings, setFindings] = useState("");
  const [problems, setProblems] = useState("");
  const [actionsTaken, setActionsTaken] = useState("");
  const [followUps, setFollowUps] = useState<{ key: string; description: string; dueDate: string }[]>([]);
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
  const sent = useRef<Sent>({ members: [], newMembers: [], evidence: [] });
  const summary = useRef<HTMLDivElement>(null);
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
  const labelOf = useErrorLabels(facts, drafts, evidence);

  const showErrors = (map: ErrorMap) => {
    setErrors(map);
    setOpen((o) => openSectionsWithErrors(o, Object.keys(map)));
    requestAnimationFrame(() => summary.current?.focus());
  };

  // the server's answer: field errors next to their fields (what was typed stays)
  useEffect(() => {
    if (!state.ok && state.fieldErrors) showErrors(normalize(state.fieldErrors, sent.current));
    else if (!state.ok && state.code !== "conflict" && state.code !== "queued") requestAnimationFrame(() => summary.current?.focus());
  }, [state]);

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (evidence.some((x) => x.status === "processing")) return setNotice(t("visit.waitFiles"));
    const ready = evidence.filter((x) => x.status === "ready" && x.file);
    const signature = mode === "home" && signed ? await pad.current?.toBlob() : null;
    const updates = diffFacts(base, facts, drafts);
    sent.current = {
      members: (updates?.members ?? []).map((m) => String(m.id)),
      newMembers: drafts.filter(draftFilled).map((d) => d.key),
      evidence: ready.map((x) => x.key),
    };
    const located = mode === "home" && consent && loc.location ? loc.location : null;
    const payload: Record<string, unknown> = {
      clientVisitId: visitId,
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
    };
    let check;
    try {
      check = (await loadSchema()).makeVisitSchema(() => today).safeParse(payload);
    } catch {
      // the check's code could not be fetched (no signal before it was kept): the server checks it
      check = { success: true as const };
    }
    if (!check.success) {
      const raw: Record<string, string[]> = {};
      for (const issue of check.error.issues) {
        const path = issue.path.map(String).join(".") || "_form";
        const key = validationKey(issue.message);
        (raw[path] ??= []).push(key ? tv(key) : t("errors.invalid"));
      }
      const map = normalize(raw, sent.current);
      // an empty required choice says "required", not "not an allowed value"
      for (const d of drafts)
        for (const f of ["name", "sex", "birthDate", "relation"] as const) {
          if (map[`newMember.${d.key}.${f}`] && !d[f].trim()) map[`newMember.${d.key}.${f}`] = [tv("required")];
        }
      return showErrors(map);
    }
    setErrors({});
    startTransition(() => dispatch(payload));
  };

  if (state.ok && state.data)
    return <VisitResult householdId={householdId} outcome={state.data} message={state.message ?? ""} conflict={false} />;
  if (!state.ok && state.code === "conflict") return <VisitResult householdId={householdId} message={state.message} conflict />;
  if (!state.ok && state.code === "queued") return <QueuedResult />;

  const errorList = Object.entries(errors);
  const failed = !state.ok && state.code !== "conflict" ? state.message : null;
  const indicatorsChanged = countChanged(base.indicators, facts.indicators);
  const incomeChanged = countChanged(base.income, facts.income);
  const membersChanged = facts.members.filter((m, i) => countChanged(base.members[i]!, m) > 0).length;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 pb-4" aria-busy={pending}>
      <Section title={t("visit.sections.basics")}>
        <TextInput
          k="date"
          type="date"
          label={t("visit.fields.date")}
          value={date}
          onChange={setDate}
          max={today}
          min={minDate ?? undefined}
          required
          hint={minDate ? t("visit.fields.dateHint", { today, from: minDate }) : t("visit.fields.dateHintNoFrom", { today })}
          errors={errors.date}
        />
        <RadioCards
          k="mode"
          label={t("visit.fields.mode")}
          value={mode}
          onChange={(v) => setMode(v as typeof mode)}
          errors={errors.mode}
          options={VISIT_MODES.map((m) => ({ value: m, label: t(`visit.mode.${m}`), sub: t(`visit.mode.${m}Hint`) }))}
        />
      </Section>

      <Section title={t("visit.sections.notes")}>
        <TextArea
          k="findings"
          label={t("visit.fields.findings")}
          value={findings}
          onChange={setFindings}
          required
          rows={4}
          maxLength={4000}
          hint={t("visit.fields.findingsHint")}
          errors={errors.findings}
        />
        <TextArea
          k="problems"
          label={t("visit.fields.problems")}
          value={problems}
          onChange={setProblems}
          maxLength={4000}
          errors={errors.problems}
        />
        <TextArea
          k="actionsTaken"
          label={t("visit.fields.actionsTaken")}
          value={actionsTaken}
          onChange={setActionsTaken}
          maxLength={4000}
          errors={errors.actionsTaken}
        />
      </Section>

      <Section title={t("visit.sections.followUps")} hint={t("visit.followUps.hint")}>
        {followUps.map((f, i) => (
          <fieldset key={f.key} className="rounded-lg border border-stone-200 p-3">
            <legend className="px-1 font-semibold">{t("visit.followUps.item", { n: i + 1 })}</legend>
            <div className="grid gap-3">
              <TextArea
                k={`followUps.${i}.description`}
                label={t("visit.followUps.description")}
                value={f.description}
                rows={2}
                maxLength={500}
                required
                onChange={(v) => setFollowUps((cur) => cur.map((x) => (x.key === f.key ? { ...x, description: v } : x)))}
                errors={errors[`followUps.${i}.description`]}
              />
              <TextInput
                k={`followUps.${i}.dueDate`}
                type="date"
                label={t("visit.followUps.dueDate")}
                value={f.dueDate}
                min={date}
                required
                onChange={(v) => setFollowUps((cur) => cur.map((x) => (x.key === f.key ? { ...x, dueDate: v } : x)))}
                errors={errors[`followUps.${i}.dueDate`]}
              />
              <div>
                <SmallButton tone="danger" onClick={() => setFollowUps((cur) => cur.filter((x) => x.key !== f.key))}>
                  {t("visit.followUps.remove", { n: i + 1 })}
                </SmallButton>
              </div>
            </div>
          </fieldset>
        ))}
        <SmallButton
          onClick={() => setFollowUps((cur) => [...cur, { key: newKey(), description: "", dueDate: addDays(date || today, 7) }])}
        >
          + {t("visit.followUps.add")}
        </SmallButton>
      </Section>

      <Section title={t("visit.sections.updates")} hint={t("visit.sections.updatesHint")}>
        <Collapsible
          title={t("visit.updates.indicators")}
          changed={indicatorsChanged}
          open={open.indicators}
          onToggle={(v) => setOpen((o) => ({ ...o, indicators: v }))}
        >
          <IndicatorFields
            base={base.indicators}
            value={facts.indicators}
            onChange={(v) => setFacts((f) => ({ ...f, indicators: v }))}
            errors={errors}
          />
        </Collapsible>
        <Collapsible
          title={t("visit.updates.income")}
          changed={incomeChanged}
          open={open.income}
          onToggle={(v) => setOpen((o) => ({ ...o, income: v }))}
        >
          <IncomeFields base={base.income} value={facts.income} onChange={(v) => setFacts((f) => ({ ...f, income: v }))} errors={errors} />
        </Collapsible>
        <Collapsible
          title={t("visit.updates.members")}
          changed={membersChanged}
          open={open.members}
          onToggle={(v) => setOpen((o) => ({ ...o, members: v }))}
        >
          <MemberChanges
            base={base.members}
            value={facts.members}
            onChange={(v) => setFacts((f) => ({ ...f, members: v }))}
            errors={errors}
          />
        </Collapsible>
        <Collapsible
          title={t("visit.updates.newMembers")}
          changed={drafts.filter(draftFilled).length}
          open={open.newMembers}
          onToggle={(v) => setOpen((o) => ({ ...o, newMembers: v }))}
        >
          <NewMembers value={drafts} onChange={setDrafts} errors={errors} newKey={newKey} />
        </Collapsible>
      </Section>

      <Section title={t("visit.sections.evidence")}>
        <EvidencePicker items={evidence} setItems={setEvidence} errors={errors} newKey={newKey} />
      </Section>

      <Section title={t("visit.sections.proof")}>
        {mode === "home" && <LocationConsent consent={consent} setConsent={setConsent} loc={loc} errors={errors} />}
        <Confirmation
          mode={mode}
          pad={pad}
          signed={signed}
          setSigned={setSigned}
          readBack={readBack}
          setReadBack={setReadBack}
          errors={errors}
        />
      </Section>

      <div ref={summary} tabIndex={-1} role="alert" className="space-y-2 outline-none" data-testid="form-errors">
        {(failed || notice) && <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{notice ?? failed}</p>}
        {errorList.length > 0 && (
          <div className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-semibold">{t("visit.errorSummary", { count: errorList.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {errorList.map(([k, msgs]) => (
                <li key={k}>
                  <a className="underline" href={`#${fieldId(k === "signature" ? "confirmation" : k)}`}>
                    {labelOf(k)}
                  </a>
                  {t("visit.errorSep")}
                  {msgs.join(" ")}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <div className="sticky bottom-0 -mx-3 border-t border-stone-200 bg-stone-50/95 px-3 py-3 backdrop-blur">
        <button
          type="submit"
          disabled={pending || !visitId}
          aria-disabled={pending || !visitId}
          className="flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-4 text-base font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("visit.saving") : t("visit.submit")}
        </button>
      </div>
    </form>
  );
}
