/**
 * Money as integer cents (fen), so that sums and divisions do not drift:
 * 29,200 / 4 is exactly 7,300. Rounding is half away from zero.
 */
export type Cents = number;

function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function toCents(yuan: number): Cents {
  const x = yuan * 100;
  // fast path (most amounts): within binary noise of a whole number of cents, which is what the
  // 15-digit rounding below gives too (below 1e9 cents 15 digits resolve well under 1e-6)
  const whole = Math.round(x);
  if (Math.abs(x - whole) < 1e-6 && Math.abs(x) < 1e9) return whole || 0;
  // toPrecision guards against binary noise such as 1.005 * 100 = 100.49999...
  return roundHalfAwayFromZero(Number(x.toPrecision(15))) || 0;
}

export function fromCents(cents: Cents): number {
  return cents / 100;
}

/** Integer division of cents, rounded half away from zero. */
export function divideCents(cents: Cents, by: number): Cents {
  if (!Number.isInteger(by) || by <= 0) throw new RangeError(`cannot divide by ${by}`);
  const q = Math.trunc(cents / by);
  const r = cents - q * by;
  const twice = Math.abs(r) * 2;
  if (twice >= by) return q + Math.sign(cents) || 0;
  return q || 0;
}
