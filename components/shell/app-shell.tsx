import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { navFor } from "./nav-items";
import { LanguageSwitcher } from "./language-switcher";
import { MobileMenu, BottomBar } from "./mobile-menu";
import { SignOutButton } from "@/components/offline/sign-out-button";
import type { KeyUnder } from "@/i18n/keys";

/**
 * The signed-in frame: the menu in one line from 640 px; on a phone a "menu" button opening the
 * whole list (nothing scrolls sideways or gets cut), and for the cadre a bottom bar with the four
 * main places. Sign-out is always in sight.
 */
export async function AppShell({ viewer, children }: { viewer: Viewer; children: React.ReactNode }) {
  const t = await getTranslations();
  const items = navFor(viewer).map((item) => ({ ...item, label: t(`nav.${item.key as KeyUnder<"nav">}`) }));
  const main = items.filter((i) => i.main);
  const who = `${viewer.name} · ${t(`roles.${viewer.role}`)} · ${viewer.regionName}`;
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="no-print sticky top-0 z-30 border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-x-4 gap-y-1 px-3 py-2">
          <Link href={homeFor(viewer)} className="flex shrink-0 items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-white text-brand-700" aria-hidden>
              准
            </span>
            <span>{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.menu")} className="hidden flex-wrap gap-1 sm:flex" data-testid="menu">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="whitespace-nowrap rounded px-2 py-1 text-sm hover:bg-brand-800">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-2 text-sm">
            <span className="hidden lg:inline" data-testid="viewer">
              {who}
            </span>
            <span className="[&_button]:border-white/40 [&_button]:text-white">
              <LanguageSwitcher />
            </span>
            <SignOutButton label={t("nav.signOut")} />
            <MobileMenu label={t("nav.menu")} who={who} items={items.map(({ href, label }) => ({ href, label }))} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={`mx-auto max-w-7xl px-3 py-4 outline-none sm:px-4 ${main.length ? "pb-24 sm:pb-4" : ""}`}>
        {children}
      </main>
      {main.length > 0 && <BottomBar label={t("nav.mainPlaces")} items={main.map(({ href, label }) => ({ href, label }))} />}
    </div>
  );
}
