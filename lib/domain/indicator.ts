/** The shape of one indicator's verdict. Reasons in zh-CN and English. */

export const INDICATOR_KEYS = ["income", "food", "clothing", "medical", "housing", "water", "education"] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface IndicatorResult<N extends object = Record<string, never>> {
  met: boolean;
  /** zh-CN: why, with the numbers */
  reason: string;
  reasonEn: string;
  /** zh-CN: what must become true for it to be met; null when met */
  fix: string | null;
  fixEn: string | null;
  numbers: N;
}

export interface Text {
  zh: string;
  en: string;
}

export function metResult<N extends object>(reason: Text, numbers: N): IndicatorResult<N> {
  return { met: true, reason: reason.zh, reasonEn: reason.en, fix: null, fixEn: null, numbers };
}

export function unmetResult<N extends object>(reason: Text, fix: Text, numbers: N): IndicatorResult<N> {
  return { met: false, reason: reason.zh, reasonEn: reason.en, fix: fix.zh, fixEn: fix.en, numbers };
}
