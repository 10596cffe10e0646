"use client";
// The village page's "print the village's handbooks" button: a village of hundreds of households
// takes a minute or two to print (one Chromium run, lib/handbook/pdf.ts), so the button fetches
// the PDF itself and shows the wait (households, seconds so far) instead of a link that seems to
// do nothing; the file is then saved under the server's name. Labels come translated from the
// page (the countyRecords namespace is not sent to the county's client tree).
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-style";

export interface VillageHandbookLabels {
  idle: string;
  hint: string;
  preparing: string;
  /** with {s}: the seconds so far */
  elapsed: string;
  failed: string;
}

function fileName(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? "")?.[1] ?? fallback;
}

export function VillageHandbookButton({ href, labels }: { href: string; labels: VillageHandbookLabels }) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const [seconds, setSeconds] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  async function run(e: React.MouseEvent<HTMLAnchorElement>) {
    e.preventDefault();
    if (state === "busy") return;
    setState("busy");
    setSeconds(0);
    const started = Date.now();
    timer.current = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000);
    try {
      const res = await fetch(href, { credentials: "same-origin" });
      if (!res.ok) throw new Error(String(res.status));
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName(res.headers.get("content-disposition"), "handbook.pdf");
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState("idle");
    } catch {
      setState("failed");
    } finally {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
    }
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <a
        href={href}
        download
        onClick={run}
        className={buttonClass("plain", "sm")}
        aria-busy={state === "busy"}
        data-testid="village-handbook"
        title={labels.hint}
      >
        {labels.idle}
      </a>
      <span role="status" aria-live="polite" className="text-xs text-stone-600">
        {state === "busy" && (
          <>
            {labels.preparing} {labels.elapsed.replace("{s}", String(seconds))}
          </>
        )}
        {state === "failed" && <span className="text-red-700">{labels.failed}</span>}
      </span>
    </span>
  );
}
