"use client";
// The outbox, item by item: what waits on this phone and what became of what was sent —
// stored, stored with changes to confirm, or refused (kept here, and handed to the county when
// the household had moved to another cadre). Nothing here deletes anything.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { OutboxItem, OutboxState } from "@/lib/offline/queue";
import { loadOutbox, useOnline, useOutbox } from "./use-outbox";
import { buttonClass } from "@/components/ui/button-style";
import { chinaMonthDayMinute } from "@/lib/domain/china-time";

const BADGE: Record<OutboxState, string> = {
  waiting: "bg-amber-100 text-amber-900 ring-amber-300",
  sending: "bg-sky-100 text-sky-900 ring-sky-300",
  sent: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  conflict: "bg-amber-100 text-amber-950 ring-amber-400",
  rejected: "bg-red-100 text-red-900 ring-red-300",
  reported: "bg-red-100 text-red-900 ring-red-300",
};

const when = (ms: number) => chinaMonthDayMinute(new Date(ms));

function Item({ item }: { item: OutboxItem }) {
  const t = useTranslations("offline.outbox");
  const files = (item.files.signature ? 1 : 0) + item.files.evidence.length;
  const refused = item.state === "rejected" || item.state === "reported";
  return (
    <li
      className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm"
      data-testid="outbox-item"
      data-state={item.state}
      data-visit-id={item.id}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-semibold">{item.label || t("unnamed")}</p>
          <p className="text-xs text-stone-600">
            {t("visitDate", { date: item.visitDate })} · {t("loggedAt", { time: when(item.createdAt) })}
          </p>
        </div>
        <span
          className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGE[item.state]}`}
          data-testid="outbox-state"
        >
          {t(`state.${item.state}`)}
        </span>
      </div>

      {(item.state === "waiting" || item.state === "sending") && (
        <p className="mt-1 text-xs text-stone-600">
          {files > 0 && <>{t("files", { count: files })} · </>}
          {item.attempts > 0 && t("attempts", { count: item.attempts })}
          {item.lastError && <> · {t("lastError", { message: item.lastError === "network" ? t("network") : item.lastError })}</>}
        </p>
      )}
      {item.state === "sent" && (
        <p className="mt-1 text-sm text-emerald-900">✓ {item.result?.replay ? t("sentReplay") : t("sentAccepted")}</p>
      )}
      {item.state === "conflict" && (
        <div className="mt-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-950" data-testid="outbox-conflict">
          <p>⚠ {t("conflictBody")}</p>
          <Link href={`/households/${item.householdId}`} className="mt-1 inline-flex min-h-11 items-center font-semibold underline">
            {t("confirmLink")} ›
          </Link>
        </div>
      )}
      {refused && (
        <div className="mt-2 rounded-lg bg-red-50 p-2 text-sm text-red-900" data-testid="outbox-rejection">
          <p className="font-semibold">
            {item.rejection?.reassigned ? t("reassigned") : t("rejectedBody", { message: item.rejection?.message ?? "" })}
          </p>
          {item.rejection?.reassigned && (
            <p className="mt-0.5" data-testid="outbox-reported">
              {item.state === "reported"
                ? `✓ ${t("reported")}`
                : item.rejection.reportError
                  ? t("reportFailed", { message: item.rejection.reportError })
                  : t("reporting")}
            </p>
          )}
          <p className="mt-0.5 text-xs text-red-800">{t("keptHere")}</p>
        </div>
      )}
      {(refused || item.state === "waiting") && typeof item.fields.findings === "string" && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-stone-700">{t("findings")}</summary>
          <p className="mt-1 whitespace-pre-wrap text-stone-800">{item.fields.findings}</p>
        </details>
      )}
    </li>
  );
}

export function OutboxList() {
  const t = useTranslations("offline");
  const { items, sending } = useOutbox();
  const online = useOnline();
  // what is shown here has been seen: the bar on the other pages stops counting it
  const unseen = (items ?? [])
    .filter((i) => !i.seenAt && i.state !== "waiting" && i.state !== "sending")
    .map((i) => i.id)
    .join(",");
  useEffect(() => {
    if (unseen) void loadOutbox().then((m) => m.seen(unseen.split(",")));
  }, [unseen]);
  if (!items)
    return (
      <p className="text-sm text-stone-600" aria-busy>
        …
      </p>
    );
  if (items.length === 0)
    return (
      <p className="rounded-xl border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600" data-testid="outbox-empty">
        {t("outbox.empty")}
      </p>
    );
  const open = items.filter((i) => i.state === "waiting" || i.state === "sending");
  const done = items.filter((i) => !open.includes(i)).sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <div className="space-y-5">
      {open.length > 0 && (
        <section aria-labelledby="outbox-open">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 id="outbox-open" className="font-semibold">
              {t("outbox.waitingTitle")} ({open.length})
            </h2>
            <button
              type="button"
              onClick={() => void loadOutbox().then((m) => m.sendNow())}
              disabled={!online || sending}
              className={buttonClass()}
              data-testid="outbox-send-now"
            >
              {sending ? t("bar.sending", { count: open.length }) : online ? t("bar.sendNow") : t("bar.offline")}
            </button>
          </div>
          <ul className="space-y-2">
            {open.map((i) => (
              <Item key={i.id} item={i} />
            ))}
          </ul>
        </section>
      )}
      {done.length > 0 && (
        <section aria-labelledby="outbox-done">
          <h2 id="outbox-done" className="mb-2 font-semibold">
            {t("outbox.doneTitle")} ({done.length})
          </h2>
          <ul className="space-y-2">
            {done.map((i) => (
              <Item key={i.id} item={i} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
