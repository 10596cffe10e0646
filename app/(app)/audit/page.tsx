// The audit viewer (审计日志), for the audit administrator alone: the events of their region,
// newest first, filtered by actor, action, entity, county and time, each with its before and
// after; the chain's state (the background check and the last anchor kept outside the database);
// the selection as XLSX. Every look is itself an audit event (audit.view).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { isRole } from "@/lib/auth/roles";
import { listAuditEvents } from "@/lib/data/audit-viewer";
import { chainStatus } from "@/lib/data/audit-status";
import { parseAuditParams, type AuditFilters } from "@/lib/validation/audit";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { ParamErrors } from "@/components/county/param-errors";
import { chinaSecond } from "@/lib/domain/china-time";
import { auditPageEvent } from "@/lib/data/access-denied";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const china = chinaSecond;
const json = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v, null, 2));

function query(f: AuditFilters, over: Partial<Record<keyof AuditFilters, string | undefined>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...over })) if (v) q.set(k, String(v));
  return q.toString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage("audit.view");
  const t = await getTranslations("audit");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const { values: f, errors } = parseAuditParams(await searchParams);
  const [{ rows, next }, status] = await Promise.all([listAuditEvents(viewer, f), chainStatus()]);
  // every look at the history is in the history
  await auditPageEvent(viewer, {
    action: "audit.view",
    entity: "audit",
    entityId: null,
    countyId: viewer.regionId.length >= 6 ? viewer.regionId.slice(0, 6) : null,
    after: { filters: { ...f, before: undefined }, page: f.before ?? null, rows: rows.length },
  });
  const filtered = Object.entries(f).some(([k, v]) => k !== "before" && v);
  const exportHref = `/audit/export?${query({ ...f, before: undefined })}`;
  const input = "mt-1 w-full rounded border border-stone-300 px-2 py-1.5 text-sm";

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <ParamErrors errors={errors} resetHref="/audit" />

      <Card title={t("chain.title")}>
        <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="chain-status">
          <div>
            <dt className="text-stone-500">{t("chain.check")}</dt>
            <dd
              className={
                status.check === null ? "text-stone-600" : status.check.ok ? "font-medium text-green-800" : "font-medium text-red-700"
              }
            >
              {status.check === null
                ? t("chain.never")
                : status.check.ok
                  ? t("chain.intact", { events: status.check.events.toLocaleString(locale), at: china(new Date(status.check.verifiedAt)) })
                  : t("chain.broken", { at: status.check.brokenAt ?? "?", why: status.check.why ?? "" })}
            </dd>
          </div>
          <div>
            <dt className="text-stone-500">{t("chain.anchor")}</dt>
            <dd className={status.anchor && "broken" in status.anchor ? "font-medium text-red-700" : undefined}>
              {status.anchor === null
                ? t("chain.noAnchor")
                : "broken" in status.anchor
                  ? t("chain.anchorBroken", { why: status.anchor.broken })
                  : t("chain.anchorAt", {
                      at: china(new Date(status.anchor.at)),
                      id: status.anchor.eventId,
                      events: status.anchor.events.toLocaleString(locale),
                    })}
            </dd>
          </div>
        </dl>
      </Card>

      <Card title={t("filters.title")}>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" role="search">
          <label className="text-sm">
            {t("filters.actor")}
            <input name="actor" defaultValue={f.actor ?? ""} className={input} placeholder={t("filters.actorHint")} />
          </label>
          <label className="text-sm">
            {t("filters.action")}
            <input name="action" defaultValue={f.action ?? ""} className={input} placeholder="household.update / visit." />
          </label>
          <label className="text-sm">
            {t("filters.entity")}
            <input name="entity" defaultValue={f.entity ?? ""} className={input} placeholder="household" />
          </label>
          <label className="text-sm">
            {t("filters.entityId")}
            <input name="entityId" defaultValue={f.entityId ?? ""} className={input} />
          </label>
          <label className="text-sm">
            {t("filters.county")}
            <input name="county" defaultValue={f.county ?? ""} className={input} inputMode="numeric" placeholder="520603" />
          </label>
          <label className="text-sm">
            {t("filters.from")}
            <input type="date" name="from" defaultValue={f.from ?? ""} className={input} />
          </label>
          <label className="text-sm">
            {t("filters.to")}
            <input type="date" name="to" defaultValue={f.to ?? ""} className={input} />
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className="rounded bg-red-700 px-4 py-1.5 text-sm text-white">
              {t("filters.apply")}
            </button>
            {filtered && (
              <Link href="/audit" className="text-sm underline">
                {t("filters.clear")}
              </Link>
            )}
          </div>
        </form>
        <p className="mt-3 text-sm">
          <a href={exportHref} download className="underline" data-testid="audit-export">
            {t("export")}
          </a>
          <span className="ml-2 text-stone-500">{t("exportHint")}</span>
        </p>
      </Card>

      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="audit-rows">
          {rows.map((r) => (
            <li key={r.id} className="p-3 text-sm" data-testid="audit-row">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
                  <time className="font-mono text-stone-600">{china(r.at)}</time>
                  <span className="font-medium">{r.actorName ?? t("system")}</span>
                  {r.actorRole && (
                    <span className="text-stone-500">{r.actorRole && isRole(r.actorRole) ? tr(r.actorRole) : r.actorRole}</span>
                  )}
                  <code className="rounded bg-stone-100 px-1">{r.action}</code>
                  <span className="text-stone-600">
                    {r.entity}
                    {r.entityId ? " · " : ""}
                    {/* the record id column: the one raw id the audit viewer shows by design (tests/e2e/every-role.spec.ts) */}
                    {r.entityId && <span data-audit-record-id>{r.entityId}</span>}
                  </span>
                  {r.countyId && <span className="text-stone-500">{r.countyId}</span>}
                </summary>
                <div className="mt-2 grid gap-2 md:grid-cols-2">
                  <div>
                    <p className="text-xs text-stone-500">{t("before")}</p>
                    <pre className="max-h-64 overflow-auto rounded bg-stone-50 p-2 text-xs">{json(r.before)}</pre>
                  </div>
                  <div>
                    <p className="text-xs text-stone-500">{t("after")}</p>
                    <pre className="max-h-64 overflow-auto rounded bg-stone-50 p-2 text-xs">{json(r.after)}</pre>
                  </div>
                  {r.reason && (
                    <p className="md:col-span-2">
                      <span className="text-stone-500">{t("reason")}</span> {r.reason}
                    </p>
                  )}
                  <p className="text-xs text-stone-500 md:col-span-2">
                    {t("eventId", { id: r.id })}
                    {r.actorUsername ? ` · ${r.actorUsername}` : ""}
                  </p>
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      <nav className="flex gap-4 text-sm" aria-label={t("pages")}>
        {f.before && (
          <Link href={`/audit?${query({ ...f, before: undefined })}`} className="underline">
            {t("newest")}
          </Link>
        )}
        {next && (
          <Link href={`/audit?${query(f, { before: next })}`} className="underline" data-testid="audit-older">
            {t("older")}
          </Link>
        )}
      </nav>
    </div>
  );
}
