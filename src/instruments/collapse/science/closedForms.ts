/**
 * Closed forms of the bias-free UFM optimum (SPEC §5, derived there [D] and checked by GD in
 * golden/nc.py), and the deep-linear extension derived here.
 *
 * Deep linear (depth L ≥ 1, layers A_m with λ_m) [D, this file]: at a global minimum the factors
 * are balanced (λ_W‖·‖² = λ_m‖·‖² = λ_H n_k‖·‖² per singular direction, by AM–GM), so each class
 * direction reduces to a scalar σ ≥ 0 (the product singular value) with penalty
 * c_q·σ^q, q = 2/(L+2), c_q = ((L+2)/2)(λ_W·Πλ_m·λ_H)^{1/(L+2)}. For L = 0 this is the SPEC
 * (q = 1, σ = s_k). For L ≥ 1 the penalty is concave in σ: the scalar problem has a local
 * minimum at σ = 0 as well as the nonzero root, so the "closed form" is a 1-D global
 * minimisation (done numerically here), and GD from a small initialisation can stop at σ = 0.
 * MSE: the reduction is exact (Mirsky: the data term is unitarily invariant, so the optimum
 * shares singular vectors with the diagonal target), and GD reaches it at depth 1–2
 * (deep.test.ts). CE: the reduction assumes the simplex-ETF structure. That is NOT the global
 * optimum in general: for K = 4, depth ≥ 2, small λ, GD finds a lower objective with the
 * classes in two antipodal pairs (rank 2; the penalty S^q, q < 1, rewards low rank), so the
 * CE deep form is the best ETF-shaped point, labelled `etfRestricted`, not a theory line.
 */
import { type CollapseConfig, countsOf, layerLambda } from './config';

export interface ClassNorms {
  /** ‖mean of class k's features h‖² (the free features H). */
  readonly hNorm2: readonly number[];
  /** ‖w_k‖². */
  readonly wNorm2: readonly number[];
  /** ‖mean of class k's penultimate features A_L···A_1 h‖² (= hNorm2 when depth = 0). */
  readonly xNorm2: readonly number[];
  /** The minimum value of the objective F. */
  readonly objective: number;
}

export interface MseClosedForm extends ClassNorms {
  readonly kind: 'mse-imbalanced';
  /** Singular values s_k (depth 0: max(√n_k − N√(λ_Wλ_H), 0)). */
  readonly s: readonly number[];
  /** Which classes collapse to zero (minority collapse). */
  readonly collapsed: readonly boolean[];
  /** N√(λ_Wλ_H): classes with √n_k ≤ this collapse (depth 0). */
  readonly threshold: number;
}

export interface CeClosedForm extends ClassNorms {
  readonly kind: 'ce-balanced';
  readonly c: number;
  /** ρ* = ‖w‖‖h‖ (true-class logit), SPEC §5. */
  readonly rho: number;
  /** True for the deep-linear CE form: optimal among ETF-shaped points only (see above). */
  readonly etfRestricted: boolean;
}

export type ClosedForm = MseClosedForm | CeClosedForm;

/** SPEC §5 imbalanced MSE, bias-free: s_k = max(√n_k − N√(λ_Wλ_H), 0) and the norms. */
export function mseImbalancedClosedForm(
  n: readonly number[],
  lamW: number,
  lamH: number,
): MseClosedForm {
  const N = n.reduce((a, b) => a + b, 0);
  const g = N * Math.sqrt(lamW * lamH);
  const s = n.map((nk) => Math.max(Math.sqrt(nk) - g, 0));
  const hNorm2 = s.map((sk, k) => (Math.sqrt(lamW / lamH) * sk) / (n[k] ?? 1));
  const f =
    s.reduce((a, sk, k) => a + (Math.sqrt(n[k] ?? 0) - sk) ** 2, 0) / (2 * N) +
    Math.sqrt(lamW * lamH) * s.reduce((a, b) => a + b, 0);
  return {
    kind: 'mse-imbalanced',
    s,
    hNorm2,
    xNorm2: hNorm2,
    wNorm2: s.map((sk) => Math.sqrt(lamH / lamW) * sk),
    collapsed: s.map((sk) => sk === 0),
    threshold: g,
    objective: f,
  };
}

/** SPEC §5 balanced CE, bias-free: ρ* = −((K−1)/K)·ln(c/(K − (K−1)c)), c = √(KNλ_Wλ_H). */
export function ceBalancedClosedForm(
  K: number,
  n: number,
  lamW: number,
  lamH: number,
): CeClosedForm {
  const N = K * n;
  const c = Math.sqrt(K * N * lamW * lamH);
  const rho = c >= 1 ? 0 : (-(K - 1) / K) * Math.log(c / (K - (K - 1) * c));
  const w2 = rho * Math.sqrt((lamH * N) / (lamW * K));
  const h2 = rho * Math.sqrt((lamW * K) / (lamH * N));
  const f = Math.log(1 + (K - 1) * Math.exp((-rho * K) / (K - 1))) + c * rho;
  return {
    kind: 'ce-balanced',
    c,
    rho,
    etfRestricted: false,
    wNorm2: Array.from({ length: K }, () => w2),
    hNorm2: Array.from({ length: K }, () => h2),
    xNorm2: Array.from({ length: K }, () => h2),
    objective: f,
  };
}

