"use client";
// What a long form shows once saved: the message (focused as it appears) and where to go next.
import { useFocusOnMount } from "./use-focus-result";
import { buttonClass } from "./form";

export function SavedPanel({ message, links }: { message: string; links: { href: string; label: string; primary?: boolean }[] }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="space-y-4 rounded-xl border border-green-300 bg-green-50 p-4 outline-none"
      data-testid="saved"
    >
      <p className="text-base font-medium text-green-900">{message}</p>
      <div className="flex flex-col gap-2">
        {links.map((l) => (
          <a key={l.href + l.label} href={l.href} className={`${buttonClass(l.primary ? "brand" : "plain", "lg")} min-h-11`}>
            {l.label}
          </a>
        ))}
      </div>
    </div>
  );
}
