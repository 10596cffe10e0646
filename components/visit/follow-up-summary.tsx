// On the cadre's home: how many follow-ups (跟踪督办) are open over their households, and how
// many of those are past their due date.
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { followUpCounts } from "@/lib/data/visits/follow-ups";

export async function FollowUpSummary({ viewer }: { viewer: Viewer }) {
  const [{ open, overdue }, t] = await Promise.all([followUpCounts(viewer), getTranslations("visit.summary")]);
  return (
    <p
      className="mb-4 flex flex-wrap items-center gap-2 rounded-lg border border-stone-200 bg-white px-3 py-2 text-sm"
      data-testid="follow-up-summary"
    >
      <span className="font-medium">{t("title")}</span>
      <span className="rounded-full bg-stone-100 px-2 py-0.5 tabular-nums">{t("open", { count: open })}</span>
      <span
        className={`rounded-full px-2 py-0.5 tabular-nums ${overdue ? "bg-red-100 font-semibold text-red-800" : "bg-emerald-50 text-emerald-800"}`}
      >
        {overdue ? t("overdue", { count: overdue }) : t("noneOverdue")}
      </span>
    </p>
  );
}
