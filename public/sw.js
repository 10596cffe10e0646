// 精准 service worker, written by hand (no build step: this file is served as it is).
//
// What it keeps, and how:
//  - the app shell: /_next/static/** (content-hashed, so never stale) and /icons/**: cache-first;
//  - a cadre's pages, network-first with the cached copy as the fallback: /cadre, /outbox, and
//    /households/<id> and /households/<id>/visit of the households the page says are the
//    cadre's now (the signed-in layout posts that list: see components/offline/offline-mount.tsx).
//    /cadre asks for them to be fetched ahead ("precache"), so they open with no signal.
// What it never keeps: other roles' pages (the layout says who is signed in; for anyone but a
// cadre the page caches are emptied and nothing is stored), /api/** (auth, evidence files …),
// server actions and RSC requests (they go to the network as they are), anything not a 200.
// Sign-out (POST /api/auth/signout), a redirect to /login, or another user signing in on the
// phone empty the page caches: what is cached is one cadre's households, for that cadre only.
const VERSION = "v1";
const STATIC = `jz-static-${VERSION}`;
const PAGES = `jz-pages-${VERSION}`;
const META = `jz-meta-${VERSION}`;
const SESSION_KEY = "/__jz/session";
const STATIC_MAX = 400;
const PRECACHE_FRESH_MS = 30 * 60 * 1000; // a precached page younger than this is not fetched again
const NETWORK_WAIT_MS = 7000; // on a weak signal, show the kept copy after this long

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const HOUSEHOLD_PAGE = new RegExp(`^/households/(${UUID})(/visit)?$`, "i");

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([STATIC, PAGES, META]);
      for (const name of await caches.keys()) if (name.startsWith("jz-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// ───────────── who is signed in (kept in the meta cache: a worker may be stopped any time) ─────────────

let sessionMemo = null;

async function getSession() {
  if (sessionMemo) return sessionMemo;
  const res = await (await caches.open(META)).match(SESSION_KEY);
  sessionMemo = res ? await res.json() : { userId: null, role: null, households: [] };
  return sessionMemo;
}

async function setSession(session) {
  sessionMemo = session;
  await (
    await caches.open(META)
  ).put(SESSION_KEY, new Response(JSON.stringify(session), { headers: { "content-type": "application/json" } }));
}

async function forgetPages() {
  await caches.delete(PAGES);
  await setSession({ userId: null, role: null, households: [] });
}

/** A page a cadre may have offline: their home, their outbox, their households' pages. */
function cadrePage(pathname, session) {
  if (!session || session.role !== "cadre" || !session.userId) return false;
  if (pathname === "/cadre" || pathname === "/outbox") return true;
  const m = HOUSEHOLD_PAGE.exec(pathname);
  return !!m && session.households.includes(m[1].toLowerCase());
}

function isStatic(url) {
  return url.origin === self.location.origin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"));
}

// ───────────── messages from the pages ─────────────

self.addEventListener("message", (event) => {
  const msg = event.data || {};
  if (msg.type === "session") event.waitUntil(onSession(msg, event.source));
  else if (msg.type === "signout") event.waitUntil(forgetPages().then(() => reply(event, { type: "signed-out" })));
  else if (msg.type === "assets" && Array.isArray(msg.urls))
    event.waitUntil(cacheAssets(msg.urls.filter((u) => typeof u === "string").join(" ")));
});

function reply(event, data) {
  if (event.ports && event.ports[0]) event.ports[0].postMessage(data);
}

async function onSession(msg, source) {
  const before = await getSession();
  const households = Array.isArray(msg.households) ? msg.households.filter((h) => typeof h === "string").map((h) => h.toLowerCase()) : [];
  // another user on this phone, or not a cadre: nothing of the previous pages may stay
  if (before.userId && before.userId !== msg.userId) await caches.delete(PAGES);
  if (msg.role !== "cadre") {
    await forgetPages();
    return;
  }
  const session = { userId: msg.userId, role: msg.role, households };
  await setSession(session);
  // a household moved to another cadre: its pages go at once
  const cache = await caches.open(PAGES);
  for (const req of await cache.keys()) {
    const path = new URL(req.url).pathname;
    if (!cadrePage(path, session)) await cache.delete(req);
  }
  if (msg.precache) await precache(session, source);
}

async function precache(session, source) {
  const cache = await caches.open(PAGES);
  const urls = ["/cadre", "/outbox", ...session.households.flatMap((id) => [`/households/${id}`, `/households/${id}/visit`])];
  let fetched = 0;
  for (const path of urls) {
    const url = new URL(path, self.location.origin).href;
    const have = await cache.match(url, { ignoreVary: true });
    const at = have ? Number(have.headers.get("x-jz-cached-at") || 0) : 0;
    if (have && Date.now() - at < PRECACHE_FRESH_MS) continue;
    try {
      const res = await fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } });
      if (await keepPage(url, res)) fetched++;
    } catch {
      return; // the signal went: try again next time
    }
  }
  if (source && fetched) source.postMessage({ type: "precached", count: fetched });
}

