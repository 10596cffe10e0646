/**
 * PRC resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth
 * date (YYYYMMDD), 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2
 * check character (0-9 or X). Pure.
 *
 * Nothing is fixed up silently: a lowercase x, full-width digits, spaces or invisible
 * characters are rejected with a message that says so, so the person typing corrects
 * the record instead of the system guessing.
 */
import { chinaDay } from "@/lib/domain/china-time";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/**
 * First two digits of a GB/T 2260 region code: the 31 mainland provinces, Taiwan (71),
 * Hong Kong (81), Macao (82) and the residence permits of Taiwan residents (83).
 * Permanent residence cards of foreigners issued since 2023 begin with 9.
 */
const PROVINCE_PREFIXES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

export type NationalIdError = {
  ok: false;
  code: "format" | "check_digit" | "birth_date";
  /** zh-CN, names the rule */
  message: string;
  messageEn: string;
};

export type NationalIdResult = { ok: true; birthDate: string; sex: "male" | "female" } | NationalIdError;

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new RangeError(`checkDigit needs exactly 17 ASCII digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function fail(code: NationalIdError["code"], message: string, messageEn: string): NationalIdError {
  return { ok: false, code, message, messageEn };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Today's date in China (UTC+8), YYYY-MM-DD. */
function todayInChina(): string {
  return chinaDay(new Date());
}

// Invisible characters that survive copy-paste: zero-width space/joiners, word joiner,
// BOM, soft hyphen, bidi marks.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E]/;
const FULL_WIDTH = /[\uFF10-\uFF19\uFF38\uFF58]/; // ０-９ Ｘ ｘ
const WHITESPACE = /[\s\u3000]/;

function formatError(id: string): NationalIdError | null {
  if (INVISIBLE.test(id)) {
    return fail(
      "format",
      "身份证号含有不可见字符（如零宽空格），请删除后重新输入",
      "The ID number contains invisible characters (e.g. a zero-width space); remove them and type it again",
    );
  }
  if (FULL_WIDTH.test(id)) {
    return fail(
      "format",
      "身份证号含有全角字符，请使用半角数字 0-9 和大写 X",
      "The ID number contains full-width characters; use half-width digits 0-9 and an uppercase X",
    );
  }
  if (WHITESPACE.test(id)) {
    return fail("format", "身份证号含有空格，请删除空格", "The ID number contains spaces; remove them");
  }
  if (id.length !== 18) {
    return fail("format", `身份证号应为 18 位，实际为 ${id.length} 位`, `The ID number must have 18 characters, it has ${id.length}`);
  }
  if (/^[0-9]{17}x$/.test(id)) {
    return fail("format", "身份证号末位校验码应为大写 X，不接受小写 x", "The last character must be an uppercase X, not a lowercase x");
  }
  if (!/^[0-9]{17}[0-9X]$/.test(id)) {
    return fail(
      "format",
      "身份证号前 17 位须为数字，末位须为数字或大写 X",
      "The first 17 characters must be digits and the last a digit or an uppercase X",
    );
  }
  return regionError(id);
}

const WELL_FORMED = /^[0-9]{17}[0-9X]$/;

function regionError(id: string): NationalIdError | null {
  const prefix = id.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(prefix) && !prefix.startsWith("9")) {
    return fail(
      "format",
      `身份证号前 6 位地区码 ${id.slice(0, 6)} 不是有效的行政区划代码（省级代码 ${prefix} 不存在）`,
      `The region code ${id.slice(0, 6)} is not a valid division code (no province ${prefix})`,
    );
  }
  return null;
}

/**
 * Validates an 18-character ID. `today` (YYYY-MM-DD, default: today in China) bounds the
 * birth date: it may not lie in the future.
 */
export function validateNationalId(id: string, options: { today?: string } = {}): NationalIdResult {
  if (typeof id !== "string") {
    return fail("format", "身份证号须为文本", "The ID number must be text");
  }
  // 17 digits and a digit or X (nearly every ID a file holds): none of the format mistakes can be there
  const formatProblem = WELL_FORMED.test(id) ? regionError(id) : formatError(id);
  if (formatProblem) return formatProblem;

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const ymd = id.slice(6, 14);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return fail("birth_date", `身份证号第 7-14 位出生日期 ${ymd} 不是有效日期`, `Digits 7-14 (birth date) ${ymd} are not a real date`);
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const today = options.today ?? todayInChina();
  if (birthDate > today) {
    return fail(
      "birth_date",
      `身份证号中的出生日期 ${birthDate} 晚于今天（${today}）`,
      `The birth date ${birthDate} in the ID number is after today (${today})`,
    );
  }

  const expected = checkDigit(id.slice(0, 17));
  const actual = id[17]!;
  if (expected !== actual) {
    return fail(
      "check_digit",
      `校验位应为 ${expected}，实际为 ${actual}（请核对各位数字是否录错）`,
      `The check character should be ${expected}, it is ${actual} (check the digits for a typo)`,
    );
  }
  const sex = Number(id[16]) % 2 === 1 ? "male" : "female";
  return { ok: true, birthDate, sex };
}

/**
 * Builds a valid ID from a 6-digit region code, a YYYY-MM-DD birth date and a sequence
 * number 1-999 (odd = male, even = female). For the seed and tests.
 */
export function makeNationalId(regionCode6: string, birthDate: string, seq3: number): string {
  if (!/^[0-9]{6}$/.test(regionCode6)) {
    throw new RangeError(`region code must be 6 digits, got "${regionCode6}"`);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
    throw new RangeError(`birth date must be a real YYYY-MM-DD date, got "${birthDate}"`);
  }
  if (!Number.isInteger(seq3) || seq3 < 1 || seq3 > 999) {
    throw new RangeError(`sequence must be an integer 1-999, got ${seq3}`);
  }
  const first17 = `${regionCode6}${m[1]}${m[2]}${m[3]}${String(seq3).padStart(3, "0")}`;
  return first17 + checkDigit(first17);
}
