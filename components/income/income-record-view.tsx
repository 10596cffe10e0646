// One income record as read back to the household: each item, the counted members, the household's
// net income and the per-capita income, and whether (and how) the household signed it. Server-rendered.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { chinaDay } from "@/lib/domain/china-time";
import { EXCLUDED_ITEM_COLUMNS, INCOME_ITEM_COLUMNS, TRANSFER_ITEM_COLUMNS } from "@/lib/validation/income-record";
import type { IncomeRecordRow } from "@/lib/data/income-records";
import { formatFixed as yuan } from "@/lib/domain/format";

export async function IncomeRecordView({ r, compact = false }: { r: IncomeRecordRow; compact?: boolean }) {
  const t = await getTranslations("countyRecords.income");
  const status = r.signedAt ? (
    <Badge tone="green">{t("signedOn", { date: chinaDay(r.signedAt) })}</Badge>
  ) : r.current ? (
    <Badge tone="amber">{t("unsigned")}</Badge>
  ) : (
    <Badge>{t("superseded")}</Badge>
  );
  return (
    <div className="space-y-2 text-sm" data-testid={`income-record-${r.year}-${r.revision}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{r.year}</span>
        <span className="text-stone-500">{t("revision", { revision: r.revision })}</span>
        {status}
        {r.signMethod && <span className="text-xs text-stone-600">{t("signedBy", { method: t(`method.${r.signMethod}`) })}</span>}
        {r.signatureEvidenceId && (
          <a href={`/api/evidence/${r.signatureEvidenceId}`} target="_blank" className="text-xs underline">
            {t("viewEvidence")}
          </a>
        )}
      </div>
      <dl className="grid grid-cols-3 gap-2">
        <div>
          <dt className="text-xs text-stone-500">{t("netIncome")}</dt>
          <dd className="tabular-nums">{yuan(r.householdNetIncome)}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("countedMembers")}</dt>
          <dd className="tabular-nums">{r.countedMembers}</dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">{t("perCapita")}</dt>
          <dd className="font-semibold tabular-nums">{yuan(r.perCapitaIncome)}</dd>
        </div>
      </dl>
      {!compact && (
        <div className="grid gap-2 sm:grid-cols-2">
          <table className="w-full text-xs">
            <caption className="text-left font-medium text-stone-700">{t("counted")}</caption>
            <tbody>
              {[...INCOME_ITEM_COLUMNS, ...TRANSFER_ITEM_COLUMNS].map((c) => (
                <tr key={c} className="border-b border-stone-100">
                  <th scope="row" className="py-0.5 text-left font-normal text-stone-600">
                    {c === "incomeBusinessCosts" ? "− " : ""}
                    {t(c)}
                  </th>
                  <td className="text-right tabular-nums">{yuan(r.items[c])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-xs">
            <caption className="text-left font-medium text-stone-700">{t("notCounted")}</caption>
            <tbody>
              {EXCLUDED_ITEM_COLUMNS.map((c) => (
                <tr key={c} className="border-b border-stone-100">
                  <th scope="row" className="py-0.5 text-left font-normal text-stone-600">
                    {t(c)}
                  </th>
                  <td className="text-right tabular-nums">{yuan(r.items[c])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.correctionReason && <p className="text-xs text-stone-600">{t("correctionOf", { reason: r.correctionReason })}</p>}
      {r.recordedBy && !compact && <p className="text-xs text-stone-500">{t("recordedBy", { name: r.recordedBy })}</p>}
    </div>
  );
}
