import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { NAV } from "./nav-items";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "@/components/offline/sign-out-button";

export async function AppShell({ viewer, children }: { viewer: Viewer; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="no-print sticky top-0 z-30 border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-white text-brand-700" aria-hidden>准</span>
            <span>{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.menu")} className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
            {NAV[viewer.role].map((item) => (
              <Link key={item.href} href={item.href} className="whitespace-nowrap rounded px-2 py-1 text-sm hover:bg-brand-800">
                {t(`nav.${item.key}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <span className="hidden sm:inline" data-testid="viewer">
              {viewer.name} · {t(`roles.${viewer.role}`)} · {viewer.regionName}
            </span>
            <span className="sm:hidden" data-testid="viewer-short">{viewer.name}</span>
            <span className="[&_button]:border-white/40 [&_button]:text-white">
              <LanguageSwitcher />
            </span>
            <SignOutButton label={t("nav.signOut")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-3 py-4 sm:px-4">
        {children}
      </main>
    </div>
  );
}
