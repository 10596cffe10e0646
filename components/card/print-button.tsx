"use client";
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-emerald-700 px-4 py-2.5 font-semibold text-white"
      data-testid="print-now"
    >
      {label}
    </button>
  );
}
