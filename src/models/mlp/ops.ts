/**
 * The passes a training step of the one-hidden-layer MLP needs, behind one asynchronous
 * interface, so a run can be driven by the f64 CPU oracle (this file) or by the WGSL kernels
 * (./gpuOps.ts) without the training loop knowing which.
 */
import { lossAndAccuracy, type Mlp, type Jvp, type LossAndGrad, type ParamArray } from './mlp';

export type OpsBackend = 'cpu' | 'gpu';

/**
 * Where a model trains: 'auto' uses the GPU when there is one (f32: a link replays to the same
 * numbers on the same device), 'cpu' the f64 oracle (the same numbers anywhere).
 */
export type TrainOnId = 'auto' | 'cpu';
export const TRAIN_ON: readonly TrainOnId[] = ['auto', 'cpu'];

export interface MlpOps {
  readonly backend: OpsBackend;
  readonly mlp: Mlp;
  /** Mean cross-entropy, its gradient and the accuracy over the first n rows of x. */
  lossAndGrad(
    params: Float32Array,
    x: Float32Array,
    y: Uint8Array,
    n: number,
  ): Promise<LossAndGrad>;
  /** Δ_a(x_i) = max_c a_ic − min_c a_ic per sample, along v (Sao 2026 §4.4). */
  deltaA(
    params: Float32Array,
    x: Float32Array,
    n: number,
    v: ParamArray,
  ): Promise<ArrayLike<number>>;
  /** Logits and a = ∇_θ z · v, n×k. */
  jvp(params: ParamArray, x: Float32Array, n: number, v: ParamArray): Promise<Jvp>;
  /** Mean cross-entropy and accuracy over the first n rows of x, without a gradient. */
  evaluate(
    params: ParamArray,
    x: Float32Array,
    y: Uint8Array,
    n: number,
  ): Promise<{ loss: number; accuracy: number }>;
}

/** The CPU oracle as MlpOps: exact f64 arithmetic, the same numbers on every machine. */
export function cpuOps(mlp: Mlp): MlpOps {
  return {
    backend: 'cpu',
    mlp,
    lossAndGrad: (params, x, y, n) => Promise.resolve(mlp.lossAndGrad(params, x, y, n)),
    deltaA: (params, x, n, v) =>
      Promise.resolve(rowSpreads(mlp.jvp(params, x, n, v).a, n, mlp.shape.k)),
    jvp: (params, x, n, v) => Promise.resolve(mlp.jvp(params, x, n, v)),
    evaluate: (params, x, y, n) =>
      Promise.resolve(lossAndAccuracy(mlp.forward(params, x, n), y, n, mlp.shape.k)),
  };
}

/** max_c a_ic − min_c a_ic for each row of a (n×k, row-major), as the JVP kernel returns it. */
export function rowSpreads(a: ArrayLike<number>, n: number, k: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let c = 0; c < k; c++) {
      // Math.min/max rather than comparisons, so a NaN in a row shows as a NaN spread.
      const x = a[i * k + c] ?? 0;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    out[i] = k > 0 ? hi - lo : 0;
  }
  return out;
}
