/**
 * The unconstrained-features model (Mixon et al. 2020; Dang et al. 2023, arXiv:2301.00437) in f64:
 * logits z_i = W·A_L···A_1·h_i + b, objective (SPEC §5)
 *   F = (1/N)Σ_i loss(z_i, y_i) + (λ_W/2)‖W‖² + Σ_m (λ_m/2)‖A_m‖² + (λ_H/2)‖H‖²,
 * with loss = CE, or MSE with the ½ factor (so the MSE data term is (1/2N)‖WH − Y‖²).
 * Storage: H is N×d row-major (sample i at i·d), W is K×d, each A_m is d×d (out×in).
 */
import { Rng } from '../../../science/rng';
import { type CollapseConfig, checkConfig, countsOf, labelsOf, layerLambda } from './config';

export interface UfmState {
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly H: Float64Array;
  /** Deep linear layers A_1..A_L (index 0 is A_1, applied first). */
  readonly layers: readonly Float64Array[];
}

export interface UfmShape {
  readonly K: number;
  readonly d: number;
  readonly N: number;
  readonly counts: readonly number[];
  readonly labels: Uint8Array;
}

export function shapeOf(cfg: CollapseConfig): UfmShape {
  const counts = countsOf(cfg.counts);
  const labels = labelsOf(counts);
  return { K: counts.length, d: cfg.d, N: labels.length, counts, labels };
}

/**
 * The seeded initial state: entries N(0, initScale²/d), drawn W first, then the layers, then H
 * (so ‖w_k‖ and ‖h_i‖ start near initScale); deep layers N(0, 1/d) (norm-preserving on average).
 */
export function initialState(cfg: CollapseConfig): UfmState {
  checkConfig(cfg);
  const { K, d, N } = shapeOf(cfg);
  const rng = new Rng(cfg.seed);
  const s = cfg.initScale / Math.sqrt(d);
  const draw = (n: number, scale: number): Float64Array => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = scale * rng.normal();
    return a;
  };
  const W = draw(K * d, s);
  const layers = Array.from({ length: cfg.depth }, () => draw(d * d, 1 / Math.sqrt(d)));
  const H = draw(N * d, s);
  return { W, b: new Float64Array(K), H, layers };
}

export function cloneState(s: UfmState): UfmState {
  return {
    W: Float64Array.from(s.W),
    b: Float64Array.from(s.b),
    H: Float64Array.from(s.H),
    layers: s.layers.map((a) => Float64Array.from(a)),
  };
}

/** y ← A·x for each of the N rows of X (A is d×d, out×in). */
function applyLayer(a: Float64Array, x: Float64Array, N: number, d: number): Float64Array {
  const y = new Float64Array(N * d);
  for (let i = 0; i < N; i++) {
    const o = i * d;
    for (let r = 0; r < d; r++) {
      let acc = 0;
      const ar = r * d;
      for (let c = 0; c < d; c++) acc += (a[ar + c] ?? 0) * (x[o + c] ?? 0);
      y[o + r] = acc;
    }
  }
  return y;
}

export interface Forward {
  /** Layer inputs X_0 = H, X_1 = A_1 H, …, X_L (the penultimate features fed to W). */
  readonly xs: readonly Float64Array[];
  /** Residual ∂loss_i/∂z_i, N×K: p_i − e_y (CE) or z_i − e_y (MSE). */
  readonly R: Float64Array;
  /** Softmax probabilities (CE) or the logits (MSE), N×K. */
  readonly P: Float64Array;
  /** argmax_k z_ik per sample (ties: lowest k). */
  readonly argmax: Uint8Array;
  /** (1/N)Σ loss_i. */
  readonly dataLoss: number;
}

