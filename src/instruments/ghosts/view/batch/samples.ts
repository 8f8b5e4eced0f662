/** The samples that set a batch's ρ_a bound, and how one is handed to the complex plane. */
import type { BatchAnalysis } from '../../compute/batchEngine';
import { smallestIndices } from '../../../../plots/logBins';

export interface BoundSample {
  /** Row of the evaluation set. */
  index: number;
  label: number;
  /** Largest logit's class (lowest on ties). */
  predicted: number;
  /** z_label − max_{c≠label} z_c: negative when misclassified, near 0 near a decision flip. */
  margin: number;
  deltaA: number;
  rhoA: number;
  z: number[];
  a: number[];
}

/** The `count` samples with the smallest ρ_a (largest Δ_a), smallest first. */
export function boundSamples(r: BatchAnalysis, count: number): BoundSample[] {
  const { k } = r;
  return smallestIndices(r.rhoA, count).map((i) => {
    const z = Array.from(r.logits.subarray(i * k, i * k + k));
    const a = Array.from(r.a.subarray(i * k, i * k + k));
    const label = r.labels[i] ?? 0;
    let predicted = 0;
    let other = -Infinity;
    z.forEach((v, c) => {
      if (v > (z[predicted] ?? -Infinity)) predicted = c;
      if (c !== label) other = Math.max(other, v);
    });
    return {
      index: i,
      label,
      predicted,
      margin: (z[label] ?? 0) - other,
      deltaA: r.deltaA[i] ?? NaN,
      rhoA: r.rhoA[i] ?? NaN,
      z,
      a,
    };
  });
}

/**
 * Shifts z and a each by their mid-range, so they sit inside the plane's link ranges
 * (z ∈ [−8, 8], a ∈ [−5, 5]) whenever their spread allows. Harmless: a constant added to every z
 * scales F(t) by e^c, and one added to every a by e^{ct}, so the zeros, Δ_a, ρ_a, ρ* and the loss
 * along the line are all unchanged.
 */
export function centerForPlane(
  z: readonly number[],
  a: readonly number[],
): { z: number[]; a: number[] } {
  const shift = (v: readonly number[]) => {
    const mid = (Math.max(...v) + Math.min(...v)) / 2;
    return v.map((x) => x - mid);
  };
  return { z: shift(z), a: shift(a) };
}
