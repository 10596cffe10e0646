/**
 * The village democratic appraisal meeting (民主评议): quorum, pass rule, and
 * checking the recorded votes. Pure; integer arithmetic only.
 *
 * - Quorum: at least numerator/denominator (2/3 by default) of the roster attend:
 *   attending * denominator >= roster * numerator. A roster of 0 never sits.
 * - An item passes with more than half of those attending voting yes:
 *   2 * yes > attending. Exactly half fails; abstaining or not voting counts
 *   against, since the base is attendance, not votes cast.
 */
import type { PolicyValues } from "./policy";

export interface Quorum {
  numerator: number;
  denominator: number;
}

export type VoteChoice = "yes" | "no" | "abstain";

export interface RollCallVote {
  representativeId: string;
  choice: VoteChoice;
}

export interface DomainFailure<Code extends string = string> {
  ok: false;
  code: Code;
  /** zh-CN */
  message: string;
  messageEn: string;
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  /** attending representatives who cast no vote on the item (roll call only) */
  notVoted: number;
  attending: number;
  passed: boolean;
}

export type TallyResult = ({ ok: true } & Tally) | DomainFailure<"duplicate_attendance" | "vote_by_absent" | "duplicate_vote">;

export type BallotCountField = "yes" | "no" | "abstain";

export type SecretBallotResult =
  | ({ ok: true } & Tally)
  | (DomainFailure<"invalid_count" | "invalid_attendance" | "sum_mismatch"> & {
      /** the count that is wrong; for sum_mismatch all three */
      fields: BallotCountField[];
    });

function mustBeCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
}

export function quorumFrom(policy: Pick<PolicyValues, "quorumNumerator" | "quorumDenominator">): Quorum {
  return { numerator: policy.quorumNumerator, denominator: policy.quorumDenominator };
}

function checkQuorum(q: Quorum): void {
  if (!Number.isSafeInteger(q.numerator) || !Number.isSafeInteger(q.denominator) || q.denominator < 1 || q.numerator < 0) {
    throw new RangeError(`invalid quorum ${q.numerator}/${q.denominator}`);
  }
  if (q.numerator > q.denominator) throw new RangeError(`quorum above 1: ${q.numerator}/${q.denominator}`);
}

/** At least numerator/denominator of the roster attend. Roster 0 -> false. */
export function quorumMet(attending: number, roster: number, quorum: Quorum): boolean {
  mustBeCount(attending, "attending");
  mustBeCount(roster, "roster");
  checkQuorum(quorum);
  if (attending > roster) throw new RangeError(`attending ${attending} exceeds roster ${roster}`);
  if (roster === 0) return false;
  return attending * quorum.denominator >= roster * quorum.numerator;
}

/**
 * Fewest attendees with which the meeting may sit: ceil(roster * n / d), i.e.
 * the least `a` with quorumMet(a, roster). Null for an empty roster (never sits).
 */
export function quorumMinimum(roster: number, quorum: Quorum): number | null {
  mustBeCount(roster, "roster");
  checkQuorum(quorum);
  if (roster === 0) return null;
  const need = roster * quorum.numerator;
  const q = Math.floor(need / quorum.denominator);
  return q * quorum.denominator < need ? q + 1 : q;
}

/** More than half of those attending voted yes (exactly half fails). */
export function itemPasses(yes: number, attending: number): boolean {
  mustBeCount(yes, "yes");
  mustBeCount(attending, "attending");
  if (yes > attending) throw new RangeError(`yes ${yes} exceeds attending ${attending}`);
  return 2 * yes > attending;
}

/** Fewest yes votes with which an item passes: floor(attending / 2) + 1. */
export function yesNeeded(attending: number): number {
  mustBeCount(attending, "attending");
  return Math.floor(attending / 2) + 1;
}

const CHOICE_ZH: Record<VoteChoice, string> = { yes: "赞成", no: "反对", abstain: "弃权" };

