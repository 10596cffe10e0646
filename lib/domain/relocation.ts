/**
 * Relocation (易地扶贫搬迁): the rules a relocation record is read against. Pure.
 *
 *   floor area per person   floor area ÷ the household's people (m², 2 decimals)
 *   area rule               per person at most the policy's relocationAreaPerPerson (不超过: includes the number)
 *   own contribution        at most the policy's relocationContributionCap per household (includes the number)
 *   shares                  numerator ÷ denominator in percent, 1 decimal, null without a denominator
 *
 * Amounts are compared in hundredths (cents, 0.01 m²) as integers, so 20.00 m² against a rule of
 * 20 is equal, never a float's 20.000000001.
 */

const hundredths = (x: number) => Math.round(x * 100);

/** m² per person, rounded half up to 2 decimals; null for a household without people. */
export function areaPerPerson(floorArea: number, people: number): number | null {
  if (!Number.isFinite(floorArea) || floorArea < 0) throw new RangeError(`floor area must be a non-negative number: ${floorArea}`);
  if (!Number.isInteger(people) || people < 0) throw new RangeError(`people must be a non-negative integer: ${people}`);
  if (people === 0) return null;
  return Math.round(hundredths(floorArea) / people) / 100;
}

/**
 * Whether the home keeps to the area rule: floor area ≤ rule × people, exactly (not on the rounded
 * per-person figure). null for a household without people (nothing to judge).
 */
export function areaWithinRule(floorArea: number, people: number, rulePerPerson: number): boolean | null {
  if (areaPerPerson(floorArea, people) === null) return null;
  return hundredths(floorArea) <= hundredths(rulePerPerson) * people;
}

/** Whether the family's own contribution keeps to the cap (at most the cap: 3,000 is allowed, 3,000.01 is not). */
export function contributionWithinCap(contribution: number, cap: number): boolean {
  if (!Number.isFinite(contribution) || contribution < 0)
    throw new RangeError(`contribution must be a non-negative number: ${contribution}`);
  return hundredths(contribution) <= hundredths(cap);
}

/** numerator ÷ denominator in percent, rounded half up to 1 decimal; null when the denominator is 0. */
export function percentShare(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0 || numerator > denominator)
    throw new RangeError(`a share needs 0 ≤ numerator ≤ denominator (integers): ${numerator}/${denominator}`);
  if (denominator === 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** The statuses a relocated member counts as employed in (务工就业: wage work, at home or away). */
export const EMPLOYED_WORK = ["local_work", "migrant_work"] as const;
/** The labour capacities that count a member as able to work. */
export const LABOUR_CAPABLE = ["full", "partial"] as const;