/**
 * Global minimiser over σ ∈ [0, hi] of a 1-D φ with derivative dφ: a grid finds the basin, then
 * bisection on dφ (not on φ, whose flat minimum only resolves σ to √ε) pins the root.
 */
function minimise1d(phi: (s: number) => number, dphi: (s: number) => number, hi: number): number {
  let best = 0;
  let bestF = phi(0);
  const steps = 4000;
  for (let i = 1; i <= steps; i++) {
    const s = (hi * i) / steps;
    const v = phi(s);
    if (v < bestF) [best, bestF] = [s, v];
  }
  if (best === 0) return 0;
  let a = Math.max(1e-300, best - hi / steps);
  let b = best + hi / steps;
  for (let it = 0; it < 200; it++) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) break;
    if (dphi(m) < 0) a = m;
    else b = m;
  }
  const s = 0.5 * (a + b);
  return phi(s) < phi(0) ? s : 0;
}

/** Which closed form applies to a config, or why none does. */
export function closedFormFor(cfg: CollapseConfig): ClosedForm | { readonly none: string } {
  const n = countsOf(cfg.counts);
  const K = n.length;
  const balanced = n.every((v) => v === n[0]);
  if (cfg.bias) return { none: 'bias=1: the closed forms are for the bias-free model' };
  if (cfg.loss === 'ce' && !balanced)
    return { none: 'imbalanced CE: no closed form (SPEC §5 gives balanced CE only)' };
  if (cfg.depth === 0) {
    return cfg.loss === 'mse'
      ? mseImbalancedClosedForm(n, cfg.lamW, cfg.lamH)
      : ceBalancedClosedForm(K, n[0] ?? 1, cfg.lamW, cfg.lamH);
  }
  return deepClosedForm(cfg, n);
}

/** The deep-linear reduction described at the top of this file. */
export function deepClosedForm(cfg: CollapseConfig, n: readonly number[]): ClosedForm {
  const K = n.length;
  const L = cfg.depth;
  const N = n.reduce((a, b) => a + b, 0);
  const lams = [cfg.lamW, ...Array.from({ length: L }, (_, m) => layerLambda(cfg, m)), cfg.lamH];
  const prodLam = lams.reduce((a, b) => a * b, 1);
  const q = 2 / (L + 2);
  const layerProd = (t: number): number =>
    Array.from({ length: L }, (_, m) => t / layerLambda(cfg, m)).reduce((a, b) => a * b, 1);
  if (cfg.loss === 'mse') {
    // Per class: (1/2N)(√n_k − σ)² + ((L+2)/2)(Πλ)^{1/(L+2)} σ^q; balance t = (Πλ)^{1/(L+2)} σ^q.
    const cq = ((L + 2) / 2) * prodLam ** (1 / (L + 2));
    const s = n.map((nk) =>
      minimise1d(
        (x) => (Math.sqrt(nk) - x) ** 2 / (2 * N) + cq * x ** q,
        (x) => (x - Math.sqrt(nk)) / N + cq * q * x ** (q - 1),
        2 * Math.sqrt(nk),
      ),
    );
    const t = s.map((x) => prodLam ** (1 / (L + 2)) * x ** q);
    const hNorm2 = t.map((tk, k) => tk / (cfg.lamH * (n[k] ?? 1)));
    const f = s.reduce((a, x, k) => a + (Math.sqrt(n[k] ?? 0) - x) ** 2 / (2 * N) + cq * x ** q, 0);
    return {
      kind: 'mse-imbalanced',
      s,
      hNorm2,
      wNorm2: t.map((tk) => tk / cfg.lamW),
      xNorm2: hNorm2.map((h2, k) => h2 * layerProd(t[k] ?? 0)),
      collapsed: s.map((x) => x === 0),
      threshold: Number.NaN,
      objective: f,
    };
  }
  // Balanced CE with ETF logits S·(I − 11ᵀ/K): per-sample CE log(1 + (K−1)e^{−S}) and penalty
  // (K−1)((L+2)/2)(λ_W·Πλ_m·λ_H·n)^{1/(L+2)} S^q (K−1 equal singular values per factor).
  const nk = n[0] ?? 1;
  const prodN = prodLam * nk;
  const cq = (K - 1) * ((L + 2) / 2) * prodN ** (1 / (L + 2));
  const phi = (S: number): number => Math.log1p((K - 1) * Math.exp(-S)) + cq * S ** q;
  const dphi = (S: number): number => -(K - 1) / (Math.exp(S) + (K - 1)) + cq * q * S ** (q - 1);
  const S = minimise1d(phi, dphi, 60);
  const t = prodN ** (1 / (L + 2)) * S ** q;
  const h2 = ((K - 1) * t) / (K * cfg.lamH * nk);
  return {
    kind: 'ce-balanced',
    c: Number.NaN,
    rho: (S * (K - 1)) / K,
    etfRestricted: L > 0,
    wNorm2: Array.from({ length: K }, () => ((K - 1) * t) / (K * cfg.lamW)),
    hNorm2: Array.from({ length: K }, () => h2),
    xNorm2: Array.from({ length: K }, () => h2 * layerProd(t)),
    objective: phi(S),
  };
}
