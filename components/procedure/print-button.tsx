"use client";
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white">
      {label}
    </button>
  );
}
