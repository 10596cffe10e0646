"use client";
// The browser side of OfflineMount: the service worker, the session it is told about, sending
// the outbox (on page load, when the network returns, when the page is shown again), and, for a
// cadre, the outbox bar.
import { useEffect } from "react";
import { usePathname } from "next/navigation";
import { setOutboxUser } from "@/lib/offline/current-user";
import { forgetPages, keepLoadedAssets, postSession, registerServiceWorker } from "@/lib/offline/sw-client";
import type { DirectoryEntry } from "@/lib/offline/directory";
import { StatusBar } from "./status-bar";
import { loadOutbox } from "./use-outbox";

const LAST_USER = "jingzhun:last-user";

export function OfflineClient({ userId, role, directory }: { userId: string; role: string; directory: DirectoryEntry[] }) {
  const cadre = role === "cadre";
  // set before any child renders (the visit form queues under this user)
  setOutboxUser(cadre ? userId : null, directory);
  const pathname = usePathname();
  const home = pathname === "/cadre";
  const households = directory.map((d) => d.id).join(",");

  useEffect(() => {
    // another user than the last one on this phone: nothing kept for them may show
    let last: string | null = null;
    try {
      last = localStorage.getItem(LAST_USER);
      localStorage.setItem(LAST_USER, userId);
    } catch {
      // storage refused (private mode): the worker still compares users itself
    }
    void (async () => {
      await registerServiceWorker();
      if (last && last !== userId) await forgetPages();
      await postSession({ userId, role, households: households ? households.split(",") : [], precache: cadre && home });
    })();
    // the chunks loaded after the page (the outbox code among them) are kept too
    const later = cadre ? window.setTimeout(() => void keepLoadedAssets().catch(() => {}), 4000) : 0;
    return () => window.clearTimeout(later);
  }, [userId, role, cadre, home, households]);

  useEffect(() => {
    if (!cadre) return;
    const tryNow = () => {
      if (navigator.onLine)
        void loadOutbox()
          .then((m) => m.sendNow())
          .catch(() => {});
    };
    const onVisible = () => document.visibilityState === "visible" && tryNow();
    tryNow();
    window.addEventListener("online", tryNow);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", tryNow);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [cadre]);

  return cadre ? <StatusBar /> : null;
}
