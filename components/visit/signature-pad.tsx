"use client";
// A signature drawn with a finger (or mouse, or pen) on a canvas, exported as a PNG.
// Pointer events cover touch, pen and mouse; touch-action: none keeps the page from scrolling
// while the family signs.
import { useCallback, useEffect, useImperativeHandle, useRef } from "react";

export interface SignaturePadHandle {
  toBlob(): Promise<Blob | null>;
  clear(): void;
}

export function SignaturePad({ ref, label, describedBy, onInk }: {
  ref: React.Ref<SignaturePadHandle>;
  label: string;
  describedBy?: string;
  onInk: (hasInk: boolean) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);

  const context = useCallback(() => {
    const c = canvasRef.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return null;
    return { c, ctx };
  }, []);

  const reset = useCallback(() => {
    const got = context();
    if (!got) return;
    const { c, ctx } = got;
    const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    const rect = c.getBoundingClientRect();
    c.width = Math.round(rect.width * ratio);
    c.height = Math.round(rect.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, rect.width, rect.height);
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111827";
    inked.current = false;
    onInk(false);
  }, [context, onInk]);

  useEffect(() => {
    reset();
  }, [reset]);

  useImperativeHandle(ref, () => ({
    toBlob: () =>
      new Promise<Blob | null>((resolve) => {
        const c = canvasRef.current;
        if (!c || !inked.current) return resolve(null);
        c.toBlob(resolve, "image/png");
      }),
    clear: reset,
  }), [reset]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      className="block h-40 w-full touch-none rounded-lg border-2 border-dashed border-stone-400 bg-white"
      onPointerDown={(e) => {
        const got = context();
        if (!got) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = true;
        const p = point(e);
        got.ctx.beginPath();
        got.ctx.moveTo(p.x, p.y);
        got.ctx.lineTo(p.x + 0.1, p.y + 0.1);
        got.ctx.stroke();
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        const got = context();
        if (!got) return;
        const p = point(e);
        got.ctx.lineTo(p.x, p.y);
        got.ctx.stroke();
        if (!inked.current) {
          inked.current = true;
          onInk(true);
        }
      }}
      onPointerUp={() => {
        drawing.current = false;
      }}
      onPointerCancel={() => {
        drawing.current = false;
      }}
    />
  );
}
