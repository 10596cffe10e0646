// A step's reason as shown: what the system wrote itself (agenda, vote, notice, announcement,
// "no comparison flag", an objection) is stored in Chinese with its facts; here it is read back
// and said again through the messages, in the reader's language, with no ids. What a person
// typed is shown as typed. Pure: the caller passes the translator.
import type { KeyUnder } from "@/i18n/keys";

type T = (key: KeyUnder<"history">, values?: Record<string, string | number>) => string;

const PATTERNS: { re: RegExp; key: KeyUnder<"history">; values: (m: RegExpMatchArray) => Record<string, string | number> }[] = [
  { re: /^列入 (\S+) 评议会议程（第 (\d+) 项）$/, key: "agenda", values: (m) => ({ date: m[1]!, n: Number(m[2]) }) },
  {
    re: /^(\S+) 评议会表决：赞成 (\d+)，反对 (\d+)，弃权 (\d+)(?:，未投票 (\d+))?；出席 (\d+)\/(\d+)$/,
    key: "vote",
    values: (m) => ({
      date: m[1]!,
      yes: Number(m[2]),
      no: Number(m[3]),
      abstain: Number(m[4]),
      notVoted: Number(m[5] ?? 0),
      attending: Number(m[6]),
      roster: Number(m[7]),
    }),
  },
  { re: /^公示 (\S+) 至 (\S+)（(\d+) 天）$/, key: "notice", values: (m) => ({ start: m[1]!, end: m[2]!, days: Number(m[3]) }) },
  { re: /^公告 (\d{4}-\d{2}-\d{2})$/, key: "announcement", values: (m) => ({ date: m[1]! }) },
  { re: /^公告 \(announcement\) \S+$/, key: "announced", values: () => ({}) },
  { re: /^公告 \S+（提议 \S+）$/, key: "announced", values: () => ({}) },
  { re: /^比对无疑点 \(no comparison flag\)$/, key: "noFlags", values: () => ({}) },
  { re: /^异议：([\s\S]*)$/, key: "objection", values: (m) => ({ text: m[1]! }) },
];

export function historyLine(reason: string, t: T): string {
  for (const p of PATTERNS) {
    const m = reason.match(p.re);
    if (m) return t(p.key, p.values(m));
  }
  return reason;
}
