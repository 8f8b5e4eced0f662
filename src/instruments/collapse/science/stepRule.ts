/**
 * The default step-size rule: block-diagonal gradient descent with each block's step α/L, where L
 * bounds that block's curvature at the current iterate (recomputed every step, so it is a pure
 * function of the state and a run replays exactly). Blocks: W with b, each deep layer A_m, and
 * each feature column h_i on its own (the objective is a sum over samples in H, so a per-sample
 * step is the natural diagonal preconditioner; fixed points are those of plain GD).
 *
 * Curvature bounds (derived here, not from a paper). For a layer with per-sample inputs x_i and
 * downstream linear map B (K×m, rows b_k), the data term's Hessian in that layer is
 * (1/N)Σ_i x_i x_iᵀ ⊗ BᵀC_iB with C_i the loss Hessian in the logits:
 * - MSE: C_i = I, so uᵀBᵀBu ≤ σ_max(B)² ≤ ‖BBᵀ‖_∞.
 * - CE: C_i = diag(p) − ppᵀ, so uᵀBᵀC_iBu = Var_p(b_k·u) ≤ E_p[((b_k − b_y)·u)²]
 *   ≤ Σ_{k≠y} p_k‖b_k − b_y‖², and also ≤ ½‖BBᵀ‖_∞ (λ_max(C_i) ≤ ½).
 * The CE bound falls with 1 − p_y as the softmax saturates, so the step grows as ρ grows. That is
 * what makes convergence to ρ* take a λ-independent number of steps: with a fixed step the
 * curvature at ρ* is O(c), c = √(KNλ_Wλ_H), and GD would need O(1/c) steps.
 * For W itself (B = I) the MSE bound uses the class means: XXᵀ/N = Σ_k (n_k/N)μ_kμ_kᵀ + Σ_W, so
 * σ_max ≤ ‖D^½MᵀMD^½/N‖_∞ + tr Σ_W, tight for orthogonal (imbalanced-MSE) means, within 2× for
 * an ETF. The bias joins W as a constant feature 1.
 * Blocks are updated together, so with each block's curvature normalised to ≤ 1 the whole
 * (normalised) Hessian can reach the number of blocks in the chain H → A_1 → … → W: L + 2. GD
 * is stable below 2, so every step is scaled by 2/(L + 2) (1 for the plain UFM).
 */
import { type CollapseConfig, layerLambda } from './config';
import type { Forward, UfmShape, UfmState } from './model';
import { matMul, normInf, rowGram } from './linalg';

export interface StepSizes {
  /** Step of W and b. */
  readonly W: number;
  /** Step of each deep layer A_m. */
  readonly layers: readonly number[];
  /** Step of each feature column h_i. */
  readonly H: Float64Array;
}

/** Per-sample curvature factor κ_i(B) of a downstream map with Gram G = BBᵀ (K×K). */
function kappa(
  cfg: CollapseConfig,
  shape: UfmShape,
  fw: Forward,
  gram: Float64Array,
): Float64Array {
  const { K, N, labels } = shape;
  const inf = normInf(gram, K);
  const out = new Float64Array(N);
  if (cfg.loss === 'mse') return out.fill(inf);
  for (let i = 0; i < N; i++) {
    const y = labels[i] ?? 0;
    const gyy = gram[y * K + y] ?? 0;
    let s = 0;
    for (let k = 0; k < K; k++) {
      if (k === y) continue;
      s += (fw.P[i * K + k] ?? 0) * ((gram[k * K + k] ?? 0) + gyy - 2 * (gram[k * K + y] ?? 0));
    }
    out[i] = Math.min(0.5 * inf, s);
  }
  return out;
}

function rowNorm2(x: Float64Array, i: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (x[i * d + j] ?? 0) ** 2;
  return s;
}

/** Curvature bound of the W (and b) block. */
export function curvatureW(
  cfg: CollapseConfig,
  shape: UfmShape,
  X: Float64Array,
  fw: Forward,
): number {
  const { K, d, N, labels, counts } = shape;
  const one = cfg.bias ? 1 : 0;
  if (cfg.loss === 'ce') {
    let s = 0;
    for (let i = 0; i < N; i++) {
      const py = fw.P[i * K + (labels[i] ?? 0)] ?? 0;
      s += Math.min(0.5, 2 * (1 - py)) * (rowNorm2(X, i, d) + one);
    }
    return cfg.lamW + s / N;
  }
  const sums = new Float64Array(K * d);
  let total = 0;
  for (let i = 0; i < N; i++) {
    const k = labels[i] ?? 0;
    for (let j = 0; j < d; j++) sums[k * d + j] = (sums[k * d + j] ?? 0) + (X[i * d + j] ?? 0);
    total += rowNorm2(X, i, d);
  }
  // B_kj = √(n_k n_j)/N (μ_k·μ_j + bias) = (s_k·s_j)/(N√(n_k n_j)) + √(n_k n_j)/N·bias.
  const g = rowGram(sums, K, d);
  let between = 0;
  for (let k = 0; k < K; k++) {
    const nk = counts[k] ?? 1;
    between += (g[k * K + k] ?? 0) / nk;
    for (let j = 0; j < K; j++) {
      const nj = counts[j] ?? 1;
      g[k * K + j] =
        (g[k * K + j] ?? 0) / (N * Math.sqrt(nk * nj)) + (one * Math.sqrt(nk * nj)) / N;
    }
  }
  // tr Σ_W = (1/N)(Σ‖x_i‖² − Σ_k ‖s_k‖²/n_k) ≥ 0 (clamped against rounding).
  const within = Math.max(0, (total - between) / N);
  return cfg.lamW + normInf(g, K) + within;
}

/** Step sizes α/L for every block at the current iterate. */
export function stepSizes(
  cfg: CollapseConfig,
  shape: UfmShape,
  st: UfmState,
  fw: Forward,
): StepSizes {
  const { K, d, N } = shape;
  const L = st.layers.length;
  const X = fw.xs[L] ?? st.H;
  const alpha = (cfg.alpha * 2) / (L + 2);
  const etaW = alpha / curvatureW(cfg, shape, X, fw);
  // Downstream maps: B_L = W, B_{m-1} = B_m·A_m; B_0 = W·A_L···A_1 reaches H.
  let B = st.W;
  const layers: number[] = [];
  for (let m = L - 1; m >= 0; m--) {
    const kap = kappa(cfg, shape, fw, rowGram(B, K, d));
    const xin = fw.xs[m] ?? st.H;
    let s = 0;
    for (let i = 0; i < N; i++) s += rowNorm2(xin, i, d) * (kap[i] ?? 0);
    layers[m] = alpha / (layerLambda(cfg, m) + s / N);
    B = matMul(B, st.layers[m] ?? new Float64Array(d * d), K, d, d);
  }
  const kap = kappa(cfg, shape, fw, rowGram(B, K, d));
  const H = new Float64Array(N);
  for (let i = 0; i < N; i++) H[i] = alpha / (cfg.lamH + (kap[i] ?? 0) / N);
  return { W: etaW, layers, H };
}
