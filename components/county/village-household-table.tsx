"use client";
// A village's households for the county official: TanStack Table in manual mode. Sorting,
// filters and the page live in the URL; the server filtered, sorted and paged the rows, so the
// table only renders them and turns clicks into a new URL (and the server answers again).
import { useMemo, useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  columnFilteringFeature,
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";
import type { CountyHouseholdRow } from "@/lib/data/county-households";
import { POVERTY_CAUSES } from "@/lib/domain/measures";
import { ASSESSED, CANDIDATES, INDICATORS, MONITORING, PAGE_SIZES, REGISTERED, type HouseholdSort } from "@/lib/validation/county";
import { AssessedPills, Pill, RegisteredPills, UnmetList, VisitCell } from "./pills";
import type { KeyUnder } from "@/i18n/keys";

const features = tableFeatures({ rowSortingFeature, columnFilteringFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, CountyHouseholdRow>();

/** URL parameters that are filters (each one a TanStack column filter with the same id). */
export const FILTER_IDS = ["q", "mismatch", "monitoring", "overdue", "unmet", "cause", "registered", "assessed", "cadre"] as const;
type FilterId = (typeof FILTER_IDS)[number];

interface Props {
  /** the page asked for is past the end (the page says so above the table) */
  outOfRange?: boolean;
  rows: CountyHouseholdRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: HouseholdSort;
  dir: "asc" | "desc";
  filters: Partial<Record<FilterId, string>>;
  cadres: { id: string; name: string }[];
  /** the county official assigns cadres; a township reviewer only reads */
  canAssign?: boolean;
}

export function VillageHouseholdTable({
  outOfRange = false,
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
  filters,
  cadres,
  canAssign = true,
}: Props) {
  const t = useTranslations();
  const tv = useTranslations("county.villagePage");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  const sorting: SortingState = useMemo(() => [{ id: sort, desc: dir === "desc" }], [sort, dir]);
  const columnFilters: ColumnFiltersState = useMemo(
    () => FILTER_IDS.filter((id) => filters[id]).map((id) => ({ id, value: filters[id] })),
    [filters],
  );
  const pagination: PaginationState = useMemo(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);

  /** The URL for a state: only valid values (a bad parameter in the address is dropped here). */
  const go = (next: { sorting?: SortingState; columnFilters?: ColumnFiltersState; pagination?: PaginationState }) => {
    const s = next.sorting?.[0] ?? sorting[0]!;
    const f = next.columnFilters ?? columnFilters;
    const p = next.pagination ?? (next.sorting || next.columnFilters ? { pageIndex: 0, pageSize } : pagination);
    const q = new URLSearchParams();
    for (const { id, value } of f) if (value !== undefined && value !== "") q.set(id, String(value));
    if (s.id !== "number" || s.desc) {
      q.set("sort", s.id);
      q.set("dir", s.desc ? "desc" : "asc");
    }
    if (p.pageSize !== 50) q.set("size", String(p.pageSize));
    if (p.pageIndex > 0) q.set("page", String(p.pageIndex + 1));
    const qs = q.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  };

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("headName", {
          id: "head",
          header: () => tv("col.head"),
          cell: (info) => {
            const r = info.row.original;
            return (
              <span className="flex flex-col">
                <Link href={`/households/${r.id}`} className="font-medium text-brand-800 hover:underline">
                  {r.headName}
                </Link>
                <span className="text-xs text-stone-500">{tv("number", { number: r.number })}</span>
              </span>
            );
          },
        }),
        helper.accessor("memberCount", {
          id: "members",
          header: () => tv("col.members"),
          sortDescFirst: true,
          cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
        }),
        helper.accessor("registeredStatus", {
          id: "registered",
          header: () => tv("col.registered"),
          cell: (info) => <RegisteredPills status={info.getValue()} monitoring={info.row.original.monitoringCategory} />,
        }),
        helper.accessor("assessedStatus", {
          id: "assessed",
          header: () => tv("col.assessed"),
          cell: (info) => (
            <AssessedPills
              status={info.getValue()}
              candidate={info.row.original.candidate}
              category={info.row.original.candidateCategory}
            />
          ),
        }),
        helper.accessor("unmetIndicators", {
          id: "unmet",
          header: () => tv("col.unmet"),
          enableSorting: false,
          cell: (info) => <UnmetList items={info.getValue()} />,
        }),
        helper.accessor("mainCause", {
          id: "cause",
          header: () => tv("col.cause"),
          cell: (info) =>
            info.getValue() ? t(`causes.${info.getValue() as KeyUnder<"causes">}`) : <span className="text-stone-400">—</span>,
        }),
        helper.display({
          id: "cadre",
          header: () => tv("col.cadre"),
          enableSorting: false,
          cell: (info) => {
            const r = info.row.original;
            return (
              <span className="flex flex-col items-start gap-0.5">
                {r.cadres.length ? (
                  r.cadres.map((c) => <span key={c.id}>{c.name}</span>)
                ) : r.needsCadre ? (
                  <Pill tone="amber">{tv("noCadre")}</Pill>
                ) : (
                  <span className="text-stone-400">{tv("noCadre")}</span>
                )}
                {canAssign && (
                  <Link
                    href={`/county/assignments?household=${r.id}`}
                    className="text-xs text-brand-800 underline"
                    data-testid="reassign-link"
                    aria-label={tv(r.cadres.length ? "reassignFor" : "assignFor", { name: r.headName })}
                  >
                    {r.cadres.length ? tv("reassign") : tv("assign")}
                  </Link>
                )}
              </span>
            );
          },
        }),
        helper.accessor("lastVisitAt", {
          id: "lastVisit",
          header: () => tv("col.lastVisit"),
          cell: (info) => <VisitCell date={info.getValue()} due={info.row.original.cadres.length ? info.row.original.visitDue : null} />,
        }),
      ]),
    [t, tv, canAssign],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.id,
    rowCount: total,
    state: { sorting, columnFilters, pagination },
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (u) => go({ sorting: functionalUpdate(u, sorting) }),
    onColumnFiltersChange: (u) => go({ columnFilters: functionalUpdate(u, columnFilters) }),
    onPaginationChange: (u) => go({ pagination: functionalUpdate(u, pagination) }),
  });

  const setFilter = (id: FilterId, value: string) =>
    table.setColumnFilters((prev) => [...prev.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])]);
  const select = (id: FilterId, label: string, options: { value: string; label: string }[]) => (
    <label className="text-xs text-stone-600">
      {label}
      <select
        value={filters[id] ?? ""}
        onChange={(e) => setFilter(id, e.target.value)}
        data-testid={`filter-${id}`}
        className="mt-1 block max-w-44 rounded border border-stone-300 px-2 py-1.5 text-sm text-stone-900"
      >
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const pageCount = table.getPageCount();

  return (
    <div>
      <form
        role="search"
        className="mb-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter("q", String(new FormData(e.currentTarget).get("q") ?? "").trim());
        }}
      >
        <label className="text-xs text-stone-600">
          {tv("searchHead")}
          <span className="mt-1 flex">
            <input
              name="q"
              defaultValue={filters.q ?? ""}
              key={filters.q ?? ""}
              maxLength={40}
              className="w-40 rounded-l border border-stone-300 px-2 py-1.5 text-sm text-stone-900"
            />
            <button className="rounded-r border border-l-0 border-stone-300 bg-stone-50 px-2 text-sm">{t("common.search")}</button>
          </span>
        </label>
        {select("mismatch", tv("filter.mismatch"), [
          { value: "any", label: tv("filter.mismatchAny") },
          ...CANDIDATES.map((c) => ({ value: c, label: t(`candidate.${c}`) })),
        ])}
        {select("monitoring", tv("filter.monitoring"), [
          { value: "any", label: tv("filter.monitoringAny") },
          { value: "none", label: tv("filter.monitoringNone") },
          ...MONITORING.map((m) => ({ value: m, label: t(`monitoring.${m}`) })),
        ])}
        {select(
          "unmet",
          tv("filter.unmet"),
          INDICATORS.map((k) => ({ value: k, label: t(`indicators.${k}`) })),
        )}
        {select(
          "cause",
          tv("filter.cause"),
          POVERTY_CAUSES.map((k) => ({ value: k, label: t(`causes.${k}`) })),
        )}
        {select(
          "registered",
          tv("col.registered"),
          REGISTERED.map((k) => ({ value: k, label: t(`registered.${k}`) })),
        )}
        {select(
          "assessed",
          tv("col.assessed"),
          [...ASSESSED, "none"].map((k) => ({ value: k, label: t(`assessed.${k as KeyUnder<"assessed">}`) })),
        )}
        {select("cadre", tv("col.cadre"), [
          { value: "none", label: tv("noCadre") },
          ...cadres.map((c) => ({ value: c.id, label: c.name })),
        ])}
        <label className="flex items-center gap-1.5 self-center pt-4 text-sm">
          <input
            type="checkbox"
            checked={filters.overdue === "1"}
            onChange={(e) => setFilter("overdue", e.target.checked ? "1" : "")}
            data-testid="filter-overdue"
          />
          {tv("filter.overdue")}
        </label>
        {columnFilters.length > 0 && (
          <button type="button" onClick={() => table.setColumnFilters([])} className="self-center pt-4 text-sm underline">
            {tv("clear")}
          </button>
        )}
      </form>

      <p className="mb-2 text-sm text-stone-600" aria-live="polite" data-testid="household-count">
        {pending ? t("common.loading") : tv("matching", { total })}
      </p>

      {outOfRange ? null : rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">{tv("empty")}</p>
      ) : (
        <div className="-mx-4 overflow-x-auto px-4">
          <table
            className={`w-full min-w-[1100px] text-sm transition-opacity ${pending ? "opacity-50" : ""}`}
            aria-busy={pending}
            data-testid="household-table"
          >
            <caption className="sr-only">{tv("caption", { total, page, pages: pageCount })}</caption>
            <thead className="bg-stone-50 text-left text-xs text-stone-600">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const col = header.column;
                    const sorted = col.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="px-2 py-2 font-medium"
                        aria-sort={
                          sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : col.getCanSort() ? "none" : undefined
                        }
                      >
                        {col.getCanSort() ? (
                          <button
                            type="button"
                            onClick={col.getToggleSortingHandler()}
                            className="inline-flex items-center gap-1 hover:underline"
                            data-testid={`sort-${col.id}`}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden className="text-stone-400">
                              {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                            </span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={row.original.candidate ? "bg-violet-50/40" : "hover:bg-stone-50"}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-2 py-2">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav
        className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm"
        aria-label={t("common.page", { page, pages: pageCount })}
      >
        <label className="flex items-center gap-2 text-stone-600">
          {tv("pageSize")}
          <select
            value={String(pageSize)}
            onChange={(e) => table.setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}
            className="rounded border border-stone-300 px-2 py-1"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-2">
          <button
            type="button"
            className="rounded border px-3 py-1.5 disabled:opacity-40"
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            {t("common.previous")}
          </button>
          <span className="tabular-nums">{t("common.page", { page, pages: pageCount })}</span>
          <button
            type="button"
            className="rounded border px-3 py-1.5 disabled:opacity-40"
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            {t("common.next")}
          </button>
        </div>
      </nav>
    </div>
  );
}
