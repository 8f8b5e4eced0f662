/**
 * Forward pass and mean softmax cross-entropy of the general MLP (shape.ts), in f64. This is the
 * loss L(θ) of every landscape picture (Li et al. 2018, Eq. 1) and the oracle of the slice kernel.
 */
import { activate } from './activation';
import { mlpLayout, type MlpLayout, type MlpShape, type ParamVector, type Samples } from './shape';

export interface LossAndAccuracy {
  /** Mean cross-entropy over the samples. */
  loss: number;
  /** Fraction whose largest logit is the label (lowest index wins ties). */
  accuracy: number;
}

/**
 * Logits of sample i into `out` (length K). `a` and `b` are scratch of length layout.widest;
 * `pre`, when given, receives every hidden pre-activation and activation for backprop
 * (pre[l] and post[l] per hidden layer l).
 */
export function forwardSample(
  shape: MlpShape,
  layout: MlpLayout,
  theta: ParamVector,
  data: Samples,
  i: number,
  out: Float64Array,
  trace?: { pre: Float64Array[]; post: Float64Array[] },
): void {
  const { layers } = layout;
  let input: ArrayLike<number> = data.x;
  let inOff = i * data.d;
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l];
    if (!L) break;
    const last = l === layers.length - 1;
    const pre = last ? out : (trace?.pre[l] ?? new Float64Array(L.out));
    for (let r = 0; r < L.out; r++) {
      let s = theta[L.b + r] ?? 0;
      const row = L.w + r * L.in;
      for (let c = 0; c < L.in; c++) s += (theta[row + c] ?? 0) * (input[inOff + c] ?? 0);
      pre[r] = s;
    }
    if (last) break;
    const post = trace?.post[l] ?? new Float64Array(L.out);
    for (let r = 0; r < L.out; r++) post[r] = activate(shape.act, pre[r] ?? 0);
    input = post;
    inOff = 0;
  }
}

/** −log softmax(z)_y by the log-sum-exp shift, and whether argmax z = y. */
export function crossEntropy(z: Float64Array, y: number): { loss: number; hit: boolean } {
  let best = 0;
  for (let c = 1; c < z.length; c++) if ((z[c] ?? 0) > (z[best] ?? 0)) best = c;
  const m = z[best] ?? 0;
  let s = 0;
  for (let c = 0; c < z.length; c++) s += Math.exp((z[c] ?? 0) - m);
  return { loss: m + Math.log(s) - (z[y] ?? 0), hit: best === y };
}

/** Mean CE and accuracy of θ over all samples (or the rows `idx`). */
export function lossAndAccuracy(
  shape: MlpShape,
  theta: ParamVector,
  data: Samples,
  idx?: ArrayLike<number>,
): LossAndAccuracy {
  const layout = mlpLayout(shape);
  const z = new Float64Array(shape.classes);
  const trace = scratchTrace(shape);
  const count = idx ? idx.length : data.n;
  let loss = 0;
  let hits = 0;
  for (let t = 0; t < count; t++) {
    const i = idx ? (idx[t] ?? 0) : t;
    forwardSample(shape, layout, theta, data, i, z, trace);
    const ce = crossEntropy(z, data.y[i] ?? 0);
    loss += ce.loss;
    if (ce.hit) hits++;
  }
  return { loss: loss / count, accuracy: hits / count };
}

/** Per-hidden-layer pre-activation and activation buffers, reused across samples. */
export function scratchTrace(shape: MlpShape): { pre: Float64Array[]; post: Float64Array[] } {
  return {
    pre: shape.hidden.map((h) => new Float64Array(h)),
    post: shape.hidden.map((h) => new Float64Array(h)),
  };
}

/** Logits of every sample, n×K row-major (for decision regions and tests). */
export function logits(shape: MlpShape, theta: ParamVector, data: Samples): Float64Array {
  const layout = mlpLayout(shape);
  const out = new Float64Array(data.n * shape.classes);
  const z = new Float64Array(shape.classes);
  const trace = scratchTrace(shape);
  for (let i = 0; i < data.n; i++) {
    forwardSample(shape, layout, theta, data, i, z, trace);
    out.set(z, i * shape.classes);
  }
  return out;
}
