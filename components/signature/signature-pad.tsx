"use client";
// A signature drawn with a finger (or a pen, or a mouse), exported as a PNG: the visit's
// confirmation now, the household's exit agreement later — any form that needs one.
//
// The drawing is signature_pad's (smooth, pressure-aware strokes; a tap is a dot, and a dot
// counts), loaded only when a pad is shown. The canvas's bitmap always matches its size on the
// screen: when the phone is rotated or the layout changes width, the bitmap is resized and the
// strokes are redrawn (scaled down if the pad got narrower), so new ink lands under the finger.
// Undo takes back the last stroke. touch-action: none keeps the page from scrolling while the
// family signs.
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";
import type SignaturePadLib from "signature_pad";
import type { PointGroup } from "signature_pad";

export interface SignaturePadHandle {
  /** the PNG, or null when nothing was drawn */
  toBlob(): Promise<Blob | null>;
  clear(): void;
  undo(): void;
  isEmpty(): boolean;
}

export interface SignaturePadLabels {
  /** the canvas's accessible name, e.g. 签名区域 */
  area: string;
  undo: string;
  clear: string;
}

const MAX_RATIO = 3;

/** The strokes, scaled about the top-left corner. */
function scaled(data: PointGroup[], s: number): PointGroup[] {
  if (s === 1) return data;
  return data.map((g) => ({
    ...g,
    minWidth: g.minWidth * s,
    maxWidth: g.maxWidth * s,
    dotSize: g.dotSize * s,
    points: g.points.map((p) => ({ ...p, x: p.x * s, y: p.y * s })),
  }));
}

export function SignaturePad({
  ref,
  labels,
  describedBy,
  onInk,
  className = "h-40",
}: {
  ref: React.Ref<SignaturePadHandle>;
  labels: SignaturePadLabels;
  describedBy?: string;
  /** called with true when there is ink (a stroke or a dot), false when there is none */
  onInk: (hasInk: boolean) => void;
  /** the pad's height (a Tailwind class) */
  className?: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadLib | null>(null);
  /** the CSS size the bitmap was last made for */
  const sizeRef = useRef<{ w: number; h: number; ratio: number } | null>(null);
  const [ready, setReady] = useState(false);
  const [hasInk, setHasInk] = useState(false);
  // the latest onInk for the pad's stroke listener (kept current after each render, not during it)
  const onInkRef = useRef(onInk);
  useLayoutEffect(() => {
    onInkRef.current = onInk;
  });

  const report = useCallback(() => {
    const ink = !!padRef.current && !padRef.current.isEmpty();
    setHasInk(ink);
    onInkRef.current(ink);
  }, []);

  /** Makes the bitmap match the canvas's size on the screen, redrawing (and fitting) the strokes. */
  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return;
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return; // hidden: nothing to fit yet
    const ratio = Math.max(1, Math.min(MAX_RATIO, window.devicePixelRatio || 1));
    const before = sizeRef.current;
    if (before && before.w === rect.width && before.h === rect.height && before.ratio === ratio) return;
    const data = pad.toData();
    canvas.width = Math.round(rect.width * ratio);
    canvas.height = Math.round(rect.height * ratio);
    canvas.getContext("2d")!.scale(ratio, ratio);
    sizeRef.current = { w: rect.width, h: rect.height, ratio };
    // strokes drawn on a wider pad are scaled to fit; on a wider pad they keep their size
    const s = before ? Math.min(1, rect.width / before.w, rect.height / before.h) : 1;
    pad.clear();
    if (data.length) pad.fromData(scaled(data, s));
  }, []);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    const onWindow = () => fit();
    void import("signature_pad").then(({ default: Pad }) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const pad = new Pad(canvas, { backgroundColor: "rgb(255, 255, 255)", penColor: "#111827", minWidth: 1, maxWidth: 3, dotSize: 2.5 });
      padRef.current = pad;
      pad.addEventListener("endStroke", report);
      sizeRef.current = null;
      fit();
      observer = new ResizeObserver(() => fit());
      observer.observe(canvas);
      window.addEventListener("orientationchange", onWindow);
      window.addEventListener("resize", onWindow);
      setReady(true);
      report();
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      window.removeEventListener("orientationchange", onWindow);
      window.removeEventListener("resize", onWindow);
      padRef.current?.off();
      padRef.current = null;
    };
  }, [fit, report]);

  const clear = useCallback(() => {
    padRef.current?.clear();
    report();
  }, [report]);

  const undo = useCallback(() => {
    const pad = padRef.current;
    if (!pad) return;
    const data = pad.toData();
    data.pop();
    pad.clear();
    if (data.length) pad.fromData(data);
    report();
  }, [report]);

  useImperativeHandle(
    ref,
    () => ({
      toBlob: () =>
        new Promise<Blob | null>((resolve) => {
          const canvas = canvasRef.current;
          if (!canvas || !padRef.current || padRef.current.isEmpty()) return resolve(null);
          canvas.toBlob(resolve, "image/png");
        }),
      clear,
      undo,
      isEmpty: () => !padRef.current || padRef.current.isEmpty(),
    }),
    [clear, undo],
  );

  const button = "rounded-md border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-50 disabled:opacity-40";
  return (
    <div>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={labels.area}
        aria-describedby={describedBy}
        aria-busy={!ready}
        data-ink={hasInk ? "true" : "false"}
        className={`block w-full touch-none rounded-lg border-2 border-dashed border-stone-400 bg-white ${className}`}
      />
      <div className="mt-1 flex justify-end gap-2">
        <button type="button" className={button} onClick={undo} disabled={!hasInk}>
          {labels.undo}
        </button>
        <button type="button" className={button} onClick={clear} disabled={!hasInk}>
          {labels.clear}
        </button>
      </div>
    </div>
  );
}
