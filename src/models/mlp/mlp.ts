/**
 * A one-hidden-layer MLP, d → h → k, with everything the Ghosts of Softmax LR-spike test needs on
 * the CPU: forward pass, mean cross-entropy and its gradient (reverse mode) and the directional
 * logit derivatives a = J_θ z · v (forward mode). It is the oracle the WGSL kernels must match,
 * so it computes in f64 and reads/writes f32 only at the boundary.
 *
 * Parameter layout, one flat array of `size` numbers (the same offsets index GPU buffers):
 *   W1  h×d row-major  at [layout.w1, +h·d)   W1[j·d + i] multiplies input i into hidden unit j
 *   b1  h              at [layout.b1, +h)
 *   W2  k×h row-major  at [layout.w2, +k·h)   W2[c·h + j] multiplies hidden unit j into logit c
 *   b2  k              at [layout.b2, +k)
 * Inputs x are n×d row-major; logits and a are n×k row-major (a[i·k + c] = ∇_θ z_c(x_i) · v).
 */
import type { Rng } from '../../science/rng';

export type Activation = 'relu' | 'tanh';

export interface MlpShape {
  d: number;
  h: number;
  k: number;
  activation: Activation;
}

export interface MlpLayout {
  w1: number;
  b1: number;
  w2: number;
  b2: number;
  size: number;
}

/** Parameters or a direction in parameter space; f64 is accepted so tests can check in f64. */
export type ParamArray = Float32Array | Float64Array;

export interface LossAndGrad {
  /** Mean cross-entropy over the n samples. */
  loss: number;
  /** ∇_θ loss, same layout as the parameters. */
  grad: Float32Array;
  /** Fraction of samples whose largest logit is the label (lowest index wins ties). */
  accuracy: number;
}

export interface Jvp {
  /** z, n×k. */
  logits: Float64Array;
  /** a = ∇_θ z · v, n×k: exact forward-mode derivatives of the logits along v. */
  a: Float64Array;
}

export function mlpLayout(shape: MlpShape): MlpLayout {
  const { d, h, k } = shape;
  const w1 = 0;
  const b1 = w1 + h * d;
  const w2 = b1 + h;
  const b2 = w2 + k * h;
  return { w1, b1, w2, b2, size: b2 + k };
}

/** Largest logit's index, lowest index on ties. */
function argmax(z: ArrayLike<number>, off: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if ((z[off + c] ?? 0) > (z[off + best] ?? 0)) best = c;
  return best;
}

/** Mean cross-entropy and accuracy of logits z (n×k) against labels y. */
export function lossAndAccuracy(
  z: ArrayLike<number>,
  y: Uint8Array,
  n: number,
  k: number,
): { loss: number; accuracy: number } {
  let loss = 0;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const best = argmax(z, o, k);
    const zmax = z[o + best] ?? 0;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp((z[o + c] ?? 0) - zmax);
    loss += zmax + Math.log(sum) - (z[o + (y[i] ?? 0)] ?? 0);
    if (best === y[i]) hits++;
  }
  return n > 0 ? { loss: loss / n, accuracy: hits / n } : { loss: 0, accuracy: 0 };
}

export class Mlp {
  readonly shape: MlpShape;
  readonly layout: MlpLayout;
  readonly size: number;

  constructor(shape: MlpShape) {
    for (const key of ['d', 'h', 'k'] as const) {
      if (!Number.isInteger(shape[key]) || shape[key] < 1) {
        throw new RangeError(`MLP size ${key} must be a positive integer, got ${shape[key]}`);
      }
    }
    this.shape = { ...shape };
    this.layout = mlpLayout(shape);
    this.size = this.layout.size;
  }

