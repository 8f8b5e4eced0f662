/**
 * The loss landscape on the CPU in f64: the 2-D slice f(α, β) = L(θ + αδ + βη) (Li et al. 2018,
 * Eq. 1) and the 1-D interpolation L((1−α)θ₀ + αθ₁) (§3, after Goodfellow et al. 2015). It is
 * the oracle of the slice kernel and the CPU fallback.
 */
import { lossAndAccuracy } from './forward';
import type { MlpShape, ParamVector, Samples } from './shape';

export const GRID = { min: 21, max: 201 } as const;
export const SPAN = { min: 0.1, max: 2 } as const;
export const INTERP_RANGE = [-0.5, 1.5] as const;

/** `count` evenly spaced values from −span to span (the centre exactly 0 when count is odd). */
export function axis(span: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const mid = (count - 1) / 2;
  // (i − mid)/mid·span rather than −span + i·step, so the centre is 0 and the axis symmetric.
  for (let i = 0; i < count; i++) out[i] = count === 1 ? 0 : ((i - mid) / mid) * span;
  return out;
}

export interface Slice {
  readonly alphas: Float64Array;
  readonly betas: Float64Array;
  /** loss[j·alphas.length + i] = f(alphas[i], betas[j]): rows are β. */
  readonly loss: Float64Array;
  readonly accuracy: Float64Array;
  readonly min: GridMinimum;
}

export interface GridMinimum {
  readonly loss: number;
  readonly alpha: number;
  readonly beta: number;
  /** Flat index into the grid. */
  readonly index: number;
}

/** θ + αδ + βη into `out`. */
export function displaced(
  theta: ParamVector,
  delta: ParamVector,
  eta: ParamVector,
  alpha: number,
  beta: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < theta.length; i++) {
    out[i] = (theta[i] ?? 0) + alpha * (delta[i] ?? 0) + beta * (eta[i] ?? 0);
  }
  return out;
}

/** The smallest finite loss of a grid (first on ties), with its position. */
export function gridMinimum(
  loss: ArrayLike<number>,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
): GridMinimum {
  let index = -1;
  let best = Infinity;
  for (let g = 0; g < loss.length; g++) {
    const v = loss[g] ?? NaN;
    if (v < best) {
      best = v;
      index = g;
    }
  }
  const na = alphas.length;
  return {
    loss: best,
    alpha: index < 0 ? NaN : (alphas[index % na] ?? NaN),
    beta: index < 0 ? NaN : (betas[Math.floor(index / na)] ?? NaN),
    index,
  };
}

/** Every grid point's full-data-set loss and accuracy. */
export function lossSlice(
  shape: MlpShape,
  theta: ParamVector,
  delta: ParamVector,
  eta: ParamVector,
  data: Samples,
  alphas: Float64Array,
  betas: Float64Array,
): Slice {
  const loss = new Float64Array(alphas.length * betas.length);
  const accuracy = new Float64Array(loss.length);
  const p = new Float64Array(theta.length);
  for (let j = 0; j < betas.length; j++) {
    for (let i = 0; i < alphas.length; i++) {
      displaced(theta, delta, eta, alphas[i] ?? 0, betas[j] ?? 0, p);
      const r = lossAndAccuracy(shape, p, data);
      loss[j * alphas.length + i] = r.loss;
      accuracy[j * alphas.length + i] = r.accuracy;
    }
  }
  return { alphas, betas, loss, accuracy, min: gridMinimum(loss, alphas, betas) };
}

export interface Interpolation {
  readonly alphas: Float64Array;
  readonly loss: Float64Array;
  readonly min: { readonly loss: number; readonly alpha: number };
}

/** L((1−α)θ₀ + αθ₁) at `count` points of α ∈ [−0.5, 1.5] (SPEC §3: 401 points). */
export function interpolation(
  shape: MlpShape,
  theta0: ParamVector,
  theta1: ParamVector,
  data: Samples,
  count = 401,
): Interpolation {
  const [lo, hi] = INTERP_RANGE;
  const alphas = new Float64Array(count);
  const loss = new Float64Array(count);
  const p = new Float64Array(theta0.length);
  let min = { loss: Infinity, alpha: NaN };
  for (let s = 0; s < count; s++) {
    const a = count === 1 ? 0 : lo + ((hi - lo) * s) / (count - 1);
    alphas[s] = a;
    for (let i = 0; i < p.length; i++) p[i] = (1 - a) * (theta0[i] ?? 0) + a * (theta1[i] ?? 0);
    const l = lossAndAccuracy(shape, p, data).loss;
    loss[s] = l;
    if (l < min.loss) min = { loss: l, alpha: a };
  }
  return { alphas, loss, min };
}
