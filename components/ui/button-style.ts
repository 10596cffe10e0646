// The one button style (tone × size, touch targets of at least 44 px), for buttons and for links
// that look like buttons. Not a client module: server components (pages) use it for their links
// and plain form buttons; the kit's Button and SubmitButton (form.tsx) use it too.
const TONES = {
  brand: "bg-brand-700 text-white hover:bg-brand-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  green: "bg-emerald-700 text-white hover:bg-emerald-800",
  plain: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-50",
  quiet: "border border-stone-300 text-stone-800 active:bg-stone-50",
  dangerQuiet: "border border-red-300 text-red-800 active:bg-red-50",
  dangerOutline: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
};
const SIZES = {
  sm: "inline-flex min-h-11 items-center justify-center px-3 text-sm font-medium",
  md: "inline-flex min-h-11 items-center justify-center px-4 py-2 text-sm font-semibold",
  lg: "inline-flex min-h-12 items-center justify-center px-5 text-base font-semibold",
};
export type ButtonTone = keyof typeof TONES;
export type ButtonSize = keyof typeof SIZES;

/** The one button style: tone (colour) and size (touch target at least 44 px). */
export function buttonClass(tone: ButtonTone = "brand", size: ButtonSize = "md") {
  return `rounded-lg disabled:opacity-60 ${SIZES[size]} ${TONES[tone]}`;
}
