"use client";
// The evidence picker with its code (and the on-phone downscaling) fetched after the page's first
// load (components/lazy/idle-module.ts, decision 0061). Until it is there, the same hint and the
// same two buttons, disabled and marked busy, hold its place: nothing moves when it arrives.
import { useTranslations } from "next-intl";
import { idleModule } from "@/components/lazy/idle-module";
import { MAX_EVIDENCE_FILES } from "@/lib/validation/visit-constants";
import type { EvidencePicker } from "./evidence-picker";

const pickerModule = idleModule(() => import("./evidence-picker"));

export function LazyEvidencePicker(props: React.ComponentProps<typeof EvidencePicker>) {
  const t = useTranslations();
  const { mod, failed, load } = pickerModule.useModule();
  if (mod) return <mod.EvidencePicker {...props} />;
  const button = "flex min-h-12 items-center justify-center rounded-lg border-2 px-2 text-center font-medium opacity-50";
  return (
    <div className="space-y-3" aria-busy="true" data-testid="evidence-loading" onPointerDown={load}>
      <p className="text-sm text-stone-600">{t("visit.evidence.hint", { max: MAX_EVIDENCE_FILES })}</p>
      <div className="relative grid grid-cols-2 gap-2">
        <span className={`${button} border-brand-700 text-brand-800`}>{t("visit.evidence.takePhoto")}</span>
        <span className={`${button} border-stone-400`}>{t("visit.evidence.chooseFile")}</span>
        {!failed && (
          // over the buttons, not under them: nothing moves when the picker replaces this
          <span role="status" className="absolute inset-0 flex items-center justify-center">
            <span className="rounded-full bg-white/90 px-3 py-1 text-sm text-stone-700 shadow-sm">{t("visit.evidence.loading")}</span>
          </span>
        )}
      </div>
      {failed && (
        <p role="status" className="text-sm text-amber-900">
          {t("visit.evidence.failed")}
        </p>
      )}
    </div>
  );
}
