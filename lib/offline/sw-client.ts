// Talking to the service worker (public/sw.js) from the pages. Browser-only.

export interface SwSession {
  userId: string;
  role: string;
  /** the households assigned to the cadre now: only their pages may be kept on the phone */
  households: string[];
  /** fetch the cadre's pages ahead (when /cadre loads) */
  precache: boolean;
}

const supported = () =>
  typeof navigator !== "undefined" && "serviceWorker" in navigator && typeof window !== "undefined" && window.isSecureContext;

/** Registers /sw.js for the whole site: production builds only (a dev server's chunks change all the time). */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (process.env.NODE_ENV !== "production" || !supported()) return null;
  try {
    return await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  } catch {
    return null;
  }
}

async function active(): Promise<ServiceWorker | null> {
  if (!supported()) return null;
  const reg = await navigator.serviceWorker.getRegistration("/");
  if (!reg) return null;
  return reg.active ?? (await navigator.serviceWorker.ready).active ?? null;
}

/** Tells the worker who is signed in and which pages are theirs to keep. */
export async function postSession(session: SwSession): Promise<void> {
  (await active())?.postMessage({ type: "session", ...session });
}

/** Empties the kept pages now (sign-out); waits for the worker's answer, at most a second. */
export async function forgetPages(): Promise<void> {
  const worker = await active();
  if (!worker) return;
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    const done = setTimeout(resolve, 1000);
    channel.port1.onmessage = () => {
      clearTimeout(done);
      resolve();
    };
    worker.postMessage({ type: "signout" }, [channel.port2]);
  });
}

/** The app's own scripts and styles this page has loaded (lazy ones too): kept by the worker for offline use. */
export async function keepLoadedAssets(): Promise<void> {
  if (typeof performance === "undefined") return;
  const urls = performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter((u) => u.startsWith(`${location.origin}/_next/static/`))
    .map((u) => new URL(u).pathname);
  if (urls.length) (await active())?.postMessage({ type: "assets", urls });
}
