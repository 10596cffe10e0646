"use client";
// One line on every cadre page: how many visits wait on the phone, or that all are sent; a
// "send now" button; the way to the outbox.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { summarize } from "@/lib/offline/summary";
import { loadOutbox, useOnline, useOutbox } from "./use-outbox";
import { buttonClass } from "@/components/ui/button-style";

export function StatusBar() {
  const t = useTranslations("offline.bar");
  const { items, sending } = useOutbox();
  const online = useOnline();
  const s = items ? summarize(items) : null;
  const pending = s ? s.waiting + s.sending : 0;
  const attention = s ? pending + s.unseenConfirm + s.unseenRejected : 0;
  const tone = !s
    ? "border-stone-200 bg-white"
    : attention
      ? "border-amber-300 bg-amber-50 text-amber-950"
      : "border-emerald-200 bg-emerald-50 text-emerald-950";
  return (
    <div
      role="status"
      aria-label={t("label")}
      data-testid="outbox-bar"
      data-waiting={s ? pending : undefined}
      className={`-mt-1 mb-3 flex min-h-11 items-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${tone}`}
    >
      <span className={`inline-flex shrink-0 items-center gap-1 text-xs font-medium ${online ? "text-emerald-800" : "text-stone-700"}`}>
        <span aria-hidden className={`h-2 w-2 rounded-full ${online ? "bg-emerald-600" : "bg-stone-500"}`} />
        {online ? t("online") : t("offline")}
      </span>
      <span className="min-w-0 flex-1 truncate font-medium" data-testid="outbox-bar-text">
        {!s
          ? "\u00a0"
          : s.sending || (sending && pending)
            ? t("sending", { count: pending })
            : pending
              ? t("waiting", { count: pending })
              : t("allSent")}
        {s && s.unseenConfirm > 0 && (
          <span className="ml-1 font-normal text-amber-900">· {t("needsConfirm", { count: s.unseenConfirm })}</span>
        )}
        {s && s.unseenRejected > 0 && <span className="ml-1 font-normal text-red-800">· {t("rejected", { count: s.unseenRejected })}</span>}
      </span>
      {s && s.waiting > 0 && online && !sending && (
        <button
          type="button"
          onClick={() => void loadOutbox().then((m) => m.sendNow())}
          className={`shrink-0 ${buttonClass("brand", "sm")}`}
        >
          {t("sendNow")}
        </button>
      )}
      <Link href="/outbox" className="inline-flex min-h-9 shrink-0 items-center px-1 text-sm underline">
        {t("open")}
      </Link>
    </div>
  );
}