/**
 * Counts a roll-call vote on one item. Refuses a vote by someone not recorded
 * as attending, and a second vote by the same representative (even if it
 * repeats the first choice). Attending representatives who did not vote are
 * counted in `notVoted`; they still count in the base of the pass rule.
 */
export function tallyFromRollCall(votes: readonly RollCallVote[], attendingIds: readonly string[]): TallyResult {
  const attending = new Set<string>();
  for (const id of attendingIds) {
    if (attending.has(id)) {
      return {
        ok: false,
        code: "duplicate_attendance",
        message: `出席名单中代表 ${id} 出现了两次`,
        messageEn: `Representative ${id} appears twice in the attendance list`,
      };
    }
    attending.add(id);
  }
  const voted = new Map<string, VoteChoice>();
  const counts: Record<VoteChoice, number> = { yes: 0, no: 0, abstain: 0 };
  for (const v of votes) {
    if (!attending.has(v.representativeId)) {
      return {
        ok: false,
        code: "vote_by_absent",
        message: `代表 ${v.representativeId} 未登记出席，不能投票`,
        messageEn: `Representative ${v.representativeId} is not recorded as attending and cannot vote`,
      };
    }
    const earlier = voted.get(v.representativeId);
    if (earlier !== undefined) {
      return {
        ok: false,
        code: "duplicate_vote",
        message: `代表 ${v.representativeId} 对本事项已投过票（${CHOICE_ZH[earlier]}），每人每项只能投一次`,
        messageEn: `Representative ${v.representativeId} already voted on this item (${earlier}); one vote per item`,
      };
    }
    voted.set(v.representativeId, v.choice);
    counts[v.choice] += 1;
  }
  return {
    ok: true,
    ...counts,
    notVoted: attending.size - voted.size,
    attending: attending.size,
    passed: itemPasses(counts.yes, attending.size),
  };
}

const FIELD_ZH: Record<BallotCountField, string> = { yes: "赞成票数", no: "反对票数", abstain: "弃权票数" };
const FIELD_EN: Record<BallotCountField, string> = { yes: "yes count", no: "no count", abstain: "abstain count" };

/**
 * Checks the counts of a secret ballot: each a non-negative integer, and
 * yes + no + abstain equal to attendance (every attendee's ballot is counted,
 * a blank one as abstain).
 */
export function validateSecretBallot(counts: { yes: number; no: number; abstain: number }, attending: number): SecretBallotResult {
  if (!Number.isSafeInteger(attending) || attending < 0) {
    return {
      ok: false,
      code: "invalid_attendance",
      fields: [],
      message: `出席人数必须是非负整数（收到 ${String(attending)}）`,
      messageEn: `Attendance must be a non-negative integer (got ${String(attending)})`,
    };
  }
  for (const field of ["yes", "no", "abstain"] as const) {
    const n = counts[field];
    if (!Number.isSafeInteger(n) || n < 0) {
      return {
        ok: false,
        code: "invalid_count",
        fields: [field],
        message: `${FIELD_ZH[field]}必须是非负整数（收到 ${String(n)}）`,
        messageEn: `The ${FIELD_EN[field]} must be a non-negative integer (got ${String(n)})`,
      };
    }
  }
  const sum = counts.yes + counts.no + counts.abstain;
  if (sum !== attending) {
    return {
      ok: false,
      code: "sum_mismatch",
      fields: ["yes", "no", "abstain"],
      message: `赞成 ${counts.yes} + 反对 ${counts.no} + 弃权 ${counts.abstain} = ${sum}，与出席人数 ${attending} 不符`,
      messageEn: `Yes ${counts.yes} + no ${counts.no} + abstain ${counts.abstain} = ${sum}, but ${attending} attended`,
    };
  }
  return {
    ok: true,
    yes: counts.yes,
    no: counts.no,
    abstain: counts.abstain,
    notVoted: 0,
    attending,
    passed: itemPasses(counts.yes, attending),
  };
}
