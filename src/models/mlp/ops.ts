/**
 * The passes a training step of the one-hidden-layer MLP needs, behind one asynchronous
 * interface, so a run can be driven by the f64 CPU oracle (this file) or by the WGSL kernels
 * (src/compute/gpuMlpOps.ts) without the training loop knowing which.
 */
import { lossAndAccuracy, type Mlp, type Jvp, type LossAndGrad, type ParamArray } from './mlp';
import { sampleRadii } from '../../instruments/ghosts/science/sampleRadii';

export type OpsBackend = 'cpu' | 'gpu';

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
      Promise.resolve(sampleRadii(mlp.jvp(params, x, n, v).a, n, mlp.shape.k).deltaA),
    jvp: (params, x, n, v) => Promise.resolve(mlp.jvp(params, x, n, v)),
    evaluate: (params, x, y, n) =>
      Promise.resolve(lossAndAccuracy(mlp.forward(params, x, n), y, n, mlp.shape.k)),
  };
}
