// 管理 → 节假日: the work calendar (statutory holidays and make-up working days, 调休) that every
// deadline in working days counts by. Admins only. The years around today, each loaded or
// flagged; one year's twelve months at a glance, its days listed, and the forms to change them.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { currentYear } from "@/lib/clock";
import { calendarOverview, calendarYearView } from "@/lib/data/calendar";
import { CHINESE_DAYS_SOURCE } from "@/lib/calendar/chinese-days";
import { daysInMonth } from "@/lib/domain/dates";
import { isoWeekday } from "@/lib/domain/working-days";
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN } from "@/lib/validation/calendar";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { LoadFromPackageForm, MarkLoadedForm, RemoveDayButton, SetDayForm, WithdrawYearForm } from "@/components/admin/calendar-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.calendar"))("title") };
}

const pad = (n: number) => String(n).padStart(2, "0");

function Month({
  year,
  month,
  days,
  weekdays,
  title,
}: {
  year: number;
  month: number;
  days: Map<string, { kind: string; name: string }>;
  weekdays: string[];
  title: string;
}) {
  const first = isoWeekday(`${year}-${pad(month)}-01`);
  const n = daysInMonth(year, month);
  const cells: (number | null)[] = [...Array.from({ length: first - 1 }, () => null), ...Array.from({ length: n }, (_, i) => i + 1)];
  return (
    <div className="rounded-lg border border-stone-200 p-2">
      <h3 className="mb-1 text-center text-sm font-medium">{title}</h3>
      <div className="grid grid-cols-7 gap-px text-center text-[11px]">
        {weekdays.map((w, i) => (
          <div key={w} className={`pb-0.5 font-medium ${i >= 5 ? "text-stone-400" : "text-stone-500"}`}>
            {w}
          </div>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <div key={`b${i}`} />;
          const date = `${year}-${pad(month)}-${pad(d)}`;
          const entry = days.get(date);
          const weekend = isoWeekday(date) >= 6;
          const tone =
            entry?.kind === "holiday"
              ? "bg-red-600 text-white font-semibold"
              : entry?.kind === "workday"
                ? "bg-sky-600 text-white font-semibold"
                : weekend
                  ? "bg-stone-100 text-stone-400"
                  : "text-stone-800";
          return (
            <div
              key={date}
              className={`rounded py-0.5 tabular-nums ${tone}`}
              title={entry ? `${date} ${entry.name}` : date}
              data-date={date}
              data-kind={entry?.kind}
            >
              {d}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireViewerPage("policy.edit");
  const sp = await searchParams;
  const now = currentYear();
  const asked = /^\d{4}$/.test(sp.year ?? "") ? Number(sp.year) : now;
  const year = asked >= CALENDAR_YEAR_MIN && asked <= CALENDAR_YEAR_MAX ? asked : now;
  const [t, format, overview, view] = await Promise.all([
    getTranslations("admin.calendar"),
    getFormatter(),
    calendarOverview(now),
    calendarYearView(year, now),
  ]);
  const thisYear = overview.find((y) => y.year === now);
  const nextYear = overview.find((y) => y.year === now + 1);
  const days = new Map(view.days.map((d) => [d.date, d]));
  // the years around now in the table (and any not loaded, or the one shown); the older ones as links
  const isRecent = (y: (typeof overview)[number]) => y.year >= now - 4 || !y.loaded || y.year === year;
  const recent = overview.filter(isRecent);
  const older = overview.filter((y) => !isRecent(y));
  const weekdays = t("weekdays").split(",");
  const dateOf = (iso: string) =>
    format.dateTime(new Date(iso), { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>

      {thisYear && !thisYear.loaded && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
          data-testid="calendar-missing-current"
        >
          {t("missingCurrent", { year: now })}
        </p>
      )}
      {nextYear && !nextYear.loaded && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="calendar-missing-next">
          {t("missingNext", { year: now + 1 })}
        </p>
      )}

      <Card title={t("years")}>
        <div className="-mx-4 overflow-x-auto px-4">
          <table className="w-full text-sm" data-testid="calendar-years">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="px-2 py-2 font-medium">{t("colYear")}</th>
                <th className="px-2 py-2 font-medium">{t("colStatus")}</th>
                <th className="px-2 py-2 text-right font-medium">{t("holidays")}</th>
                <th className="px-2 py-2 text-right font-medium">{t("workdays")}</th>
                <th className="px-2 py-2 font-medium">{t("source")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {recent.map((y) => (
                <tr key={y.year} className={y.year === year ? "bg-brand-50" : ""}>
                  <th scope="row" className="px-2 py-1.5 text-left">
                    <Link
                      href={`/admin/calendar?year=${y.year}`}
                      className="text-brand-700 underline"
                      aria-current={y.year === year ? "true" : undefined}
                    >
                      {t("year", { year: y.year })}
                    </Link>
                  </th>
                  <td className="px-2 py-1.5">
                    {y.loaded ? (
                      <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">{t("loaded")}</span>
                    ) : (
                      <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">⚠ {t("notLoaded")}</span>
                    )}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{y.holidays ? t("days", { count: y.holidays }) : "—"}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{y.workdays ? t("days", { count: y.workdays }) : "—"}</td>
                  <td className="px-2 py-1.5 text-xs text-stone-600">
                    {y.source ?? (y.inPackage ? t("inPackage") : "")}
                    {y.loadedAt && (
                      <span className="ml-1 text-stone-400">
                        ·{" "}
                        {y.loadedBy
                          ? t("loadedBy", { name: y.loadedBy, date: dateOf(y.loadedAt) })
                          : t("loadedAt", { date: dateOf(y.loadedAt) })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {older.length > 0 && (
          <p className="mt-3 text-sm text-stone-600" data-testid="calendar-older-years">
            {t("older")}{" "}
            {older.map((y) => (
              <Link
                key={y.year}
                href={`/admin/calendar?year=${y.year}`}
                className={`mr-2 underline ${y.loaded ? "text-brand-700" : "font-semibold text-red-700"}`}
                aria-current={y.year === year ? "true" : undefined}
              >
                {y.year}
                {y.loaded ? "" : " ⚠"}
              </Link>
            ))}
          </p>
        )}
      </Card>

      <Card
        title={
          <span className="flex items-center gap-2">
            {t("year", { year })}
            {view.loaded ? (
              <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">{t("loaded")}</span>
            ) : (
              <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="calendar-year-flag">
                ⚠ {t("notLoaded")}
              </span>
            )}
          </span>
        }
        actions={
          <span className="flex items-center gap-3 text-xs text-stone-600">
            <span className="flex items-center gap-1">
              <span className="inline-block h-3 w-3 rounded bg-red-600" />
              {t("legendHoliday")}
            </span>
            <span className="flex items-center gap-1">
              <span className="inline-block h-3 w-3 rounded bg-sky-600" />
              {t("legendWorkday")}
            </span>
            <span className="flex items-center gap-1">
              <span className="inline-block h-3 w-3 rounded bg-stone-200" />
              {t("legendWeekend")}
            </span>
          </span>
        }
      >
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6" data-testid="calendar-months">
          {Array.from({ length: 12 }, (_, i) => (
            <Month key={i} year={year} month={i + 1} days={days} weekdays={weekdays} title={t("month", { month: i + 1 })} />
          ))}
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("entries", { year })}>
          {view.days.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <div className="max-h-[28rem] overflow-y-auto">
              <table className="w-full text-sm" data-testid="calendar-days">
                <thead className="sticky top-0 bg-stone-50 text-left text-stone-600">
                  <tr>
                    <th className="px-2 py-1.5 font-medium">{t("colDate")}</th>
                    <th className="px-2 py-1.5 font-medium">{t("colWeekday")}</th>
                    <th className="px-2 py-1.5 font-medium">{t("colKind")}</th>
                    <th className="px-2 py-1.5 font-medium">{t("colName")}</th>
                    <th className="px-2 py-1.5">
                      <span className="sr-only">{t("remove")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {view.days.map((d) => (
                    <tr key={d.date}>
                      <td className="px-2 py-1 tabular-nums">{d.date}</td>
                      <td className="px-2 py-1">{weekdays[isoWeekday(d.date) - 1]}</td>
                      <td className="px-2 py-1">
                        <span
                          className={`rounded px-1.5 py-0.5 text-xs ${d.kind === "holiday" ? "bg-red-100 text-red-800" : "bg-sky-100 text-sky-800"}`}
                        >
                          {d.kind === "holiday" ? t("legendHoliday") : t("legendWorkday")}
                        </span>
                      </td>
                      <td className="px-2 py-1">{d.name}</td>
                      <td className="px-2 py-1 text-right">
                        <RemoveDayButton date={d.date} label={t("remove")} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <div className="space-y-4">
          <Card title={t("add")}>
            <SetDayForm key={year} year={year} />
          </Card>
          <Card title={view.loaded ? t("loaded") : t("markLoaded")}>
            <div className="space-y-4">
              {view.inPackage && (
                <LoadFromPackageForm
                  year={year}
                  label={view.loaded ? t("reloadPackage") : t("loadPackage", { source: CHINESE_DAYS_SOURCE })}
                  hint={view.days.length ? t("reloadHint") : undefined}
                />
              )}
              {view.loaded ? <WithdrawYearForm year={year} /> : <MarkLoadedForm year={year} />}
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