  /**
   * Fresh parameters: weights N(0, 2/fan_in) for ReLU (He et al. 2015), N(0, 2/(fan_in+fan_out))
   * for tanh (Glorot & Bengio 2010), biases 0. Draws W1 then W2 in layout order, so a seed fixes
   * the network. (PyTorch's default nn.Linear init, used by the paper's repo, is uniform instead.)
   */
  init(rng: Rng): Float32Array {
    const { d, h, k, activation } = this.shape;
    const { w1, w2 } = this.layout;
    const params = new Float32Array(this.size);
    const std1 = activation === 'relu' ? Math.sqrt(2 / d) : Math.sqrt(2 / (d + h));
    const std2 = activation === 'relu' ? Math.sqrt(2 / h) : Math.sqrt(2 / (h + k));
    for (let q = 0; q < h * d; q++) params[w1 + q] = std1 * rng.normal();
    for (let q = 0; q < k * h; q++) params[w2 + q] = std2 * rng.normal();
    return params;
  }

  private check(params: ParamArray, x: Float32Array | Float64Array, n: number): void {
    if (params.length !== this.size) {
      throw new RangeError(`expected ${this.size} parameters, got ${params.length}`);
    }
    if (!Number.isInteger(n) || n < 0 || x.length < n * this.shape.d) {
      throw new RangeError(
        `x holds ${x.length} values, too few for n=${n} rows of ${this.shape.d}`,
      );
    }
  }

  /** Hidden pre-activations and activations of sample i into pre/act (length h). */
  private hidden(
    params: ParamArray,
    x: Float32Array | Float64Array,
    i: number,
    pre: Float64Array,
    act: Float64Array,
  ): void {
    const { d, h, activation } = this.shape;
    const { w1, b1 } = this.layout;
    const xo = i * d;
    for (let j = 0; j < h; j++) {
      let s = params[b1 + j] ?? 0;
      const row = w1 + j * d;
      for (let c = 0; c < d; c++) s += (params[row + c] ?? 0) * (x[xo + c] ?? 0);
      pre[j] = s;
      act[j] = activation === 'relu' ? (s > 0 ? s : 0) : Math.tanh(s);
    }
  }

  /** Output logits of one sample from its hidden activations, into z at offset zo. */
  private output(params: ParamArray, act: Float64Array, z: Float64Array, zo: number): void {
    const { h, k } = this.shape;
    const { w2, b2 } = this.layout;
    for (let c = 0; c < k; c++) {
      let s = params[b2 + c] ?? 0;
      const row = w2 + c * h;
      for (let j = 0; j < h; j++) s += (params[row + j] ?? 0) * (act[j] ?? 0);
      z[zo + c] = s;
    }
  }

  /** σ'(pre) given pre and act = σ(pre); ReLU'(0) = 0 as in PyTorch. */
  private slope(pre: number, act: number): number {
    return this.shape.activation === 'relu' ? (pre > 0 ? 1 : 0) : 1 - act * act;
  }

