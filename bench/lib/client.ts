// The benchmarks' HTTP client: it signs in and calls server actions exactly as a browser does.
//
//  - signIn(): next-auth's credentials flow — GET /api/auth/csrf (token + csrf cookie), then
//    POST /api/auth/callback/credentials (urlencoded csrfToken, username, password) → the
//    session cookie `next-auth.session-token`. One sign-in per account (argon2 + throttling).
//  - callAction(): POST to the page that renders the form, with `Next-Action: <id>`, a same
//    `Origin` (proxy.ts and Next refuse cross-origin and null origins), and the body React's
//    `encodeReply` makes for plain values: a JSON array of the arguments, sent as
//    `text/plain;charset=UTF-8` (Next 16's action-handler decodes a non-multipart body with
//    `decodeReply(string)`; FormData/Blob arguments would need multipart/form-data instead).
//    The answer is an RSC stream: row 0 is `{"a":"$@<row>",…}` and that row holds the result.
//  - actionIdFor(): the action's id from the build's server-reference-manifest.json.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./db";

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, keepAliveMsecs: 1000 });
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class HttpError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** One request over the agent; rejects with HttpError(kind = errno code or "timeout"). */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent; timeoutMs?: number },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
    const req = http.request(
      url,
      {
        method: opts.method ?? "GET",
        agent: opts.agent,
        headers: { ...opts.headers, ...(body ? { "Content-Length": String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (e: NodeJS.ErrnoException) => reject(new HttpError(e.code ?? "response", e.message)));
        res.on("aborted", () => reject(new HttpError("aborted", "response aborted")));
      },
    );
    req.setTimeout(opts.timeoutMs ?? 30_000, () =>
      req.destroy(new HttpError("timeout", `no answer within ${opts.timeoutMs ?? 30_000} ms`)),
    );
    req.on("error", (e: NodeJS.ErrnoException) => reject(e instanceof HttpError ? e : new HttpError(e.code ?? "network", e.message)));
    if (body) req.write(body);
    req.end();
  });
}

/** name=value pairs of Set-Cookie headers, merged into a jar. */
function absorbCookies(jar: Map<string, string>, headers: http.IncomingHttpHeaders) {
  for (const c of headers["set-cookie"] ?? []) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    if (i > 0) jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through next-auth's credentials flow; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, username: string, password: string, agent?: http.Agent): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await request(`${baseUrl}/api/auth/csrf`, { agent });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf: HTTP ${csrf.status}`);
  absorbCookies(jar, csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, username, password, json: "true", callbackUrl: `${baseUrl}/` });
  const res = await request(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    agent,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), Origin: baseUrl },
    body: form.toString(),
  });
  absorbCookies(jar, res.headers);
  const token = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!token) {
    let why = `HTTP ${res.status}`;
    try {
      why = (JSON.parse(res.body) as { url?: string }).url?.match(/error=([^&]+)/)?.[1] ?? why;
    } catch {
      /* not JSON */
    }
    throw new Error(`sign-in of ${username} refused (${decodeURIComponent(why)})`);
  }
  return `${token}=${jar.get(token)}`;
}

/** The id of a server action in a build: its file and exported name, from the manifest. */
export function actionIdFor(distDir: string, file = "lib/actions/visits/log-visit.ts", exportName = "logVisit"): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === exportName) return id;
  }
  throw new Error(`no action ${exportName} of ${file} in ${distDir}/server/server-reference-manifest.json`);
}

/**
 * React's encodeReply for plain JSON-like values (what it sends as a string, not FormData):
 * strings starting with "$" are escaped as "$$…", undefined is "$undefined"; objects and arrays
 * as JSON. Dates, Maps, Blobs … are out of scope here (they need other encodings).
 */
export function encodeReplyArgs(args: unknown[]): string {
  return JSON.stringify(args, function (this: unknown, key, value: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw === undefined) return "$undefined";
    if (typeof value === "string" && value.startsWith("$")) return `$${value}`;
    return value;
  });
}

/** The action's return value out of the RSC answer (row 0 names the row that holds it). */
export function parseActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m && !rows.has(m[1]!)) rows.set(m[1]!, m[2]!);
  }
  const head = rows.get("0");
  if (!head) throw new Error("no row 0 in the action's answer");
  const a = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof a === "string" && a.startsWith("$@")) {
    const row = rows.get(a.slice(2));
    if (!row) throw new Error(`row ${a.slice(2)} missing from the action's answer`);
    return JSON.parse(row);
  }
  return a;
}

export interface ActionCall {
  baseUrl: string;
  /** the page the form is on, e.g. /households/<id>/visit */
  pagePath: string;
  actionId: string;
  cookie: string;
  args: unknown[];
  agent?: http.Agent;
  timeoutMs?: number;
}

export interface ActionAnswer {
  status: number;
  result: unknown;
  bytes: number;
}

/** Calls a server action over HTTP as the browser's router does; throws HttpError on transport/protocol failure. */
export async function callAction(c: ActionCall): Promise<ActionAnswer> {
  const res = await request(`${c.baseUrl}${c.pagePath}`, {
    method: "POST",
    agent: c.agent,
    timeoutMs: c.timeoutMs,
    headers: {
      "Next-Action": c.actionId,
      Origin: c.baseUrl,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Cookie: c.cookie,
    },
    body: encodeReplyArgs(c.args),
  });
  if (res.status !== 200) throw new HttpError(`http${res.status}`, `HTTP ${res.status}: ${res.body.slice(0, 200)}`);
  let result: unknown;
  try {
    result = parseActionResult(res.body);
  } catch (e) {
    throw new HttpError("bad-answer", `${(e as Error).message}: ${res.body.slice(0, 200)}`);
  }
  return { status: res.status, result, bytes: res.body.length };
}
