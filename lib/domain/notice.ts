/**
 * Public notice periods (公示期). Pure.
 *
 * Convention: a notice posted on day D for N days runs on D, D+1, ..., D+N-1
 * (the posting day is day 1, the end is inclusive). Objections are accepted on
 * every one of those days; the notice has ended from D+N on, and only then may
 * the next step (township review, county approval) be taken. Posted on
 * 2026-11-29 for 7 days: objections through 2026-12-05, next step from 2026-12-06.
 */
import type { PolicyValues } from "./policy";
import { addDays, toDayNumber } from "./working-days";

/** The kinds of decision that go through a public notice. */
export type NoticeKind = "identify" | "exit" | "monitor" | "eliminate_risk";

export type NoticeState = "not_started" | "open" | "ended";

function mustBePositiveDays(days: number): void {
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new RangeError(`notice days must be a positive integer: ${days}`);
  }
}

/**
 * Notice length for a kind of decision: identification and exit use the
 * policy's noticeDays (7 by default); monitoring decisions (entering monitoring,
 * eliminating risk) use monitoringNoticeDays (5 by default).
 */
export function noticeDaysFor(kind: NoticeKind, policy: Pick<PolicyValues, "noticeDays" | "monitoringNoticeDays">): number {
  const days = kind === "monitor" || kind === "eliminate_risk" ? policy.monitoringNoticeDays : policy.noticeDays;
  mustBePositiveDays(days);
  return days;
}

/** Last day of the notice, inclusive: start + days - 1. */
export function noticeEnd(start: string, days: number): string {
  mustBePositiveDays(days);
  return addDays(start, days - 1);
}

/** First day on which the notice has ended: start + days. */
export function noticeEndedOn(start: string, days: number): string {
  mustBePositiveDays(days);
  return addDays(start, days);
}

export function noticeState(start: string, days: number, today: string): NoticeState {
  const t = toDayNumber(today);
  if (t < toDayNumber(start)) return "not_started";
  if (t <= toDayNumber(noticeEnd(start, days))) return "open";
  return "ended";
}

/** Objections are accepted from the posting day through the end day, inclusive. */
export function objectionsOpen(start: string, days: number, today: string): boolean {
  return noticeState(start, days, today) === "open";
}

/** True from start + days on. */
export function noticeEnded(start: string, days: number, today: string): boolean {
  return noticeState(start, days, today) === "ended";
}

/** Days of the notice left including today (0 once ended; `days` before it starts). */
export function noticeDaysLeft(start: string, days: number, today: string): number {
  const state = noticeState(start, days, today);
  if (state === "not_started") return days;
  if (state === "ended") return 0;
  return toDayNumber(noticeEnd(start, days)) - toDayNumber(today) + 1;
}