  /** Logits, n×k. */
  forward(params: ParamArray, x: Float32Array | Float64Array, n: number): Float64Array {
    this.check(params, x, n);
    const { h, k } = this.shape;
    const pre = new Float64Array(h);
    const act = new Float64Array(h);
    const z = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      this.hidden(params, x, i, pre, act);
      this.output(params, act, z, i * k);
    }
    return z;
  }

  /** Fraction of the n samples classified correctly. */
  accuracy(params: ParamArray, x: Float32Array | Float64Array, y: Uint8Array, n: number): number {
    return lossAndAccuracy(this.forward(params, x, n), y, n, this.shape.k).accuracy;
  }

  /** Mean cross-entropy, its gradient (backprop) and the accuracy on the same n samples. */
  lossAndGrad(
    params: ParamArray,
    x: Float32Array | Float64Array,
    y: Uint8Array,
    n: number,
  ): LossAndGrad {
    this.check(params, x, n);
    const { d, h, k } = this.shape;
    const { w1, b1, w2, b2 } = this.layout;
    const g = new Float64Array(this.size);
    const pre = new Float64Array(h);
    const act = new Float64Array(h);
    const z = new Float64Array(k);
    const dz = new Float64Array(k);
    const dpre = new Float64Array(h);
    let lossSum = 0;
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i] ?? 0;
      if (yi >= k) throw new RangeError(`label ${yi} of sample ${i} is not below k=${k}`);
      this.hidden(params, x, i, pre, act);
      this.output(params, act, z, 0);
      if (argmax(z, 0, k) === yi) hits++;
      // Stable log-sum-exp: shift by max z so exp never overflows.
      let zmax = -Infinity;
      for (let c = 0; c < k; c++) zmax = Math.max(zmax, z[c] ?? 0);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp((z[c] ?? 0) - zmax);
      const lse = zmax + Math.log(sum);
      lossSum += lse - (z[yi] ?? 0);
      // ∂(mean CE)/∂z_c = (softmax_c − 1[c = y]) / n.
      for (let c = 0; c < k; c++) {
        dz[c] = (Math.exp((z[c] ?? 0) - lse) - (c === yi ? 1 : 0)) / n;
      }
      dpre.fill(0);
      for (let c = 0; c < k; c++) {
        const dc = dz[c] ?? 0;
        g[b2 + c] = (g[b2 + c] ?? 0) + dc;
        const row = w2 + c * h;
        for (let j = 0; j < h; j++) {
          g[row + j] = (g[row + j] ?? 0) + dc * (act[j] ?? 0);
          dpre[j] = (dpre[j] ?? 0) + dc * (params[row + j] ?? 0);
        }
      }
      const xo = i * d;
      for (let j = 0; j < h; j++) {
        const dj = (dpre[j] ?? 0) * this.slope(pre[j] ?? 0, act[j] ?? 0);
        if (dj === 0) continue;
        g[b1 + j] = (g[b1 + j] ?? 0) + dj;
        const row = w1 + j * d;
        for (let c = 0; c < d; c++) g[row + c] = (g[row + c] ?? 0) + dj * (x[xo + c] ?? 0);
      }
    }
    return {
      loss: n > 0 ? lossSum / n : 0,
      grad: Float32Array.from(g),
      accuracy: n > 0 ? hits / n : 0,
    };
  }

  /**
   * Logits and their exact derivatives along v (forward-mode JVP, one pass): the a_k = ∇z_k·v of
   * Sao 2026 §3.1. Pass a unit v to get ρ_a in parameter-space distance.
   */
  jvp(params: ParamArray, x: Float32Array | Float64Array, n: number, v: ParamArray): Jvp {
    this.check(params, x, n);
    if (v.length !== this.size) {
      throw new RangeError(`direction has ${v.length} entries, expected ${this.size}`);
    }
    const { d, h, k } = this.shape;
    const { w1, b1, w2, b2 } = this.layout;
    const pre = new Float64Array(h);
    const act = new Float64Array(h);
    const dact = new Float64Array(h);
    const z = new Float64Array(n * k);
    const a = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      this.hidden(params, x, i, pre, act);
      const xo = i * d;
      // d(pre) = V_W1 x + V_b1; d(act) = σ'(pre) d(pre).
      for (let j = 0; j < h; j++) {
        const sl = this.slope(pre[j] ?? 0, act[j] ?? 0);
        if (sl === 0) {
          dact[j] = 0;
          continue;
        }
        let s = v[b1 + j] ?? 0;
        const row = w1 + j * d;
        for (let c = 0; c < d; c++) s += (v[row + c] ?? 0) * (x[xo + c] ?? 0);
        dact[j] = sl * s;
      }
      this.output(params, act, z, i * k);
      // d(z) = V_W2 act + W2 d(act) + V_b2.
      for (let c = 0; c < k; c++) {
        let s = v[b2 + c] ?? 0;
        const row = w2 + c * h;
        for (let j = 0; j < h; j++) {
          s += (v[row + j] ?? 0) * (act[j] ?? 0) + (params[row + j] ?? 0) * (dact[j] ?? 0);
        }
        a[i * k + c] = s;
      }
    }
    return { logits: z, a };
  }
}
