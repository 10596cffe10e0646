import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { Card, PageTitle } from "@/components/ui/card";
import { CreateUserForm } from "@/components/admin/create-user-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  const viewer = await requireViewerPage("user.manage");
  const t = await getTranslations("admin.users");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle sub={t("newSub", { region: viewer.regionName })}>{t("new")}</PageTitle>
      <Card className="max-w-3xl">
        <CreateUserForm />
      </Card>
    </>
  );
}
