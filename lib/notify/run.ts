// The notification job (lib/jobs/runner.ts runs it; one process at a time by its lease): find
// today's events (triggers.ts), write one row per event and recipient — or per event, for a group
// channel — before sending (the row's unique key is what makes a rerun send nothing twice),
// send through the province's channel (channels.ts; log only when none is set), record what
// came of it. Failed messages are tried again on later runs, three times in all.
import "server-only";
import { createTranslator, type Messages } from "next-intl";
import type { KeyUnder } from "@/i18n/keys";
import type { Db } from "@/lib/db/client";
import { messages } from "@/i18n/messages";
import { today as todayInChina } from "@/lib/clock";
import { log } from "@/lib/log/logger";
import type { NotifyChannelKind } from "@/lib/generated/prisma/client";
import { claim, release } from "@/lib/jobs/lease";
import { deliver, isGroupChannel, type Channel } from "./channels";
import { dueEvents, type NotifyEvent } from "./triggers";

export const NOTIFY_JOB = "notify";
export const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = 10 * 60_000;

type Locale = "zh-CN" | "en";
const localeOf = (l: string | null | undefined): Locale => (l === "en" ? "en" : "zh-CN");

/** The message for an event in a language (texts: messages/<locale>/admin.json, admin.notify.text). */
export function messageText(kind: string, params: Record<string, string>, locale: Locale = "zh-CN"): string {
  const t = createTranslator({ locale, messages: messages[locale] as Messages, namespace: "admin.notify.text" });
  const which = params.which === "second" ? t("second") : t("first");
  return t(kind as KeyUnder<"admin.notify.text">, { ...params, which });
}

/** Each province's channel (log only where none is set or it is switched off). */
export async function channelsByProvince(db: Db): Promise<Map<string, Channel>> {
  const rows = await db.notifyChannel.findMany({ select: { provinceId: true, kind: true, url: true, secret: true, enabled: true } });
  return new Map(
    rows.map((r) => [
      r.provinceId,
      r.enabled ? { kind: r.kind, url: r.url, secret: r.secret } : { kind: "log" as NotifyChannelKind, url: null, secret: null },
    ]),
  );
}

const LOG_ONLY: Channel = { kind: "log", url: null, secret: null };

interface Planned {
  dedupeKey: string;
  kind: string;
  provinceId: string;
  countyId: string;
  recipientId: string | null;
  channel: NotifyChannelKind;
  text: string;
}

function plan(events: NotifyEvent[], channels: Map<string, Channel>): Planned[] {
  const out: Planned[] = [];
  for (const e of events) {
    const provinceId = e.countyId.slice(0, 2);
    const channel = channels.get(provinceId) ?? LOG_ONLY;
    if (isGroupChannel(channel.kind)) {
      if (e.recipients.length === 0) continue;
      out.push({
        dedupeKey: `${e.key}:group`,
        kind: e.kind,
        provinceId,
        countyId: e.countyId,
        recipientId: null,
        channel: channel.kind,
        text: messageText(e.kind, e.params),
      });
    } else {
      for (const r of e.recipients) {
        out.push({
          dedupeKey: `${e.key}:${r.id}`,
          kind: e.kind,
          provinceId,
          countyId: e.countyId,
          recipientId: r.id,
          channel: channel.kind,
          text: messageText(e.kind, e.params, localeOf(r.locale)),
        });
      }
    }
  }
  return out;
}

/** Sends one stored message and records the outcome. */
export async function send(
  db: Db,
  row: { id: string; text: string; recipientId: string | null; provinceId: string },
  channel: Channel,
): Promise<string> {
  const phone = row.recipientId
    ? ((await db.user.findUnique({ where: { id: row.recipientId }, select: { phone: true } }))?.phone ?? null)
    : null;
  const d = await deliver(channel, { id: row.id, text: row.text, phone: phone?.trim() || null });
  await db.notification.update({
    where: { id: row.id },
    data: {
      status: d.status,
      detail: d.detail,
      attempts: { increment: 1 },
      sentAt: d.status === "sent" || d.status === "logged" ? new Date() : null,
    },
  });
  return d.status;
}

export interface NotifyRun {
  events: number;
  created: number;
  retried: number;
  outcomes: Record<string, number>;
}

/**
 * One run, if due (or forced) and this process holds the lease; null when another process has
 * it or it ran less than `everyMs` ago.
 */
export async function runNotifications(
  db: Db,
  opts: { everyMs: number; force?: boolean; now?: Date; today?: string },
): Promise<NotifyRun | null> {
  const claimed = await claim(db, NOTIFY_JOB, { leaseMs: 10 * 60_000, everyMs: opts.everyMs, force: opts.force });
  if (!claimed) return null;
  const now = opts.now ?? new Date();
  const result: NotifyRun = { events: 0, created: 0, retried: 0, outcomes: {} };
  let ok = false;
  try {
    const [events, channels] = await Promise.all([dueEvents(db, opts.today ?? todayInChina(now), now), channelsByProvince(db)]);
    result.events = events.length;
    const planned = plan(events, channels);
    // the rows first: a key already there (an earlier run) is never sent again
    const fresh: { id: string; text: string; recipientId: string | null; provinceId: string }[] = [];
    for (const p of planned) {
      const rows = await db.$queryRawUnsafe<{ id: string }[]>(
        `INSERT INTO notification (id, "dedupeKey", kind, "provinceId", "countyId", "recipientId", channel, text)
         VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6::"NotifyChannelKind", $7)
         ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`,
        p.dedupeKey,
        p.kind,
        p.provinceId,
        p.countyId,
        p.recipientId,
        p.channel,
        p.text,
      );
      if (rows[0]) fresh.push({ id: rows[0].id, text: p.text, recipientId: p.recipientId, provinceId: p.provinceId });
    }
    result.created = fresh.length;
    const retry = await db.notification.findMany({
      where: {
        OR: [{ status: "failed" }, { status: "pending", createdAt: { lt: new Date(now.getTime() - RETRY_AFTER_MS) } }],
        attempts: { lt: MAX_ATTEMPTS },
        id: { notIn: fresh.map((f) => f.id) },
      },
      select: { id: true, text: true, recipientId: true, provinceId: true },
      take: 500,
    });
    result.retried = retry.length;
    for (const row of [...fresh, ...retry]) {
      const status = await send(db, row, channels.get(row.provinceId) ?? LOG_ONLY);
      result.outcomes[status] = (result.outcomes[status] ?? 0) + 1;
    }
    ok = true;
    if (result.created || result.retried) log().info({ job: NOTIFY_JOB, ...result }, "notifications");
    return result;
  } finally {
    await release(db, NOTIFY_JOB, { ok, state: result }).catch(() => {});
  }
}
