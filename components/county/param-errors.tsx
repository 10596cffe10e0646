import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VILLAGE_NUMERIC, type ParamError } from "@/lib/validation/county";
import { isOneOf, type KeyUnder } from "@/i18n/keys";

/** Bad search parameters, each named with its value and what would be accepted; they were ignored. */
export async function ParamErrors({ errors, resetHref }: { errors: ParamError[]; resetHref: string }) {
  if (errors.length === 0) return null;
  const t = await getTranslations("county.params");
  const tc = await getTranslations("county");
  // the filter's name on the page, not the address's parameter name
  const label = (param: string) => {
    const range = /^(.*)(Min|Max)$/.exec(param);
    const col = range?.[1];
    if (isOneOf(VILLAGE_NUMERIC, col)) return tc(range?.[2] === "Min" ? "minOf" : "maxOf", { col: tc(col) });
    const name = `names.${param}` as `names.${KeyUnder<"county.params.names">}`;
    return t.has(name) ? t(name) : param;
  };
  const why = (e: ParamError) => {
    switch (e.code) {
      case "enum":
        return t("enum", { allowed: (e.allowed ?? []).join(t("separator")) });
      case "min":
        return t("min", { min: e.min ?? 0 });
      case "max":
        return t("max", { max: e.max ?? 0 });
      default:
        return t(e.code);
    }
  };
  return (
    <div role="alert" className="mb-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="param-errors">
      <p className="font-semibold">{t("title")}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e) => (
          <li key={e.param}>{t("item", { param: label(e.param), value: e.value, why: why(e) })}</li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-2 inline-block underline">
        {t("reset")}
      </Link>
    </div>
  );
}

/** A page number past the end of the list. */
export async function PageOutOfRange({ page, pages, lastHref }: { page: number; pages: number; lastHref: string }) {
  const t = await getTranslations("county.params");
  return (
    <div
      role="alert"
      className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="page-out-of-range"
    >
      {t("pageOutOfRange", { page, pages })}{" "}
      <Link href={lastHref} className="underline">
        {t("lastPage")}
      </Link>
    </div>
  );
}
