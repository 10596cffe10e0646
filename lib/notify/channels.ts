// Outbound channel adapters: how one message leaves the registry. Each answers with a status and
// a short detail (an HTTP status or a failure kind) that is stored with the message; none throws.
//  - log: the server's structured log only (the default: nothing leaves the machine);
//  - sms_http: an SMS gateway over HTTP: POST {"to", "text", "ref"} as JSON, with
//    "Authorization: Bearer <token>" when a token is set; any 2xx is delivered;
//  - wecom: a WeCom group robot webhook (POST {"msgtype":"text","text":{"content"}}; errcode 0);
//  - dingtalk: a DingTalk group robot webhook (same body); with a signing secret, the URL gets
//    timestamp and sign (HMAC-SHA256 of "timestamp\nsecret", base64) as DingTalk requires.
import "server-only";
import crypto from "node:crypto";
import { log } from "@/lib/log/logger";
import type { NotifyChannelKind } from "@/lib/generated/prisma/client";

export interface Channel {
  kind: NotifyChannelKind;
  url: string | null;
  secret: string | null;
}

export interface Outgoing {
  /** the notification row's id (the gateway may echo it back) */
  id: string;
  text: string;
  /** sms_http: the recipient's phone */
  phone: string | null;
}

export interface Delivery {
  status: "logged" | "sent" | "failed" | "skipped";
  detail: string | null;
}

const TIMEOUT_MS = Number(process.env.JINGZHUN_NOTIFY_TIMEOUT_MS ?? 5000);

/** Group channels send one message per event, to the group; the others one per person. */
export function isGroupChannel(kind: NotifyChannelKind): boolean {
  return kind === "wecom" || kind === "dingtalk";
}

export function dingtalkSignedUrl(url: string, secret: string, timestamp = Date.now()): string {
  const sign = crypto.createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  const u = new URL(url);
  u.searchParams.set("timestamp", String(timestamp));
  u.searchParams.set("sign", sign);
  return u.toString();
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown } | { error: string }> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    const text = await res.text().catch(() => "");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json };
  } catch (e) {
    const name = (e as Error)?.name;
    return { error: name === "TimeoutError" || name === "AbortError" ? "timeout" : "network" };
  }
}

/** The robots answer 200 with { errcode: 0 } when they accept a message. */
function robotOutcome(r: Awaited<ReturnType<typeof post>>): Delivery {
  if ("error" in r) return { status: "failed", detail: r.error };
  if (r.status < 200 || r.status >= 300) return { status: "failed", detail: `http_${r.status}` };
  const code = (r.json as { errcode?: unknown } | null)?.errcode;
  if (code === 0 || code === "0") return { status: "sent", detail: `http_${r.status}` };
  return { status: "failed", detail: `errcode_${String(code ?? "missing").slice(0, 20)}` };
}

export async function deliver(channel: Channel, msg: Outgoing): Promise<Delivery> {
  switch (channel.kind) {
    case "log":
      log().info({ notification: msg.id, text: msg.text }, "notification");
      return { status: "logged", detail: null };
    case "sms_http": {
      if (!channel.url) return { status: "failed", detail: "no_url" };
      if (!msg.phone) return { status: "skipped", detail: "no_phone" };
      const r = await post(
        channel.url,
        { to: msg.phone, text: msg.text, ref: msg.id },
        channel.secret ? { authorization: `Bearer ${channel.secret}` } : {},
      );
      if ("error" in r) return { status: "failed", detail: r.error };
      return r.status >= 200 && r.status < 300
        ? { status: "sent", detail: `http_${r.status}` }
        : { status: "failed", detail: `http_${r.status}` };
    }
    case "wecom":
    case "dingtalk": {
      if (!channel.url) return { status: "failed", detail: "no_url" };
      const url = channel.kind === "dingtalk" && channel.secret ? dingtalkSignedUrl(channel.url, channel.secret) : channel.url;
      return robotOutcome(await post(url, { msgtype: "text", text: { content: msg.text } }));
    }
  }
}
