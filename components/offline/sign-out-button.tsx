"use client";
// Signing out on a phone that keeps pages offline: the kept pages are emptied first (they hold
// one cadre's households); visits still waiting stay on the phone under this user's id, shown
// and sent only when the same user signs in again, and the cadre is told so before leaving.
// Signs out with next-auth's own endpoints (csrf, then POST signout), without next-auth/react.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { setOutboxUser } from "@/lib/offline/current-user";
import { forgetPages } from "@/lib/offline/sw-client";

export function SignOutButton({ label }: { label: string }) {
  const t = useTranslations("offline.signOut");
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    const { listMine } = await import("@/lib/offline/outbox");
    const waiting = (await listMine().catch(() => [])).filter((i) => i.state === "waiting" || i.state === "sending").length;
    if (waiting > 0 && !window.confirm(t("waitingConfirm", { count: waiting }))) return;
    setBusy(true);
    await forgetPages().catch(() => {});
    setOutboxUser(null);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
      });
    } finally {
      // a full page load on purpose: the signed-out shell must not keep this user's cached pages
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.href = "/login";
    }
  };
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      disabled={busy}
      className="rounded border border-white/40 px-2 py-1 text-sm hover:bg-brand-800 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
