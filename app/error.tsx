"use client";
// An error outside the signed-in frame (or in the frame itself): the way home and a sign-out, so
// nobody is stuck on it.
import { useTranslations } from "next-intl";
import { ErrorBody } from "@/components/shell/error-body";
import { SignOutButton } from "@/components/offline/sign-out-button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("nav");
  return (
    <main>
      <div className="flex justify-end bg-brand-700 px-3 py-2 text-white">
        <SignOutButton label={t("signOut")} />
      </div>
      <ErrorBody digest={error.digest} reset={reset} />
    </main>
  );
}
