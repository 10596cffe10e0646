"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { credentialsSchema } from "@/lib/auth/options";
import { formFields, SubmitButton, TextField } from "@/components/ui/form";

// sign-in goes through next-auth (not a server action): the kit's fields, with no field errors of their own
const fields = formFields<typeof credentialsSchema>("", undefined);

export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (res?.ok && !res.error) {
      // a full page load on purpose: the new session's menu, messages and service-worker scope
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/");
      return;
    }
    setPending(false);
    setError(res?.error === "throttled" ? t("throttled") : res?.error ? t("invalid") : t("failed"));
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm" noValidate>
      <TextField form={fields} name="username" label={t("username")} autoComplete="username" autoCapitalize="none" required />
      <TextField form={fields} name="password" label={t("password")} type="password" autoComplete="current-password" required />
      {error && (
        <p id="login-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800" role="alert" aria-live="assertive">
          {error}
        </p>
      )}
      <SubmitButton pending={pending} pendingLabel={t("submitting")} size="lg" className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
