/**
 * The collapse instrument's model configuration (issue 10, SPEC §5): the unconstrained-features
 * model (UFM) with optional deep linear layers, its class counts and its hyper-parameters.
 */

export type CollapseLoss = 'ce' | 'mse';

/** How many samples each class has: balanced, by imbalance ratio, or listed. */
export type ClassCounts =
  | { readonly kind: 'balanced'; readonly K: number; readonly n: number }
  /** `major` classes get `n`, the others round(n / ratio) (at least 1): Dang et al.'s step imbalance. */
  | {
      readonly kind: 'ratio';
      readonly K: number;
      readonly n: number;
      readonly ratio: number;
      readonly major: number;
    }
  | { readonly kind: 'explicit'; readonly counts: readonly number[] };

export interface CollapseConfig {
  readonly seed: number;
  readonly loss: CollapseLoss;
  readonly counts: ClassCounts;
  /** Feature dimension d, K ≤ d ≤ 64. */
  readonly d: number;
  readonly lamW: number;
  readonly lamH: number;
  /** Trainable bias b (K), not weight-decayed. Default false: the closed forms are bias-free. */
  readonly bias: boolean;
  /**
   * Number of d×d linear layers between the free features H and the classifier W (0 = the plain
   * UFM; the issue's `depth` 1–4 adds that many layers, Dang et al. 2023 §4's deep linear UFM).
   */
  readonly depth: number;
  /** Weight decay of each deep layer (length `depth`); missing entries take lamW. */
  readonly lamLayers: readonly number[];
  /** Step-size scale α of the curvature rule (see stepRule.ts); 1 is the default. */
  readonly alpha: number;
  /** Standard deviation of the initial entries, times 1/√d (so ‖h_i‖, ‖w_k‖ start near `initScale`). */
  readonly initScale: number;
}

export const DEFAULT_ALPHA = 1;
export const DEFAULT_INIT_SCALE = 1;

/** A config with the defaults filled in. */
export function collapseConfig(
  partial: Partial<CollapseConfig> & Pick<CollapseConfig, 'counts'>,
): CollapseConfig {
  return {
    seed: 1,
    loss: 'ce',
    d: Math.max(countsOf(partial.counts).length, 2),
    lamW: 5e-3,
    lamH: 5e-3,
    bias: false,
    depth: 0,
    lamLayers: [],
    alpha: DEFAULT_ALPHA,
    initScale: DEFAULT_INIT_SCALE,
    ...partial,
  };
}

/** Samples per class, n_k. */
export function countsOf(c: ClassCounts): number[] {
  switch (c.kind) {
    case 'balanced':
      return Array.from({ length: c.K }, () => c.n);
    case 'ratio': {
      const minor = Math.max(1, Math.round(c.n / c.ratio));
      return Array.from({ length: c.K }, (_, k) => (k < c.major ? c.n : minor));
    }
    case 'explicit':
      return [...c.counts];
  }
}

/** Labels sorted by class: n_0 zeros, then n_1 ones, … (the sample order of H's columns). */
export function labelsOf(counts: readonly number[]): Uint8Array {
  const total = counts.reduce((a, b) => a + b, 0);
  const y = new Uint8Array(total);
  let i = 0;
  counts.forEach((n, k) => {
    y.fill(k, i, i + n);
    i += n;
  });
  return y;
}

/** Throws a RangeError naming the first field out of the instrument's range. */
export function checkConfig(cfg: CollapseConfig): void {
  const counts = countsOf(cfg.counts);
  const K = counts.length;
  const bad = (msg: string): never => {
    throw new RangeError(msg);
  };
  if (K < 2 || K > 10) bad(`K must be 2–10, got ${String(K)}`);
  if (counts.some((n) => !Number.isInteger(n) || n < 1))
    bad(`class counts must be positive integers, got ${counts.join(',')}`);
  if (!Number.isInteger(cfg.d) || cfg.d < K || cfg.d > 64)
    bad(`d must be an integer in K..64, got ${String(cfg.d)}`);
  if (!Number.isInteger(cfg.depth) || cfg.depth < 0 || cfg.depth > 4)
    bad(`depth must be 0–4, got ${String(cfg.depth)}`);
  for (const [name, v] of [
    ['lamW', cfg.lamW],
    ['lamH', cfg.lamH],
    ['alpha', cfg.alpha],
    ['initScale', cfg.initScale],
  ] as const)
    if (!(v > 0) || !Number.isFinite(v)) bad(`${name} must be positive, got ${String(v)}`);
}

/** λ of deep layer m (0-based), defaulting to λ_W. */
export function layerLambda(cfg: CollapseConfig, m: number): number {
  return cfg.lamLayers[m] ?? cfg.lamW;
}
