import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Server-side pagination links that keep the other query parameters. */
export async function Pagination({
  page,
  pageSize,
  total,
  params,
  basePath,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string | undefined>;
  basePath: string;
}) {
  const t = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && k !== "page") q.set(k, v);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav className="mt-3 flex items-center justify-between gap-2 text-sm" aria-label="pagination">
      <span className="text-stone-600">{t("total", { count: total })}</span>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className="rounded border px-3 py-1.5" href={href(page - 1)}>
            {t("previous")}
          </Link>
        ) : (
          <span className="rounded border px-3 py-1.5 opacity-40">{t("previous")}</span>
        )}
        <span className="tabular-nums">{t("page", { page, pages })}</span>
        {page < pages ? (
          <Link className="rounded border px-3 py-1.5" href={href(page + 1)}>
            {t("next")}
          </Link>
        ) : (
          <span className="rounded border px-3 py-1.5 opacity-40">{t("next")}</span>
        )}
      </div>
    </nav>
  );
}
