/**
 * Key households (重点户), the county's own register of the households that need the closest
 * watch (docs/decisions/0045): computed, never set by hand. A household is one when
 *  - `no_labour`: it has active members and none of them has any labour capacity;
 *  - `illness_or_disability`: a counted member has a serious illness, or a severe disability
 *    (grade 一级 or 二级, as the disability certificate names it);
 *  - `elders_alone`: it has counted members and every one is `elderAge` or older on the day
 *    (the birthday itself counts; born on 29 February: from 1 March in other years). The age is
 *    the policy's `keyElderAge` (65 by default, versioned by year and province: decision 0049).
 * The county register computes the same conditions in SQL (lib/data/key-households.ts); an
 * integration test checks both agree.
 */
import { ageOn } from "./dates";
import type { LaborCapacity } from "./household";

export const KEY_REASONS = ["no_labour", "illness_or_disability", "elders_alone"] as const;
export type KeyReason = (typeof KEY_REASONS)[number];

/** A disability graded 一级 or 二级 (also written 1级 / 2级) is severe. */
export const SEVERE_DISABILITY = /[一二12]级/;

export interface KeyMemberInput {
  birthDate: string;
  counted: boolean;
  /** false once the person has left the household: not considered */
  active: boolean;
  laborCapacity: LaborCapacity;
  health: "healthy" | "chronic" | "serious_illness" | "disabled";
  disability: string | null;
}

export function isSevereDisability(disability: string | null): boolean {
  return disability !== null && SEVERE_DISABILITY.test(disability);
}

/** The reasons a household is a key household on `asOf` (YYYY-MM-DD); empty when it is not one. */
/** `elderAge`: the policy's keyElderAge for the year and province. */
export function keyHouseholdReasons(members: readonly KeyMemberInput[], asOf: string, elderAge: number): KeyReason[] {
  const active = members.filter((m) => m.active);
  const counted = active.filter((m) => m.counted);
  const reasons: KeyReason[] = [];
  if (active.length > 0 && active.every((m) => m.laborCapacity === "none")) reasons.push("no_labour");
  if (counted.some((m) => m.health === "serious_illness" || isSevereDisability(m.disability))) reasons.push("illness_or_disability");
  if (counted.length > 0 && counted.every((m) => ageOn(m.birthDate, asOf) >= elderAge)) reasons.push("elders_alone");
  return reasons;
}

export function isKeyHousehold(members: readonly KeyMemberInput[], asOf: string, elderAge: number): boolean {
  return keyHouseholdReasons(members, asOf, elderAge).length > 0;
}
