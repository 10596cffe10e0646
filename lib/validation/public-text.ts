// Text printed where anyone can read it (the public notice's reasons, names on it): what a notice
// never shows — national IDs, phone numbers, incomes — must not slip through in another spelling
// (#16.4: an ID in full-width digits, a phone with dots, an income in words all got printed).
// The check runs on a normalised copy: NFKC (full-width → ASCII), invisible and bidi controls
// removed, separators between digits removed. Pure.
import { INVISIBLE } from "./plain-text";

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

/** Drop zero-width, bidi and other invisible controls (names and public text are printed without them). */
export function stripControls(s: string): string {
  return s.replace(INVISIBLE_ALL, "");
}

/** What the check reads: NFKC, controls removed, separators between two digits removed. */
export function normalisedForCheck(s: string): string {
  return stripControls(s.normalize("NFKC")).replace(/(?<=\d)[\s\-–—.·•,，、_/\\|:：;；()（）]+(?=\d)/g, "");
}

const CN_NUM = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";
const CN_AMOUNT = new RegExp(`[${CN_NUM}]+\\s*(?:多|余|来)?\\s*(?:元|块|圆)`);
const MONEY_WORD =
  /(收入|工资|存款|补助|补贴|年薪|月薪|income|salary)\s*[:：为是有约达共]*\s*[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/i;

export type PublicTextProblem = "nationalId" | "phone" | "digits" | "amount";

/** Why `s` may not be printed in public, or null. */
export function publicTextProblem(s: string): PublicTextProblem | null {
  const n = normalisedForCheck(s);
  if (/\d{17}[\dXx]/.test(n)) return "nationalId";
  if (/1[3-9]\d{9}/.test(n)) return "phone";
  if (/\d{6,}/.test(n)) return "digits"; // any long number: an ID or phone in part, a bank account
  if (/\d[\d,.]*\s*(元|块|圆|万|千|yuan|rmb|¥)/i.test(n) || /[¥￥]\s*\d/.test(n)) return "amount";
  if (CN_AMOUNT.test(n) || MONEY_WORD.test(n)) return "amount";
  return null;
}

export const publicSafe = (s: string): boolean => publicTextProblem(s) === null;
