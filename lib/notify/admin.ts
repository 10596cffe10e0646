// The admin's side of notifications (管理 → 通知渠道): the province's channel (optimistic
// concurrency, audited without its secret), a test message, and the messages recorded for the
// province, newest first, a page at a time. An admin sees and sets their own province only.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { audit, type Actor } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { NOTIFY_PAGE_SIZE, type SaveNotifyChannelInput } from "@/lib/validation/notify";
import { jobState } from "@/lib/jobs/lease";
import { NOTIFY_JOB, messageText, send } from "./run";
import { isGroupChannel } from "./channels";
import { messageKey } from "@/i18n/keys";
import { formatInChina } from "@/lib/domain/china-time";

const provinceOf = (viewer: Viewer) => viewer.regionId.slice(0, 2);

export interface ChannelView {
  provinceId: string;
  kind: "log" | "sms_http" | "wecom" | "dingtalk";
  url: string | null;
  secretSet: boolean;
  enabled: boolean;
  version: number;
  updatedAt: string | null;
  lastRunAt: string | null;
}

export async function channelView(viewer: Viewer, db: Db = defaultDb()): Promise<ChannelView> {
  const provinceId = provinceOf(viewer);
  const [row, job] = await Promise.all([
    db.notifyChannel.findUnique({
      where: { provinceId },
      select: { kind: true, url: true, secret: true, enabled: true, version: true, updatedAt: true },
    }),
    jobState(db, NOTIFY_JOB),
  ]);
  return {
    provinceId,
    kind: row?.kind ?? "log",
    url: row?.url ?? null,
    secretSet: !!row?.secret,
    enabled: row?.enabled ?? true,
    version: row?.version ?? 1,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    lastRunAt: job?.lastRunAt ? job.lastRunAt.toISOString() : null,
  };
}

/** What the audit log keeps of a channel: never the secret, only whether one is set. */
const audited = (c: { kind: string; url: string | null; secret: string | null; enabled: boolean } | null) =>
  c ? { kind: c.kind, url: c.url, secretSet: !!c.secret, enabled: c.enabled } : null;

export async function saveChannel(db: Db, viewer: Viewer, actor: Actor, input: SaveNotifyChannelInput): Promise<boolean> {
  const provinceId = provinceOf(viewer);
  return db.$transaction(async (tx) => {
    const before = await tx.notifyChannel.findUnique({
      where: { provinceId },
      select: { kind: true, url: true, secret: true, enabled: true, version: true },
    });
    if ((before?.version ?? 1) !== input.version) throw new AppError("conflict", messageKey("admin.notify.conflict"));
    const secret = input.secret ?? (input.clearSecret ? null : (before?.secret ?? null));
    const after = { kind: input.kind, url: input.url, secret, enabled: input.enabled };
    const same =
      before &&
      before.kind === after.kind &&
      before.url === after.url &&
      before.secret === after.secret &&
      before.enabled === after.enabled;
    if (same) return false;
    if (before)
      await tx.notifyChannel.update({
        where: { provinceId },
        data: { ...after, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
      });
    else await tx.notifyChannel.create({ data: { provinceId, ...after, version: 2, updatedById: actor.id } });
    await audit(tx, actor, {
      action: "notify.channel.set",
      entity: "notify_channel",
      entityId: provinceId,
      before: audited(before),
      after: { ...audited(after), secretChanged: (before?.secret ?? null) !== secret },
    });
    return true;
  });
}

/** A test message through the province's channel (to the admin's own phone for SMS), recorded and audited. */
export async function sendTest(db: Db, viewer: Viewer, actor: Actor, now = new Date()): Promise<{ status: string; detail: string | null }> {
  const provinceId = provinceOf(viewer);
  const channel = await db.notifyChannel.findUnique({
    where: { provinceId },
    select: { kind: true, url: true, secret: true, enabled: true },
  });
  const effective =
    channel && channel.enabled
      ? { kind: channel.kind, url: channel.url, secret: channel.secret }
      : { kind: "log" as const, url: null, secret: null };
  const time = formatInChina(now, "zh-CN", { dateStyle: "short", timeStyle: "medium", hour12: false });
  const text = messageText("test", { time });
  const row = await db.notification.create({
    data: {
      dedupeKey: `test:${crypto.randomUUID()}`,
      kind: "test",
      provinceId,
      recipientId: isGroupChannel(effective.kind) ? null : viewer.id,
      channel: effective.kind,
      text,
    },
    select: { id: true, text: true, recipientId: true, provinceId: true },
  });
  const status = await send(db, row, effective);
  const stored = await db.notification.findUniqueOrThrow({ where: { id: row.id }, select: { detail: true } });
  await audit(db, actor, {
    action: "notify.test",
    entity: "notification",
    entityId: row.id,
    after: { channel: effective.kind, status, detail: stored.detail },
  });
  return { status, detail: stored.detail };
}

export interface NotificationItem {
  id: string;
  createdAt: string;
  kind: string;
  recipient: string | null;
  channel: string;
  status: string;
  detail: string | null;
  attempts: number;
  text: string;
}

export async function recentNotifications(
  viewer: Viewer,
  page = 1,
  db: Db = defaultDb(),
): Promise<{ items: NotificationItem[]; total: number; page: number; pageSize: number }> {
  const where = { provinceId: provinceOf(viewer) };
  const p = Math.max(1, Math.min(page, 10_000));
  const [total, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (p - 1) * NOTIFY_PAGE_SIZE,
      take: NOTIFY_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        kind: true,
        recipientId: true,
        channel: true,
        status: true,
        detail: true,
        attempts: true,
        text: true,
      },
    }),
  ]);
  const ids = [...new Set(rows.map((r) => r.recipientId).filter((x): x is string => !!x))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.name]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      kind: r.kind,
      recipient: r.recipientId ? (name.get(r.recipientId) ?? null) : null,
      channel: r.channel,
      status: r.status,
      detail: r.detail,
      attempts: r.attempts,
      text: r.text,
    })),
    total,
    page: p,
    pageSize: NOTIFY_PAGE_SIZE,
  };
}
