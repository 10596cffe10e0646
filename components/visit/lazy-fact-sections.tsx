"use client";
// The visit form's four fact sections with their code fetched after the page's first load
// (components/lazy/idle-module.ts, decision 0061). They start folded, so until the code is there
// the same four folded rows stand in (nothing can have changed yet: each says "unchanged"); a row
// opened before then says it is loading, and opens as it is when the fields arrive.
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { idleModule } from "@/components/lazy/idle-module";
import type { FactSections } from "./fact-sections";
import type { OpenSections } from "./open-sections";

const sectionsModule = idleModule(() => import("./fact-sections"));
const KEYS = ["indicators", "income", "members", "newMembers"] as const satisfies readonly (keyof OpenSections)[];

export function LazyFactSections<S extends z.ZodType>(props: Parameters<typeof FactSections<S>>[0]) {
  const t = useTranslations("visit.updates");
  const { mod, failed, load } = sectionsModule.useModule();
  if (mod) return <mod.FactSections {...props} />;
  const { open, setOpen, titles } = props;
  return (
    <>
      {KEYS.map((k) => (
        <details
          key={k}
          open={open[k]}
          onToggle={(e) => {
            const v = e.currentTarget.open;
            if (v) load();
            setOpen((o) => (o[k] === v ? o : { ...o, [k]: v }));
          }}
          className="rounded-lg border border-stone-200"
        >
          <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-3 py-2 font-medium [&::-webkit-details-marker]:hidden">
            <span>
              <span aria-hidden className="mr-1 inline-block w-4 text-stone-500">
                {open[k] ? "▾" : "▸"}
              </span>
              {titles[k]}
            </span>
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-600">{t("unchanged")}</span>
          </summary>
          <div className="space-y-3 border-t border-stone-200 p-3">
            <p role="status" className="text-sm text-stone-600">
              {failed ? t("loadFailed") : t("loading")}
            </p>
          </div>
        </details>
      ))}
    </>
  );
}