/** Stores a page response for a cadre, with the chunks it names. False when it was not a page to keep. */
async function keepPage(url, res) {
  const session = await getSession();
  const u = new URL(url);
  if (!res || res.status !== 200 || res.redirected || res.type !== "basic" || u.search) return false;
  if (!(res.headers.get("content-type") || "").includes("text/html")) return false;
  if (!cadrePage(u.pathname, session)) return false;
  const html = await res.clone().text();
  const headers = new Headers(res.headers);
  for (const h of ["content-encoding", "content-length", "vary", "set-cookie"]) headers.delete(h);
  headers.set("x-jz-cached-at", String(Date.now()));
  await (await caches.open(PAGES)).put(u.href, new Response(html, { status: 200, statusText: "OK", headers }));
  await cacheAssets(html);
  return true;
}

/** The scripts and styles a page names (tags and the streamed component data): cached ahead. */
async function cacheAssets(html) {
  const found = new Set();
  for (const m of html.matchAll(/\/_next\/static\/[A-Za-z0-9_\-./~%]+?\.(?:js|css|woff2)/g)) found.add(m[0]);
  const cache = await caches.open(STATIC);
  for (const path of found) {
    const url = new URL(path, self.location.origin).href;
    if (await cache.match(url)) continue;
    try {
      const res = await fetch(url);
      if (res.ok) await cache.put(url, res);
    } catch {
      return;
    }
  }
  await trimStatic(cache);
}

async function trimStatic(cache) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - STATIC_MAX; i++) await cache.delete(keys[i]);
}

// ───────────── fetches ─────────────

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  // signing out: the pages go with the session (the request itself goes on untouched)
  if (req.method === "POST" && url.pathname === "/api/auth/signout") {
    event.waitUntil(forgetPages());
    return;
  }
  if (req.method !== "GET") return; // server actions, sign-in: straight to the network
  if (url.pathname.startsWith("/api/")) return; // auth, evidence files: never cached

  if (isStatic(url)) {
    event.respondWith(cacheFirst(req));
    return;
  }
  if (req.mode === "navigate") event.respondWith(navigate(event, req, url));
  // anything else (RSC requests for client navigation, prefetches): the network alone. Offline,
  // Next falls back to a full navigation, which comes back here as "navigate".
});

async function cacheFirst(req) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.type === "basic") cache.put(req, res.clone()).then(() => trimStatic(cache));
  return res;
}

async function navigate(event, req, url) {
  const session = await getSession();
  const keepable = cadrePage(url.pathname, session);
  const network = fetch(req).then(async (res) => {
    // sent to sign in: the session is over, so are its pages
    if (res.redirected && new URL(res.url).pathname === "/login") await forgetPages();
    else if (keepable && !url.search) await keepPage(req.url, res.clone());
    return res;
  });
  if (!keepable) return network.catch(() => cachedOrOffline(url, session));
  // network first; on a weak signal the kept copy after a while (the network still refreshes it)
  event.waitUntil(network.catch(() => {}));
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    const kept = await cached(url);
    return kept || (await network);
  } catch {
    return cachedOrOffline(url, session);
  }
}

async function cached(url) {
  const cache = await caches.open(PAGES);
  return (await cache.match(new URL(url.pathname, self.location.origin).href, { ignoreVary: true })) || null;
}

async function cachedOrOffline(url, session) {
  if (cadrePage(url.pathname, session)) {
    const kept = await cached(url);
    if (kept) return kept;
  }
  return offlinePage(session && session.role === "cadre");
}

function offlinePage(cadre) {
  const links = cadre ? '<p><a href="/cadre">我的帮扶户 (My households)</a></p><p><a href="/outbox">待发送的走访 (Outbox)</a></p>' : "";
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>离线 · 精准</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafaf9;color:#1c1917}header{background:#b42318;color:#fff;padding:12px 16px;font-weight:600}main{padding:16px}a{display:inline-block;min-height:44px;line-height:44px;color:#912018}</style></head>
<body><header>精准</header><main><h1 style="font-size:20px">现在没有网络</h1><p>这个页面没有保存在手机上。有信号后再打开。(No connection, and this page is not kept on the phone.)</p>${links}</main></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
