"use client";
// Photos and documents for the visit: taken with the camera or chosen, made smaller on the
// phone (downscale.ts), each attached to the indicator it supports.
import { useTranslations } from "next-intl";
import type { visitSchema } from "@/lib/validation/visit";
import { Button, FieldErrors, SelectField, errorsAt, fieldId, type FormFields } from "@/components/ui/form";
import { prepareForUpload } from "./downscale";
import { EVIDENCE_TARGETS, MAX_EVIDENCE_FILES, type EvidenceTarget } from "@/lib/validation/visit-constants";
import { EVIDENCE_MIMES } from "@/lib/validation/file-type";

export interface EvidenceItem {
  key: string;
  name: string;
  indicator: EvidenceTarget;
  status: "processing" | "ready" | "error";
  file?: File;
  error?: string;
  previewUrl?: string;
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function EvidencePicker({
  form,
  sentIndex,
  items,
  setItems,
  newKey,
}: {
  form: FormFields<typeof visitSchema>;
  /** a file's index in what is sent (`evidence.<i>`): only the ready ones are */
  sentIndex: (key: string) => number | undefined;
  items: EvidenceItem[];
  setItems: React.Dispatch<React.SetStateAction<EvidenceItem[]>>;
  newKey: () => string;
}) {
  const t = useTranslations();

  const add = (list: FileList | null) => {
    if (!list) return;
    const room = MAX_EVIDENCE_FILES - items.length;
    const picked = [...list].slice(0, Math.max(0, room));
    for (const file of picked) {
      const key = newKey();
      setItems((cur) => [...cur, { key, name: file.name || "photo", indicator: "general", status: "processing" }]);
      void prepareForUpload(file).then((r) => {
        setItems((cur) =>
          cur.map((it) => {
            if (it.key !== key) return it;
            if ("error" in r) {
              const msg = r.error === "size" ? "tooLarge" : r.error === "decode" ? "decodeFailed" : "badType";
              return { ...it, status: "error", error: t(`visit.evidence.${msg}`, { name: it.name }) };
            }
            const previewUrl = r.file.type.startsWith("image/") ? URL.createObjectURL(r.file) : undefined;
            return { ...it, status: "ready", file: r.file, name: r.file.name, previewUrl };
          }),
        );
      });
    }
  };

  const remove = (key: string) =>
    setItems((cur) => {
      const it = cur.find((x) => x.key === key);
      if (it?.previewUrl) URL.revokeObjectURL(it.previewUrl);
      return cur.filter((x) => x.key !== key);
    });

  const full = items.length >= MAX_EVIDENCE_FILES;
  return (
    <div className="space-y-3">
      <p id="evidence-hint" className="text-sm text-stone-600">
        {t("visit.evidence.hint", { max: MAX_EVIDENCE_FILES })}
      </p>
      <div className="grid grid-cols-2 gap-2">
        <label
          className={`flex min-h-12 cursor-pointer items-center justify-center rounded-lg border-2 border-brand-700 px-2 text-center font-medium text-brand-800 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600 ${full ? "pointer-events-none opacity-50" : ""}`}
        >
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            disabled={full}
            aria-describedby="evidence-hint"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = "";
            }}
          />
          {t("visit.evidence.takePhoto")}
        </label>
        <label
          className={`flex min-h-12 cursor-pointer items-center justify-center rounded-lg border-2 border-stone-400 px-2 text-center font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600 ${full ? "pointer-events-none opacity-50" : ""}`}
        >
          <input
            type="file"
            multiple
            accept={EVIDENCE_MIMES.join(",")}
            className="sr-only"
            disabled={full}
            aria-describedby="evidence-hint"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = "";
            }}
          />
          {t("visit.evidence.chooseFile")}
        </label>
      </div>
      {items.length > 0 && (
        <ul className="space-y-2" data-testid="evidence-items">
          {items.map((it) => {
            const at = sentIndex(it.key);
            // not sent (still processing, or failed): a path no error can have
            const sent = (at === undefined ? `evidence.unsent-${it.key}` : `evidence.${at}`) as `evidence.${number}`;
            return (
              <li key={it.key} className="rounded-lg border border-stone-200 p-2">
                <div className="flex items-center gap-2">
                  {it.previewUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={it.previewUrl} alt="" className="h-12 w-12 shrink-0 rounded object-cover" />
                  ) : (
                    <span
                      aria-hidden
                      className="flex h-12 w-12 shrink-0 items-center justify-center rounded bg-stone-100 text-xs text-stone-600"
                    >
                      {it.status === "processing" ? "…" : "PDF"}
                    </span>
                  )}
                  <div className="min-w-0 flex-1 text-sm">
                    <div className="truncate font-medium">{it.name}</div>
                    <div className="text-stone-600">
                      {it.status === "processing" ? (
                        <span role="status">{t("visit.evidence.processing")}</span>
                      ) : it.file ? (
                        kb(it.file.size)
                      ) : null}
                    </div>
                  </div>
                  <Button tone="dangerQuiet" aria-label={t("visit.evidence.remove", { name: it.name })} onClick={() => remove(it.key)}>
                    ✕
                  </Button>
                </div>
                {it.error && (
                  <p className="mt-1 text-sm font-medium text-red-700" role="alert">
                    {it.error}
                  </p>
                )}
                <FieldErrors id={fieldId(form.idPrefix, sent)} errors={errorsAt(form, sent, [`${sent}.file`])} />
                {it.status !== "error" && (
                  <SelectField
                    form={form}
                    name={`${sent}.indicator`}
                    className="mt-2"
                    label={t("visit.evidence.indicator")}
                    value={it.indicator}
                    onChange={(v) => setItems((cur) => cur.map((x) => (x.key === it.key ? { ...x, indicator: v as EvidenceTarget } : x)))}
                    options={EVIDENCE_TARGETS.map((g) => ({
                      value: g,
                      label: g === "general" ? t("visit.evidence.general") : t(`indicators.${g}`),
                    }))}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
