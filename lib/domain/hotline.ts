/**
 * The help hotline, shown the same way everywhere (card, printed card, help form and poster,
 * public notices, the card's not-found page): the county's own setting (region.hotline, set
 * by an admin) or, where none is set, the national 12317. One formatting function, so that a
 * number typed "0856 12317" or "0856－12317" reads "0856-12317" on every page. Pure.
 */
export const NATIONAL_HOTLINE = "12317";

/** Digit groups joined by "-" (a leading "+" kept); anything unreadable falls back to the national number. */
export function formatHotline(raw: string | null | undefined): string {
  const s = (raw ?? "")
    .normalize("NFKC")
    .trim()
    .replace(/[\s\-–—()（）.]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/^\+?[0-9]+(-[0-9]+)*$/.test(s)) return NATIONAL_HOTLINE;
  return s;
}

/** The hotline to show for a county's setting (null or blank: the national number). */
export function displayHotline(countySetting: string | null | undefined): string {
  return formatHotline(countySetting?.trim() ? countySetting : NATIONAL_HOTLINE);
}

/** A tel: link for a shown hotline (digits and a leading +). */
export function hotlineHref(shown: string): string {
  return `tel:${shown.replace(/[^0-9+]/g, "")}`;
}
