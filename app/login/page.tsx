import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { LoginForm } from "@/components/shell/login-form";
import { LanguageSwitcher } from "@/components/shell/language-switcher";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await getViewer()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-8">
      <div className="mb-6 text-center">
        <div
          className="mx-auto mb-3 flex h-14 w-14 items-center justify-center rounded-2xl bg-brand-700 text-2xl font-bold text-white"
          aria-hidden
        >
          准
        </div>
        <h1 className="text-2xl font-semibold">{t("app.fullName")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("app.tagline")}</p>
      </div>
      <LoginForm />
      <p className="mt-4 text-center text-xs text-stone-500">{t("login.demoHint")}</p>
      <div className="mt-6 flex justify-center">
        <LanguageSwitcher />
      </div>
    </main>
  );
}
