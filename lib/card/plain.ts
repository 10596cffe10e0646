// What the household card may say about the indicators: each verdict with its reason, from the
// stored assessment, minus anything about one person's health. Pure.
//
// The reasons count people and never name them (lib/domain/*), but one sentence can still
// single out a child's medical condition ("1 名因病经医学认定无法就学"): on a card that anyone
// holding the QR code can open, that clause is dropped.
import { INDICATOR_KEYS, type IndicatorKey } from "@/lib/domain/indicator";

export interface PlainIndicator {
  key: IndicatorKey;
  met: boolean;
  reason: string;
  reasonEn: string;
  fix: string | null;
  fixEn: string | null;
}

interface StoredIndicator {
  met?: unknown;
  reason?: unknown;
  reasonEn?: unknown;
  fix?: unknown;
  fixEn?: unknown;
}

const HEALTH_CLAUSES: readonly RegExp[] = [
  /[；;]\s*\d+\s*名因病经医学认定无法就学/g,
  /;\s*\d+\s*medically unable to study/gi,
  /，?或经医学认定无法就学/g,
  /,?\s*or be medically certified unable to study/gi,
];

export function withoutHealthDetails(text: string): string {
  return HEALTH_CLAUSES.reduce((s, re) => s.replace(re, ""), text);
}

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? withoutHealthDetails(v) : null);

/** The seven indicators, in checklist order, from an Assessment.result JSON (unknown shape tolerated). */
export function plainIndicators(result: unknown): PlainIndicator[] {
  const indicators = (result as { indicators?: Record<string, StoredIndicator> } | null)?.indicators;
  if (!indicators || typeof indicators !== "object") return [];
  const out: PlainIndicator[] = [];
  for (const key of INDICATOR_KEYS) {
    const i = indicators[key];
    if (!i || typeof i.met !== "boolean") continue;
    out.push({
      key,
      met: i.met,
      reason: str(i.reason) ?? "",
      reasonEn: str(i.reasonEn) ?? "",
      fix: i.met ? null : str(i.fix),
      fixEn: i.met ? null : str(i.fixEn),
    });
  }
  return out;
}

/** A measure's own words, unless they could reveal a person's health or name another member. */
export function measureText(category: string, description: string, otherMemberNames: readonly string[]): string | null {
  if (category === "health") return null;
  if (otherMemberNames.some((n) => n.length >= 2 && description.includes(n))) return null;
  return description;
}
