/**
 * ∇_θ of the mean softmax cross-entropy by reverse mode (backprop), in f64: the training
 * gradient and the oracle of the gradient kernel (shaders/landscape/grad_*.wgsl).
 */
import { slope } from './activation';
import { crossEntropy, forwardSample, scratchTrace, type LossAndAccuracy } from './forward';
import { mlpLayout, type MlpShape, type ParamVector, type Samples } from './shape';

export interface LossAndGradient extends LossAndAccuracy {
  /** ∇_θ of the mean loss over the rows used, same layout as θ. */
  grad: Float64Array;
}

/** Mean CE, accuracy and gradient over all samples, or over the rows `idx` (a mini-batch). */
export function lossAndGradient(
  shape: MlpShape,
  theta: ParamVector,
  data: Samples,
  idx?: ArrayLike<number>,
): LossAndGradient {
  const layout = mlpLayout(shape);
  const { layers } = layout;
  const grad = new Float64Array(layout.size);
  const z = new Float64Array(shape.classes);
  const trace = scratchTrace(shape);
  // δ_l = ∂ℓ/∂(pre-activation of layer l), one buffer per layer (logits last).
  const deltas = layers.map((L) => new Float64Array(L.out));
  const count = idx ? idx.length : data.n;
  const inv = 1 / count;
  let loss = 0;
  let hits = 0;
  for (let t = 0; t < count; t++) {
    const i = idx ? (idx[t] ?? 0) : t;
    forwardSample(shape, layout, theta, data, i, z, trace);
    const y = data.y[i] ?? 0;
    const ce = crossEntropy(z, y);
    loss += ce.loss;
    if (ce.hit) hits++;
    // ∂ℓ/∂z_c = softmax(z)_c − [c = y], scaled by 1/n for the mean; softmax = exp(z − lse).
    const lse = ce.loss + (z[y] ?? 0);
    const top = deltas[layers.length - 1];
    if (!top) continue;
    for (let c = 0; c < shape.classes; c++) {
      top[c] = (Math.exp((z[c] ?? 0) - lse) - (c === y ? 1 : 0)) * inv;
    }
    for (let l = layers.length - 1; l >= 0; l--) {
      const L = layers[l];
      const d = deltas[l];
      if (!L || !d) continue;
      const input: ArrayLike<number> = l === 0 ? data.x : (trace.post[l - 1] ?? []);
      const inOff = l === 0 ? i * data.d : 0;
      // ∂ℓ/∂W_l[r, c] = δ_l[r]·input[c]; ∂ℓ/∂b_l[r] = δ_l[r].
      for (let r = 0; r < L.out; r++) {
        const dr = d[r] ?? 0;
        grad[L.b + r] = (grad[L.b + r] ?? 0) + dr;
        const row = L.w + r * L.in;
        for (let c = 0; c < L.in; c++) {
          grad[row + c] = (grad[row + c] ?? 0) + dr * (input[inOff + c] ?? 0);
        }
      }
      if (l === 0) break;
      // δ_{l−1} = (W_lᵀ δ_l) ⊙ σ'(pre_{l−1}).
      const below = deltas[l - 1];
      const pre = trace.pre[l - 1];
      if (!below || !pre) continue;
      for (let c = 0; c < L.in; c++) {
        let s = 0;
        for (let r = 0; r < L.out; r++) s += (theta[L.w + r * L.in + c] ?? 0) * (d[r] ?? 0);
        below[c] = s * slope(shape.act, pre[c] ?? 0);
      }
    }
  }
  return { loss: loss / count, accuracy: hits / count, grad };
}
