"use client";
// Re-reads the server components every few seconds (the projected tally follows the votes as
// they are entered). Stops while the tab is hidden; shows when it last refreshed.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

export function AutoRefresh({ everyMs = 2000, label }: { everyMs?: number; label: string }) {
  const router = useRouter();
  const [at, setAt] = useState<string>("");
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState !== "visible") return;
      router.refresh();
      setAt(new Date().toLocaleTimeString("zh-CN", { hour12: false }));
    };
    const timer = window.setInterval(tick, everyMs);
    return () => window.clearInterval(timer);
  }, [router, everyMs]);
  return (
    <span aria-live="off" className="tabular-nums">
      {label} {at}
    </span>
  );
}
