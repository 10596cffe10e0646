// Badge colours and the plain badge: shared by server badges (components/ui/badge.tsx) and the
// client tables' pills (components/county/pills.tsx). No server imports here.
export type Tone = "gray" | "red" | "amber" | "green" | "blue" | "purple";

export const TONES: Record<Tone, string> = {
  gray: "bg-stone-100 text-stone-800 ring-stone-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-300",
  purple: "bg-violet-50 text-violet-800 ring-violet-300",
};

export const REGISTERED_TONE: Record<string, Tone> = { not_registered: "gray", registered_poor: "red", lifted: "blue" };
export const ASSESSED_TONE: Record<string, Tone> = { below_standard: "red", at_risk: "amber", secure: "green" };

export function Badge({ tone = "gray", children, title }: { tone?: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
