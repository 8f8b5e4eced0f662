/**
 * `task=seq` (issue 9): an answer of L tokens from a vocabulary of K, logits indexed by
 * (prompt, position, previous token) — a tiny autoregressive "reasoner". An answer is correct
 * when each token is one of the prompt's allowed tokens at its position, so the correct answers
 * are a product set: the expected reward, its gradient and the per-token entropy are then exact
 * dynamic programmes over (position, previous token), O(L·K²) per prompt, with no enumeration
 * of the K^L answers.
 */
import { Rng } from '../../../science/rng';
import type { ProblemSpec } from './types';

export interface SeqProblem {
  readonly B: number;
  readonly K: number;
  readonly L: number;
  /** 1 where token t is allowed at position pos of prompt b: index (b·L + pos)·K + t. */
  readonly allowed: Uint8Array;
  /** Initial logits, index ((b·L + pos)·K + prev)·K + t (prev 0 stands for "no token" at pos 0). */
  readonly z0: Float64Array;
}

/**
 * Each prompt has a difficulty d ~ U(0,1) and, like the bandit, an initial pass rate (for a
 * uniform policy) of about 2^−(1 + d·(log2 K − 1)): each position allows round(K·rate^(1/L))
 * tokens (at least 1), drawn from `seed`.
 */
export function buildSeqProblem(spec: ProblemSpec & { readonly L: number }): SeqProblem {
  const { B, K, L } = spec;
  if (!(Number.isInteger(L) && L >= 1)) throw new RangeError(`L must be an integer ≥ 1, got ${L}`);
  if (!(Number.isInteger(K) && K >= 2)) throw new RangeError(`K must be an integer ≥ 2, got ${K}`);
  const rng = new Rng(spec.seed);
  const allowed = new Uint8Array(B * L * K);
  const log2K = Math.log2(K);
  for (let b = 0; b < B; b++) {
    const rate = Math.pow(2, -(1 + rng.uniform() * (log2K - 1)));
    const c = Math.min(K, Math.max(1, Math.round(K * Math.pow(rate, 1 / L))));
    for (let pos = 0; pos < L; pos++) {
      const order = rng.permutation(K);
      for (let i = 0; i < c; i++) allowed[(b * L + pos) * K + (order[i] ?? 0)] = 1;
    }
  }
  const z0 = new Float64Array(B * L * K * K);
  if (spec.init === 'random')
    for (let i = 0; i < z0.length; i++) z0[i] = spec.initScale * rng.normal();
  return { B, K, L, allowed, z0 };
}
