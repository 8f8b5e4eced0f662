/**
 * The line loss on the real axis and its Taylor polynomial, sampled for a chart (SPEC §1,
 * "Taylor series"): L(t) = log F(t) − z_y − a_y t and T_n(t) = Σ_{k≤n} c_k tᵏ, with the c_k from
 * the cumulant recursion in f64. 600 points × 40 terms is microseconds: it runs on the CPU.
 */
import { lineLoss } from './partition';
import { horner, taylorCoeffs } from './taylor';

export interface RealLine {
  /** Sample points, evenly spaced from tMin to tMax inclusive. */
  t: Float64Array;
  /** The true loss L(t). */
  loss: Float64Array;
  /** T_n(t); it overflows to ±Infinity only for absurd windows (f64 tops out near 1e308). */
  taylor: Float64Array;
  /** c_0..c_n of L about t = 0. */
  coeffs: number[];
}

/**
 * Logits z/T and slopes a/T: a temperature T rescales the whole line, so ρ_a(T) = πT/Δ_a
 * (Sao 2026 §6.4). The step t itself is not rescaled.
 */
export function atTemperature(v: readonly number[], temperature: number): number[] {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`temperature ${temperature} is not a positive number`);
  }
  return temperature === 1 ? v.slice() : v.map((x) => x / temperature);
}

export function realLine(
  z: readonly number[],
  a: readonly number[],
  y: number,
  n: number,
  tMin: number,
  tMax: number,
  points: number,
): RealLine {
  if (!Number.isInteger(points) || points < 2) {
    throw new RangeError(`a curve needs at least 2 points (got ${points})`);
  }
  if (!(tMax > tMin)) throw new RangeError(`empty range [${tMin}, ${tMax}]`);
  const coeffs = taylorCoeffs(z, a, y, n);
  const t = new Float64Array(points);
  const loss = new Float64Array(points);
  const taylor = new Float64Array(points);
  const step = (tMax - tMin) / (points - 1);
  for (let i = 0; i < points; i++) {
    // The last point is tMax exactly, not tMin + (points − 1)·step with its rounding.
    const ti = i === points - 1 ? tMax : tMin + i * step;
    t[i] = ti;
    loss[i] = lineLoss(z, a, y, ti);
    taylor[i] = horner(coeffs, ti);
  }
  return { t, loss, taylor, coeffs };
}

/** Half-width of the real-line window: ±2ρ*, or ±max(2τ, 4) when F has no zeros (ρ* = ∞). */
export function realLineSpan(rhoStar: number, tau: number): number {
  if (Number.isFinite(rhoStar) && rhoStar > 0) return 2 * rhoStar;
  return Math.max(2 * tau, 4);
}
