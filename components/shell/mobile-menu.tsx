"use client";
// The phone's menu: a button opening every place of the role as a list (closed again on each
// navigation), and for the cadre a bottom bar with the four main places. Hidden from 640 px,
// where the header shows the menu in one line.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

interface Item {
  href: string;
  label: string;
}

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

export function MobileMenu({ label, who, items }: { label: string; who: string; items: Item[] }) {
  const pathname = usePathname();
  // open on the page where it was opened: a navigation closes it (no effect resetting state after the fact)
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpenOn(null);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="sm:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => setOpen(!open)}
        className="flex min-h-9 items-center gap-1 rounded border border-white/40 px-2 py-1 text-sm"
        data-testid="menu-button"
      >
        <span aria-hidden>☰</span>
        {label}
      </button>
      {open && (
        <div
          ref={panel}
          id="mobile-menu"
          className="absolute inset-x-0 top-full border-b border-stone-300 bg-white text-stone-900 shadow-lg"
        >
          <nav aria-label={label}>
            <ul className="divide-y divide-stone-100">
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
                    className="block px-4 py-3 text-base aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <p className="border-t border-stone-200 px-4 py-2 text-xs text-stone-500" data-testid="viewer-short">
            {who}
          </p>
        </div>
      )}
    </div>
  );
}

/** Pages with their own bar at the bottom (a form's save button) keep the screen's bottom to it. */
const FORM_PAGE = /^\/households\/(new|[^/]+\/(visit|edit|measures\/new|propose))$/;

export function BottomBar({ label, items }: { label: string; items: Item[] }) {
  const pathname = usePathname();
  if (FORM_PAGE.test(pathname)) return null;
  return (
    <nav
      aria-label={label}
      data-testid="bottom-bar"
      className="no-print fixed inset-x-0 bottom-0 z-30 grid border-t border-stone-200 bg-white/95 backdrop-blur sm:hidden"
      style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))`, paddingBottom: "env(safe-area-inset-bottom)" }}
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
          className="flex min-h-14 items-center justify-center px-1 text-center text-sm leading-tight text-stone-700 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
