import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { getUserForAdmin } from "@/lib/data/admin/users";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { UserStatusForm } from "@/components/admin/user-status-form";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { RoleScopeForm } from "@/components/admin/role-scope-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.user");
  return { title: t("title") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("user.manage");
  const { id } = await params;
  const user = await getUserForAdmin(viewer, id);
  if (!user) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const self = user.id === viewer.id;
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("admin.users.never");
  const parent = user.regionPath.at(-2);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          ← {t("admin.users.title")}
        </Link>
      </p>
      <PageTitle sub={`${user.username} · ${t(`roles.${user.role}`)}`}>
        {user.name}{" "}
        {user.disabled ? <Badge tone="red">{t("admin.users.disabled")}</Badge> : <Badge tone="green">{t("admin.users.active")}</Badge>}
      </PageTitle>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("admin.user.details")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-stone-500">{t("admin.users.username")}</dt>
            <dd className="break-all">{user.username}</dd>
            <dt className="text-stone-500">{t("admin.users.name")}</dt>
            <dd>{user.name}</dd>
            <dt className="text-stone-500">{t("admin.users.phone")}</dt>
            <dd>{user.phone ?? "—"}</dd>
            <dt className="text-stone-500">{t("admin.users.role")}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
            <dt className="text-stone-500">{t("admin.users.scope")}</dt>
            <dd>
              {user.regionPath.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && " › "}
                  <Link href={`/admin/regions?id=${r.id}`} className="underline">
                    {r.name}
                  </Link>
                </span>
              ))}{" "}
              <span className="text-xs text-stone-500 tabular-nums">{user.regionId}</span>
            </dd>
            <dt className="text-stone-500">{t("admin.users.lastLogin")}</dt>
            <dd>{when(user.lastLoginAt)}</dd>
            <dt className="text-stone-500">{t("admin.user.createdAt")}</dt>
            <dd>{when(user.createdAt)}</dd>
            <dt className="text-stone-500">{t("admin.user.updatedAt")}</dt>
            <dd>{when(user.updatedAt)}</dd>
          </dl>
        </Card>

        <Card title={user.disabled ? t("admin.user.enable") : t("admin.user.disable")}>
          {self ? (
            <p className="text-sm text-stone-600">{t("admin.users.cannotDisableSelf")}</p>
          ) : (
            <UserStatusForm userId={user.id} username={user.username} disabled={user.disabled} />
          )}
        </Card>

        <Card title={t("admin.user.roleAndScope")}>
          {self ? (
            <p className="text-sm text-stone-600">{t("admin.users.cannotChangeSelf")}</p>
          ) : (
            <RoleScopeForm
              userId={user.id}
              role={user.role}
              region={{ id: user.regionId, name: user.regionName, level: user.regionLevel, parentName: parent?.name ?? null }}
            />
          )}
        </Card>

        <Card title={t("admin.user.resetPassword")}>
          <ResetPasswordForm userId={user.id} />
        </Card>
      </div>
    </>
  );
}
