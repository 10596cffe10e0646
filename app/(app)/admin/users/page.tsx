import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/admin/users";
import { ROLES } from "@/lib/auth/roles";
import { userSearchSchema } from "@/lib/validation/admin";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button-style";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewerPage("user.manage");
  const raw = await searchParams;
  const filter = userSearchSchema.parse({ q: first(raw.q), role: first(raw.role), page: first(raw.page) });
  const [t, format, result] = await Promise.all([getTranslations(), getFormatter(), listUsers(viewer, filter)]);

  return (
    <>
      <PageTitle sub={t("admin.users.sub", { region: viewer.regionName })}>{t("admin.users.title")}</PageTitle>

      <div className="mb-3 flex flex-wrap items-end gap-3">
        <form method="get" role="search" aria-label={t("admin.users.searchLabel")} className="flex flex-1 flex-wrap items-end gap-2">
          <div className="min-w-40 flex-1">
            <label htmlFor="users-q" className="block text-sm font-medium">
              {t("admin.users.search")}
            </label>
            <input
              id="users-q"
              name="q"
              type="search"
              defaultValue={filter.q ?? ""}
              placeholder={t("admin.users.searchPlaceholder")}
              className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 text-base"
            />
          </div>
          <div>
            <label htmlFor="users-role" className="block text-sm font-medium">
              {t("admin.users.role")}
            </label>
            <select
              id="users-role"
              name="role"
              defaultValue={filter.role ?? ""}
              className="mt-1 block rounded-lg border border-stone-300 px-3 py-2 text-base"
            >
              <option value="">{t("admin.users.allRoles")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50">
            {t("common.search")}
          </button>
          {(filter.q || filter.role) && (
            <Link href="/admin/users" className="px-2 py-2 text-sm text-stone-600 underline">
              {t("common.reset")}
            </Link>
          )}
        </form>
        <Link href="/admin/users/new" className={buttonClass()}>
          {t("admin.users.new")}
        </Link>
      </div>

      {result.rows.length === 0 ? (
        <EmptyState>{filter.q || filter.role ? t("admin.users.noMatch") : t("admin.users.empty")}</EmptyState>
      ) : (
        <div
          className="overflow-x-auto rounded-xl border border-stone-200 bg-white"
          role="region"
          aria-labelledby="users-caption"
          tabIndex={0}
        >
          <table className="w-full min-w-[720px] text-left text-sm">
            <caption id="users-caption" className="sr-only">
              {t("admin.users.caption")}
            </caption>
            <thead className="bg-stone-50 text-xs text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("admin.users.username")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("admin.users.name")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("admin.users.role")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("admin.users.scope")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("admin.users.status")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("admin.users.lastLogin")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {result.rows.map((u) => (
                <tr key={u.id} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                      {u.username}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{u.name}</td>
                  <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                  <td className="px-3 py-2">
                    {u.regionName} <span className="text-xs text-stone-500 tabular-nums">{u.regionId}</span>
                  </td>
                  <td className="px-3 py-2">
                    {u.disabled ? (
                      <Badge tone="red">{t("admin.users.disabled")}</Badge>
                    ) : (
                      <Badge tone="green">{t("admin.users.active")}</Badge>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-stone-600">
                    {u.lastLoginAt
                      ? format.dateTime(new Date(u.lastLoginAt), { dateStyle: "short", timeStyle: "short" })
                      : t("admin.users.never")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        basePath="/admin/users"
        params={{ q: filter.q, role: filter.role }}
      />
    </>
  );
}
