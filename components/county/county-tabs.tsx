import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = [
  { href: "/county", key: "villages" },
  { href: "/county/charts", key: "charts" },
  { href: "/county/measures", key: "measures" },
  { href: "/county/assignments", key: "assignments" },
  { href: "/county/approvals", key: "approvals" },
  { href: "/county/key-households", key: "keyHouseholds" },
  { href: "/county/relocation", key: "relocation" },
  { href: "/county/teams", key: "teams" },
  { href: "/village-exit", key: "villageExit" },
  { href: "/county/feeds", key: "feeds" },
] as const;

/** The county official's sections, the current one marked for screen readers too. */
export async function CountyTabs({ current }: { current: (typeof TABS)[number]["key"] | null }) {
  const t = await getTranslations("county.tabs");
  return (
    <nav aria-label={t("label")} className="mb-4 flex gap-1 overflow-x-auto border-b border-stone-200 text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={current === tab.key ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 ${current === tab.key ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
