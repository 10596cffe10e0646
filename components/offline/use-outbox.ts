"use client";
// The outbox as React state: this user's items, refreshed on every change (any tab), and the
// network as the browser sees it. The outbox code (IndexedDB, sending) is loaded after the
// page is up, so it costs nothing on the first paint of every page.
import { useEffect, useState } from "react";
import type { OutboxItem } from "@/lib/offline/queue";

export const loadOutbox = () => import("@/lib/offline/outbox");

export function useOutbox() {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    let alive = true;
    let off = () => {};
    void loadOutbox()
      .then((m) => {
        if (!alive) return;
        const load = () => {
          setSending(m.isSending());
          m.listMine()
            .then((list) => alive && setItems(list))
            .catch(() => alive && setItems([]));
        };
        load();
        off = m.subscribe(load);
      })
      .catch(() => alive && setItems([]));
    return () => {
      alive = false;
      off();
    };
  }, []);
  return { items, sending };
}

export function useOnline() {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}
