/**
 * Radii of convergence of the linearized cross-entropy along a step direction (Sao 2026), their
 * batch versions and the clip controller built on them. JVP slopes a_k = ∇z_k·v come in as data.
 */
import type { Complex } from '../../../science/complex';
import { nearestZero } from './zeros';

/** Spread of the directional logit derivatives, Δ_a = max a − min a (0 for no classes). */
export function deltaA(a: readonly number[]): number {
  if (a.length === 0) return 0;
  return Math.max(...a) - Math.min(...a);
}

/** The computable lower bound on ρ*; Infinity when Δ_a = 0 (the line loss is then entire). */
export function rhoA(a: readonly number[], temperature = 1): number {
  return rhoFromSpan(deltaA(a), temperature);
}

/** ρ_a from a known Δ_a; Infinity when Δ_a = 0. */
export function rhoFromSpan(span: number, temperature = 1): number {
  if (span === 0) return Infinity;
  // Thm 4.6, Eq. 12 (ρ_a = π/Δ_a), with logits z/T scaling it by T (§6.4).
  return (Math.PI * temperature) / span;
}

/** Exact ρ* of a two-class problem; Infinity when the slopes are equal. */
export function binaryRhoStar(z1: number, z2: number, a1: number, a2: number): number {
  const gap = Math.abs(a1 - a2);
  if (gap === 0) return Infinity;
  // Thm 4.3, Eq. 10: ρ* = √(δ² + π²)/Δ_a with δ = z1 − z2.
  return Math.hypot(z1 - z2, Math.PI) / gap;
}

export interface Top2Ghost {
  /** The two-term zero with Im > 0; (Infinity, Infinity) when a_c = a_y. */
  zero: Complex;
  /** |zero|: an estimate of ρ*, not a bound (it can exceed the true ρ*). */
  rho: number;
  /** c, the strongest competitor: argmax of z_k over k ≠ y (lowest index on ties). */
  competitor: number;
}

/** The ghost of the label and its strongest competitor alone (paper Eq. 13, repo sign). */
export function top2Ghost(z: readonly number[], a: readonly number[], y: number): Top2Ghost {
  const zy = z[y];
  const ay = a[y];
  if (zy === undefined || ay === undefined) throw new RangeError(`label ${y} is out of range`);
  let c = -1;
  for (let k = 0; k < z.length; k++) {
    if (k !== y && (c < 0 || (z[k] ?? -Infinity) > (z[c] ?? -Infinity))) c = k;
  }
  const zc = z[c];
  const ac = a[c];
  if (zc === undefined || ac === undefined) throw new RangeError('top-2 ghost needs two classes');
  const delta = zy - zc;
  const gap = ac - ay;
  if (gap === 0) return { zero: { re: Infinity, im: Infinity }, rho: Infinity, competitor: c };
  // Eq. 13 with the repo's sign (SPEC §6.2): Re = δ/(a_c − a_y), Im = π/|a_c − a_y|.
  // "+ 0" turns a −0 real part (δ = 0) into 0.
  const zero = { re: delta / gap + 0, im: Math.PI / Math.abs(gap) };
  // Eq. 13: ρ = √(δ² + π²)/|Δ_{y,c}|.
  return { zero, rho: Math.hypot(delta, Math.PI) / Math.abs(gap), competitor: c };
}

/** How far past the guaranteed-safe radius a step of length τ goes. */
export function normalizedStep(tau: number, rhoA: number): number {
  // Def. 5.1, Eq. 17: r = τ/ρ_a.
  return tau / rhoA;
}

export interface BatchSample {
  z: readonly number[];
  a: readonly number[];
}

export interface BatchRadius {
  /** π / max_x Δ_a(x): the computable bound, ρ_a ≤ ρ*_B. */
  rhoA: number;
  /** min_x ρ*(x): the exact radius of the mean loss. */
  rhoStarB: number;
  /** Sample with the largest Δ_a (the one that sets ρ_a); −1 for an empty batch. */
  argmaxDeltaA: number;
  /** Sample with the smallest ρ* (the one that sets ρ*_B); −1 for an empty batch. */
  argminRhoStar: number;
}

/** Radii of the batch loss, a mean of per-sample line losses. */
export function batchRadius(samples: readonly BatchSample[]): BatchRadius {
  let maxSpan = -Infinity;
  let argmaxDeltaA = -1;
  let rhoStarB = Infinity;
  let argminRhoStar = -1;
  samples.forEach((sample, x) => {
    const span = deltaA(sample.a);
    if (span > maxSpan) {
      maxSpan = span;
      argmaxDeltaA = x;
    }
    // Def. 4.7, Eq. 15: the mean loss is singular wherever one sample is, so ρ*_B = min_x ρ*(x).
    const rho = nearestZero(sample.z, sample.a).rhoStar;
    if (argminRhoStar < 0 || rho < rhoStarB) {
      rhoStarB = rho;
      argminRhoStar = x;
    }
  });
  // Def. 4.7, Eq. 15: ρ_a(v) = π / max_x Δ_a(x; v).
  const rhoA = maxSpan > 0 ? Math.PI / maxSpan : Infinity;
  return { rhoA, rhoStarB, argmaxDeltaA, argminRhoStar };
}

export interface ClipResult {
  /** Normalized step before clipping, ‖p‖/ρ_a. */
  r: number;
  /** Scale applied to the step, min(1, ρ_a/‖p‖). */
  s: number;
  /** ‖s·p‖, never above ρ_a. */
  clippedNorm: number;
}

/** Shrinks a step of norm ‖p‖ onto the radius ρ_a; no hyperparameters. */
export function clipController(rhoA: number, stepNorm: number): ClipResult {
  // Prop. 5.2, Eq. 19: s = min(1, ρ_a/‖p‖); a zero step needs no clipping.
  const s = stepNorm > 0 ? Math.min(1, rhoA / stepNorm) : 1;
  // Def. 5.1, Eq. 17: r = ‖p‖/ρ_a.
  return { r: stepNorm / rhoA, s, clippedNorm: s * stepNorm };
}
