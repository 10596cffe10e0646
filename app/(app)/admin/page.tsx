import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { getAdminOverview } from "@/lib/data/admin/overview";
import { ROLES, can } from "@/lib/auth/roles";
import { REGION_LEVELS } from "@/lib/validation/admin";
import { Card, PageTitle, Stat } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.home");
  return { title: t("title") };
}

export default async function AdminHomePage() {
  const viewer = await requireViewerPage("user.manage");
  const [t, format, data] = await Promise.all([getTranslations(), getFormatter(), getAdminOverview(viewer)]);
  const n = (v: number) => format.number(v);
  const linkClass = "block rounded-xl focus-visible:outline-offset-4 hover:ring-2 hover:ring-brand-100";
  return (
    <>
      <PageTitle sub={t("admin.home.sub", { region: viewer.regionName, code: viewer.regionId })}>{t("admin.home.title")}</PageTitle>

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Link href="/admin/users" className={linkClass}>
          <Stat
            label={t("admin.home.users")}
            value={n(data.usersTotal)}
            hint={data.usersDisabled ? t("admin.home.disabledCount", { count: data.usersDisabled }) : undefined}
          />
        </Link>
        <Link href="/admin/regions" className={linkClass}>
          <Stat
            label={t("admin.home.villages")}
            value={n(data.regionsByLevel.village)}
            hint={t("admin.home.townships", { count: data.regionsByLevel.township })}
          />
        </Link>
        <Stat
          label={t("admin.home.households")}
          value={n(data.households)}
          hint={t("admin.home.registeredPoor", { count: data.registeredPoor })}
        />
        <Link href="/admin/policy" className={linkClass}>
          <Stat
            label={t("admin.home.policyRows")}
            value={n(data.policyNational + data.policyProvince)}
            hint={t("admin.home.policySplit", { national: data.policyNational, province: data.policyProvince })}
          />
        </Link>
      </div>

      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Card
          title={t("admin.home.usersByRole")}
          actions={
            <Link className="text-sm text-brand-700 underline" href="/admin/users/new">
              {t("admin.users.new")}
            </Link>
          }
        >
          <ul className="divide-y divide-stone-100">
            {ROLES.map((role) => (
              <li key={role}>
                <Link href={`/admin/users?role=${role}`} className="flex items-center justify-between gap-2 px-1 py-2 hover:bg-stone-50">
                  <span>{t(`roles.${role}`)}</span>
                  <span className="tabular-nums font-medium">{n(data.usersByRole[role])}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card
          title={t("admin.home.regionsByLevel")}
          actions={
            <Link className="text-sm text-brand-700 underline" href="/admin/regions/import">
              {t("admin.import.title")}
            </Link>
          }
        >
          <ul className="divide-y divide-stone-100">
            {REGION_LEVELS.map((level) => (
              <li key={level} className="flex items-center justify-between gap-2 px-1 py-2">
                <span>{t(`levels.${level}`)}</span>
                <span className="tabular-nums font-medium">{n(data.regionsByLevel[level])}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link className="text-brand-700 underline" href="/admin/regions">
              {t("admin.home.browseRegions")}
            </Link>
          </p>
        </Card>
      </div>

      {can(viewer.role, "policy.edit") && (
        <p className="mt-4 text-sm">
          <Link className="font-medium text-brand-700 underline" href="/admin/calendar">
            {t("admin.calendar.link")}
          </Link>
          <span className="text-stone-600"> — {t("admin.calendar.linkHint")}</span>
          <br />
          <Link className="font-medium text-brand-700 underline" href="/admin/notifications">
            {t("admin.notify.link")}
          </Link>
          <span className="text-stone-600"> — {t("admin.notify.linkHint")}</span>
        </p>
      )}

      {can(viewer.role, "data.import") && (
        <p className="mt-4 text-sm">
          <Link className="font-medium text-brand-700 underline" href="/admin/import">
            {t("bulkImport.link")}
          </Link>
          <span className="text-stone-600"> — {t("bulkImport.linkHint")}</span>
        </p>
      )}
    </>
  );
}
