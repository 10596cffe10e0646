// Latency figures for the benchmarks: nearest-rank percentiles over every measured sample.

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0–100) by nearest rank of an ascending array; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : "–");
export const fixed = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");

/** Counts by key, printed as "a=3 b=1". */
export class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, n = 1) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get total() {
    let t = 0;
    for (const v of this.counts.values()) t += v;
    return t;
  }
  toString() {
    return (
      [...this.counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k}=${v}`)
        .join(" ") || "none"
    );
  }
  toJSON() {
    return Object.fromEntries(this.counts);
  }
}

/** The q-quantile (0–1) of an ascending array, interpolated between neighbours; NaN when empty. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/**
 * Times `fn` `runs` times after `warmup` unmeasured calls, stopping early at `deadline` (a
 * Date.now() value) once `minRuns` are in: p50 and p95 of the measured calls, in ms.
 */
export async function timeRuns(
  fn: () => Promise<unknown>,
  o: { runs: number; warmup?: number; deadline?: number; minRuns?: number },
): Promise<Timing> {
  for (let i = 0; i < (o.warmup ?? 3); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < o.runs && (i < (o.minRuns ?? 0) || Date.now() < (o.deadline ?? Infinity)); i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), runs: times.length };
}
