/**
 * Radii of the batch loss along a parameter direction, from the JVP output of Mlp.jvp (Sao 2026
 * §4.4), and the paper's step controller. Per-sample maths is delegated to ../ghosts so the
 * definitions (Δ_a, ρ_a = ∞ for Δ_a = 0) live in one place.
 */
import { rowSpreads } from '../../../models/mlp/ops';
import {
  batchRadius,
  clipController,
  rhoFromSpan,
  type BatchRadius,
  type ClipResult,
} from './radius';

export interface SampleRadii {
  /** Δ_a(x_i) = max_c a_ic − min_c a_ic, per sample. */
  deltaA: Float64Array;
  /** ρ_a(x_i) = π/Δ_a(x_i), per sample (∞ where Δ_a = 0). */
  rhoA: Float64Array;
  /** π / max_i Δ_a(x_i): the batch bound ρ_a(v), ≤ every per-sample ρ_a. */
  batchRhoA: number;
  /** max_i Δ_a(x_i). */
  maxDeltaA: number;
  /** The sample that sets the batch bound; −1 for an empty batch. */
  argmax: number;
}

/** Per-sample and batch ρ_a from a (n×k, row-major). Units are those of the direction v. */
export function sampleRadii(a: Float64Array, n: number, k: number): SampleRadii {
  if (a.length < n * k) throw new RangeError(`a holds ${a.length} values, need ${n}×${k}`);
  return radiiFromDeltaA(rowSpreads(a, n, k));
}

/** Per-sample ρ_a and the batch bound from per-sample Δ_a (as the JVP kernel returns them). */
export function radiiFromDeltaA(spans: ArrayLike<number>): SampleRadii {
  const n = spans.length;
  const d = Float64Array.from(spans);
  const radii = new Float64Array(n);
  let maxDeltaA = 0;
  let argmax = -1;
  for (let i = 0; i < n; i++) {
    const span = d[i] ?? 0;
    radii[i] = rhoFromSpan(span);
    if (argmax < 0 || span > maxDeltaA) {
      maxDeltaA = span;
      argmax = i;
    }
  }
  // Def. 4.7, Eq. 15: ρ_a(v) = π / max_x Δ_a(x; v).
  return { deltaA: d, rhoA: radii, batchRhoA: rhoFromSpan(maxDeltaA), maxDeltaA, argmax };
}

function row(a: Float64Array, i: number, k: number): number[] {
  return Array.from(a.subarray(i * k, i * k + k));
}

/**
 * The exact batch radius ρ*_B = min_x ρ*(x) as well as ρ_a, through ghosts' zero finder: far
 * dearer than sampleRadii (a Newton search per sample), for readouts, not for every step.
 */
export function exactBatchRadius(
  logits: Float64Array,
  a: Float64Array,
  n: number,
  k: number,
): BatchRadius {
  const samples = [];
  for (let i = 0; i < n; i++) samples.push({ z: row(logits, i, k), a: row(a, i, k) });
  return batchRadius(samples);
}

/** The paper's controller: s = min(1, ρ_a/‖p‖) (Prop. 5.2, Eq. 19), with r = ‖p‖/ρ_a before it. */
export function controllerScale(batchRhoA: number, pNorm: number): ClipResult {
  return clipController(batchRhoA, pNorm);
}
