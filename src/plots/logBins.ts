/** Histogram bins on a log axis, for per-sample radii that span decades. */
import { bin } from 'd3-array';

export interface LogBin {
  /** Bin edges in data units (not logs). */
  x0: number;
  x1: number;
  count: number;
}

/**
 * Bins the finite positive values into `count` equal-width bins of log10(value) between the
 * smallest and largest of them (a single value gets one bin a decade wide around it). Values that
 * are ≤ 0, NaN or ∞ are left out and counted in `skipped`.
 */
export function logBins(
  values: ArrayLike<number>,
  count = 30,
): { bins: LogBin[]; skipped: number; lo: number; hi: number } {
  const logs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v) && v > 0) logs.push(Math.log10(v));
  }
  const skipped = values.length - logs.length;
  if (logs.length === 0) return { bins: [], skipped, lo: NaN, hi: NaN };
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of logs) {
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / count;
  const thresholds = Array.from({ length: count - 1 }, (_, i) => lo + width * (i + 1));
  const binned = bin().domain([lo, hi]).thresholds(thresholds)(logs);
  const bins = binned.map((b) => ({
    x0: 10 ** (b.x0 ?? lo),
    x1: 10 ** (b.x1 ?? hi),
    count: b.length,
  }));
  return { bins, skipped, lo: 10 ** lo, hi: 10 ** hi };
}

/** Indices of the `count` smallest finite values, smallest first (ties: lower index first). */
export function smallestIndices(values: ArrayLike<number>, count: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i] ?? NaN)) idx.push(i);
  idx.sort((p, q) => (values[p] ?? 0) - (values[q] ?? 0) || p - q);
  return idx.slice(0, count);
}
