"use client";
// Households to assign, ticked on a TanStack table (selection by household id, kept across
// pages), and the bulk form: the ticked households, or every household matching the filter,
// go to a team of cadres in turn (round-robin), with a reason.
import { useMemo, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createColumnHelper, rowSelectionFeature, tableFeatures, useTable, type RowSelectionState } from "@tanstack/react-table";
import { bulkAssign } from "@/lib/actions/county/bulk-assign";
import type { AssignableRow, CadreOption } from "@/lib/data/county-assignments";
import { CadrePicker } from "./cadre-picker";
import type { assignBulkSchema } from "@/lib/validation/county";
import { FieldErrors, StatusLine, SubmitButton, TextAreaField, errorsAt, fieldId } from "@/components/ui/form";
import { schemaOf, useFormAction } from "@/components/ui/use-form-action";
import { AssessedPills, Pill, RegisteredPills, VisitCell } from "./pills";
import type { KeyUnder } from "@/i18n/keys";

const features = tableFeatures({ rowSelectionFeature });
const helper = createColumnHelper<typeof features, AssignableRow>();

interface Props {
  items: AssignableRow[];
  total: number;
  filter: { village?: string; need?: string; show?: string; q?: string };
  /** the current list's query string, kept by the per-household links */
  query: string;
}

export function AssignWorkbench({ items, total, filter, query }: Props) {
  const t = useTranslations();
  const ta = useTranslations("county.assign");
  const tv = useTranslations("county.villagePage");
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [mode, setMode] = useState<"selected" | "filter">("selected");
  const [team, setTeam] = useState<CadreOption[]>([]);
  const [reason, setReason] = useState("");
  // a saved assignment clears the ticks and the reason (as the action settles, not in an effect after)
  const {
    state,
    dispatch: action,
    pending,
    fields,
  } = useFormAction(bulkAssign, schemaOf<typeof assignBulkSchema>(), {
    idPrefix: "bulk-",
    onSuccess: (_data, result) => {
      if (!result.message) return;
      setRowSelection({});
      setReason("");
    },
  });

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: "select",
          header: ({ table }) => (
            <input
              type="checkbox"
              aria-label={ta("selectPage")}
              checked={table.getIsAllPageRowsSelected()}
              ref={(el) => {
                if (el) el.indeterminate = table.getIsSomePageRowsSelected();
              }}
              onChange={table.getToggleAllPageRowsSelectedHandler()}
            />
          ),
          cell: ({ row }) => (
            <input
              type="checkbox"
              aria-label={ta("selectOne", { name: row.original.headName })}
              checked={row.getIsSelected()}
              onChange={row.getToggleSelectedHandler()}
              data-testid="select-household"
            />
          ),
        }),
        helper.accessor("headName", {
          id: "head",
          header: () => tv("col.head"),
          cell: (info) => (
            <span className="flex flex-col">
              <Link href={`/households/${info.row.original.id}`} className="font-medium text-brand-800 hover:underline">
                {info.getValue()}
              </Link>
              <span className="text-xs text-stone-500">{tv("number", { number: info.row.original.number })}</span>
            </span>
          ),
        }),
        helper.accessor("villageName", { id: "village", header: () => t("county.village") }),
        helper.accessor("memberCount", { id: "members", header: () => tv("col.members") }),
        helper.accessor("registeredStatus", {
          id: "registered",
          header: () => tv("col.registered"),
          cell: (info) => <RegisteredPills status={info.getValue()} monitoring={info.row.original.monitoringCategory} />,
        }),
        helper.accessor("assessedStatus", {
          id: "assessed",
          header: () => tv("col.assessed"),
          cell: (info) => <AssessedPills status={info.getValue()} candidate={info.row.original.candidate} />,
        }),
        helper.accessor("mainCause", {
          id: "cause",
          header: () => tv("col.cause"),
          cell: (info) => (info.getValue() ? t(`causes.${info.getValue() as KeyUnder<"causes">}`) : "—"),
        }),
        helper.display({
          id: "cadre",
          header: () => tv("col.cadre"),
          cell: (info) => {
            const r = info.row.original;
            return (
              <span className="flex flex-col items-start gap-0.5">
                {r.cadres.length ? r.cadres.map((c) => <span key={c.id}>{c.name}</span>) : <Pill tone="amber">{tv("noCadre")}</Pill>}
                <Link
                  href={`/county/assignments?${query ? `${query}&` : ""}household=${r.id}`}
                  className="text-xs text-brand-800 underline"
                >
                  {r.cadres.length ? tv("reassign") : tv("assign")}
                </Link>
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
    [t, ta, tv, query],
  );

  const table = useTable({
    features,
    columns,
    data: items,
    getRowId: (r) => r.id,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: true,
  });
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const count = mode === "selected" ? selectedIds.length : total;

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0">
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">
            {filter.show === "unassigned" && filter.need === "1" ? ta("allAssigned") : ta("emptyList")}
          </p>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[860px] text-sm" data-testid="assign-table">
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                {table.getHeaderGroups().map((g) => (
                  <tr key={g.id}>
                    {g.headers.map((h) => (
                      <th key={h.id} scope="col" className="px-2 py-2 font-medium">
                        <table.FlexRender header={h} />
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody className="divide-y divide-stone-100 align-top">
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className={row.getIsSelected() ? "bg-brand-50" : "hover:bg-stone-50"}>
                    {row.getAllCells().map((c) => (
                      <td key={c.id} className="px-2 py-2">
                        <table.FlexRender cell={c} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <form
        action={action}
        noValidate
        className="h-fit space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:sticky lg:top-16"
        data-testid="bulk-form"
      >
        <h2 className="text-base font-semibold">{ta("bulkTitle")}</h2>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{ta("which")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="selected" checked={mode === "selected"} onChange={() => setMode("selected")} />
            {ta("modeSelected", { count: selectedIds.length })}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="filter" checked={mode === "filter"} onChange={() => setMode("filter")} />
            {ta("modeFilter", { count: total })}
          </label>
          <FieldErrors id={fieldId(fields.idPrefix, "householdIds")} errors={errorsAt(fields, "householdIds")} />
        </fieldset>
        {mode === "selected" && selectedIds.map((id) => <input key={id} type="hidden" name="householdIds" value={id} />)}
        {mode === "filter" && (
          <>
            {filter.village && <input type="hidden" name="village" value={filter.village} />}
            {filter.need && <input type="hidden" name="need" value={filter.need} />}
            {filter.show && <input type="hidden" name="show" value={filter.show} />}
            {filter.q && <input type="hidden" name="q" value={filter.q} />}
            <input type="hidden" name="expected" value={total} />
          </>
        )}
        <CadrePicker
          refresh={state}
          near={filter.village}
          form={fields}
          name="cadreIds"
          label={ta("team")}
          multiple
          value={team}
          onChange={setTeam}
        />
        <TextAreaField
          form={fields}
          name="reason"
          label={ta("reason")}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={500}
          required
          placeholder={ta("reasonPlaceholder")}
        />
        {team.length > 1 && count > 0 && (
          <p className="text-xs text-stone-600">
            {ta("roundRobin", { households: count, cadres: team.length, each: Math.ceil(count / team.length) })}
          </p>
        )}
        <StatusLine state={state} testId="bulk-status" />
        <SubmitButton pending={pending} disabled={count === 0} className="w-full" pendingLabel={ta("saving")}>
          {ta("submitBulk", { households: count, cadres: team.length })}
        </SubmitButton>
      </form>
    </div>
  );
}
