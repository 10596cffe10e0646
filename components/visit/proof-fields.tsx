"use client";
// Proof of a real visit: the location, recorded only with the household's consent and shown
// plainly; and the household's confirmation, by signature or by read-back.
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import type { visitSchema } from "@/lib/validation/visit";
import { Button, CheckField, CheckRow, FieldErrors, errorsAt, fieldId, type FormFields } from "@/components/ui/form";
import type { SignaturePadHandle } from "@/components/signature/signature-pad";
import { LazySignaturePad } from "@/components/signature/lazy-signature-pad";
import { chinaClock } from "@/lib/domain/china-time";

export interface Located {
  latitude: number;
  longitude: number;
  accuracyM: number | null;
  locatedAt: string;
}

export type LocateStatus = "idle" | "locating" | "located" | "denied" | "unavailable" | "timeout";

/** Asks the browser once; the cadre sees the result, whatever it is. */
export function useLocation() {
  const [status, setStatus] = useState<LocateStatus>("idle");
  const [location, setLocation] = useState<Located | null>(null);
  const locate = useCallback(() => {
    if (typeof navigator === "undefined" || !navigator.geolocation) {
      setStatus("unavailable");
      return;
    }
    setStatus("locating");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocation({
          latitude: p.coords.latitude,
          longitude: p.coords.longitude,
          accuracyM: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null,
          locatedAt: new Date(p.timestamp || Date.now()).toISOString(),
        });
        setStatus("located");
      },
      (err) => {
        setLocation(null);
        setStatus(err.code === err.PERMISSION_DENIED ? "denied" : err.code === err.TIMEOUT ? "timeout" : "unavailable");
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, []);
  const forget = useCallback(() => {
    setLocation(null);
    setStatus("idle");
  }, []);
  return { status, location, locate, forget };
}

export function LocationConsent({
  consent,
  setConsent,
  loc,
  form,
}: {
  consent: boolean;
  setConsent: (v: boolean) => void;
  loc: ReturnType<typeof useLocation>;
  form: FormFields<typeof visitSchema>;
}) {
  const t = useTranslations("visit.proof");
  const time = loc.location ? chinaClock(new Date(loc.location.locatedAt)) : "";
  return (
    <div>
      <CheckField
        form={form}
        name="locationConsent"
        label={<strong>{t("consent")}</strong>}
        checked={consent}
        onChange={(v) => {
          setConsent(v);
          if (v) loc.locate();
          else loc.forget();
        }}
        hint={t("consentHint")}
      />
      {consent && (
        <div role="status" aria-live="polite" className="mt-2 rounded-lg bg-stone-100 px-3 py-2 text-sm" data-testid="location-status">
          {loc.status === "locating" && t("locating")}
          {loc.status === "located" &&
            loc.location &&
            t("located", {
              lat: loc.location.latitude.toFixed(5),
              lng: loc.location.longitude.toFixed(5),
              accuracy: Math.round(loc.location.accuracyM ?? 0),
              time,
            })}
          {(loc.status === "denied" || loc.status === "unavailable" || loc.status === "timeout") && (
            <span className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-amber-900">{t(loc.status)}</span>
              <Button onClick={loc.locate}>{t("retry")}</Button>
            </span>
          )}
        </div>
      )}
    </div>
  );
}

export function Confirmation({
  mode,
  pad,
  signed,
  setSigned,
  readBack,
  setReadBack,
  form,
}: {
  mode: string;
  pad: React.RefObject<SignaturePadHandle | null>;
  signed: boolean;
  setSigned: (v: boolean) => void;
  readBack: boolean;
  setReadBack: (v: boolean) => void;
  form: FormFields<typeof visitSchema>;
}) {
  const t = useTranslations("visit.proof");
  const errs = errorsAt(form, "confirmation", ["signature"]) ?? [];
  const id = fieldId(form.idPrefix, "confirmation");
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={`${id}-hint${errs.length ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium text-stone-800">{t("confirmTitle")}</legend>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-stone-600">
        {t("confirmHint")}
      </p>
      {mode === "home" && (
        <div className="mt-2" id={fieldId(form.idPrefix, "signature")} tabIndex={-1}>
          <span className="text-sm font-medium">
            {t("signature")}
            {signed && <span className="ml-2 text-emerald-700">✓ {t("signed")}</span>}
          </span>
          <p id="signature-hint" className="mb-1 text-xs text-stone-600">
            {t("signatureHint")}
          </p>
          {/* its code comes after the page's first load (decision 0061) */}
          <LazySignaturePad
            ref={pad}
            labels={{ area: t("signatureArea"), undo: t("undo"), clear: t("clear"), loading: t("padLoading"), failed: t("padFailed") }}
            describedBy="signature-hint"
            onInk={setSigned}
          />
        </div>
      )}
      <CheckRow id={`${form.idPrefix}readBack`} className="mt-3" label={t("readBack")} checked={readBack} onChange={setReadBack} />
      <FieldErrors id={id} errors={errs.length ? errs : undefined} />
    </fieldset>
  );
}