export function forward(cfg: CollapseConfig, shape: UfmShape, st: UfmState): Forward {
  const { K, d, N, labels } = shape;
  const xs: Float64Array[] = [st.H];
  for (const a of st.layers) xs.push(applyLayer(a, xs[xs.length - 1] ?? st.H, N, d));
  const X = xs[xs.length - 1] ?? st.H;
  const R = new Float64Array(N * K);
  const P = new Float64Array(N * K);
  const argmax = new Uint8Array(N);
  const z = new Float64Array(K);
  let loss = 0;
  for (let i = 0; i < N; i++) {
    const y = labels[i] ?? 0;
    let best = 0;
    for (let k = 0; k < K; k++) {
      let acc = st.b[k] ?? 0;
      const wk = k * d;
      const xi = i * d;
      for (let j = 0; j < d; j++) acc += (st.W[wk + j] ?? 0) * (X[xi + j] ?? 0);
      z[k] = acc;
      if (acc > (z[best] ?? 0)) best = k;
    }
    argmax[i] = best;
    if (cfg.loss === 'mse') {
      for (let k = 0; k < K; k++) {
        const r = (z[k] ?? 0) - (k === y ? 1 : 0);
        R[i * K + k] = r;
        P[i * K + k] = z[k] ?? 0;
        loss += 0.5 * r * r;
      }
    } else {
      // Log-sum-exp shifted by the max logit, so large ρ (small λ) never overflows.
      const m = z[best] ?? 0;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp((z[k] ?? 0) - m);
      for (let k = 0; k < K; k++) {
        const p = Math.exp((z[k] ?? 0) - m) / sum;
        P[i * K + k] = p;
        R[i * K + k] = p - (k === y ? 1 : 0);
      }
      loss += m + Math.log(sum) - (z[y] ?? 0);
    }
  }
  return { xs, R, P, argmax, dataLoss: loss / N };
}

export function sumSquares(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v * v;
  return s;
}

/** The whole objective F (SPEC §5), from a forward pass. */
export function objective(cfg: CollapseConfig, st: UfmState, fw: Forward): number {
  let f = fw.dataLoss + 0.5 * cfg.lamW * sumSquares(st.W) + 0.5 * cfg.lamH * sumSquares(st.H);
  st.layers.forEach((a, m) => (f += 0.5 * layerLambda(cfg, m) * sumSquares(a)));
  return f;
}

export interface Gradients {
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly H: Float64Array;
  readonly layers: readonly Float64Array[];
}

/** ∇F by backpropagation through the linear layers (bias is not weight-decayed). */
export function gradients(
  cfg: CollapseConfig,
  shape: UfmShape,
  st: UfmState,
  fw: Forward,
): Gradients {
  const { K, d, N } = shape;
  const X = fw.xs[fw.xs.length - 1] ?? st.H;
  const gW = new Float64Array(K * d);
  const gb = new Float64Array(K);
  // δ_L,i = Wᵀ r_i / N, the gradient reaching the penultimate features.
  let delta = new Float64Array(N * d);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < K; k++) {
      const r = (fw.R[i * K + k] ?? 0) / N;
      if (r === 0) continue;
      gb[k] = (gb[k] ?? 0) + r;
      for (let j = 0; j < d; j++) {
        gW[k * d + j] = (gW[k * d + j] ?? 0) + r * (X[i * d + j] ?? 0);
        delta[i * d + j] = (delta[i * d + j] ?? 0) + r * (st.W[k * d + j] ?? 0);
      }
    }
  }
  for (let j = 0; j < K * d; j++) gW[j] = (gW[j] ?? 0) + cfg.lamW * (st.W[j] ?? 0);
  if (!cfg.bias) gb.fill(0);
  const gLayers: Float64Array[] = [];
  for (let m = st.layers.length - 1; m >= 0; m--) {
    const a = st.layers[m] ?? new Float64Array(d * d);
    const xin = fw.xs[m] ?? st.H;
    const g = new Float64Array(d * d);
    const back = new Float64Array(N * d);
    for (let i = 0; i < N; i++) {
      for (let r = 0; r < d; r++) {
        const dr = delta[i * d + r] ?? 0;
        if (dr === 0) continue;
        for (let c = 0; c < d; c++) {
          g[r * d + c] = (g[r * d + c] ?? 0) + dr * (xin[i * d + c] ?? 0);
          back[i * d + c] = (back[i * d + c] ?? 0) + dr * (a[r * d + c] ?? 0);
        }
      }
    }
    const lam = layerLambda(cfg, m);
    for (let j = 0; j < d * d; j++) g[j] = (g[j] ?? 0) + lam * (a[j] ?? 0);
    gLayers[m] = g;
    delta = back;
  }
  for (let j = 0; j < N * d; j++) delta[j] = (delta[j] ?? 0) + cfg.lamH * (st.H[j] ?? 0);
  return { W: gW, b: gb, H: delta, layers: gLayers };
}
