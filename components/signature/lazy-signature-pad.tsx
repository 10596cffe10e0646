"use client";
// The signature pad with its code fetched after the page's first load (components/lazy/idle-module.ts):
// until it is there, a box of the pad's size and role says it is loading (aria-busy, as the pad
// itself is until its drawing library is there), with the undo and clear buttons disabled.
import type { SignaturePadHandle, SignaturePadLabels } from "./signature-pad";
import { idleModule } from "@/components/lazy/idle-module";

// fetched as soon as a pad is on the page, as the pad fetched its drawing library before
const padModule = idleModule(() => import("./signature-pad"), { at: "mount" });

export function LazySignaturePad(props: {
  ref: React.Ref<SignaturePadHandle>;
  labels: SignaturePadLabels & { loading: string; failed: string };
  describedBy?: string;
  onInk: (hasInk: boolean) => void;
  className?: string;
}) {
  const { mod, failed, load } = padModule.useModule();
  if (mod) return <mod.SignaturePad {...props} />;
  const { labels, describedBy, className = "h-40" } = props;
  const button = "rounded-md border border-stone-300 bg-white px-3 py-1 text-sm disabled:opacity-40";
  return (
    <div>
      <div
        role="img"
        aria-label={labels.area}
        aria-describedby={describedBy}
        aria-busy="true"
        data-ink="false"
        onPointerDown={load}
        className={`flex w-full items-center justify-center rounded-lg border-2 border-dashed border-stone-400 bg-white px-3 text-center text-sm text-stone-500 ${className}`}
      >
        {failed ? labels.failed : labels.loading}
      </div>
      <div className="mt-1 flex justify-end gap-2">
        <button type="button" className={button} disabled>
          {labels.undo}
        </button>
        <button type="button" className={button} disabled>
          {labels.clear}
        </button>
      </div>
    </div>
  );
}
