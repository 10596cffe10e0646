// 管理 → 通知渠道: the province's outbound channel for reminders (log only by default), a test
// message, and every message recorded for the province (who, what, channel, result). Admins only.
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { channelView, recentNotifications } from "@/lib/notify/admin";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { ChannelForm, TestButton } from "@/components/admin/notify-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.notify"))("title") };
}

const STATUS_TONE: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-800",
  logged: "bg-stone-100 text-stone-700",
  failed: "bg-red-100 text-red-800",
  skipped: "bg-amber-100 text-amber-800",
  pending: "bg-sky-100 text-sky-800",
};

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewerPage("policy.edit");
  const sp = await searchParams;
  const page = /^\d{1,5}$/.test(sp.page ?? "") ? Number(sp.page) : 1;
  const [t, format, channel, recent] = await Promise.all([
    getTranslations("admin.notify"),
    getFormatter(),
    channelView(viewer),
    recentNotifications(viewer, page),
  ]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={`${t("channel")} · ${viewer.regionName}`} className="lg:col-span-2">
          <ChannelForm key={channel.version} channel={channel} />
        </Card>
        <Card title={t("test")}>
          <TestButton />
          <p className="mt-3 text-xs text-stone-500">
            {channel.lastRunAt ? t("lastRun", { time: when(channel.lastRunAt) }) : t("neverRun")}
          </p>
        </Card>
      </div>
      <Card title={t("recent")}>
        {recent.items.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[900px] text-sm" data-testid="notifications">
              <thead className="bg-stone-50 text-left text-stone-600">
                <tr>
                  <th className="px-2 py-2 font-medium">{t("colTime")}</th>
                  <th className="px-2 py-2 font-medium">{t("colKind")}</th>
                  <th className="px-2 py-2 font-medium">{t("colRecipient")}</th>
                  <th className="px-2 py-2 font-medium">{t("colChannel")}</th>
                  <th className="px-2 py-2 font-medium">{t("colStatus")}</th>
                  <th className="px-2 py-2 font-medium">{t("colText")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 align-top">
                {recent.items.map((n) => (
                  <tr key={n.id}>
                    <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">{when(n.createdAt)}</td>
                    <td className="px-2 py-1.5">{t(`events.${n.kind}` as "events.test")}</td>
                    <td className="px-2 py-1.5">{n.recipient ?? <span className="text-stone-500">{t("group")}</span>}</td>
                    <td className="px-2 py-1.5 text-xs">{t(`kinds.${n.channel}` as "kinds.log")}</td>
                    <td className="px-2 py-1.5">
                      <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[n.status] ?? ""}`}>
                        {t(`statuses.${n.status}` as "statuses.sent")}
                      </span>
                      {n.detail && <span className="ml-1 font-mono text-xs text-stone-500">{n.detail}</span>}
                    </td>
                    <td className="px-2 py-1.5 text-xs text-stone-700">{n.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={recent.page} pageSize={recent.pageSize} total={recent.total} params={{}} basePath="/admin/notifications" />
      </Card>
    </div>
  );
}
