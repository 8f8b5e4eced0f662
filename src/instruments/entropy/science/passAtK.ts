/**
 * pass@k from the policy, exactly: a prompt whose single sample is correct with probability p
 * (the π-mass of its correct answers) passes k independent samples (with replacement) with
 * probability 1 − (1 − p)^k. This is the population value that the unbiased estimator
 * 1 − C(n−c, k)/C(n, k) of Chen et al. 2021 (arXiv:2107.03374) estimates from n samples.
 */

/** The k of the pass@k curve: powers of two from 1 to 256. */
export const PASS_KS: readonly number[] = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/** Mean over prompts of 1 − (1 − p_b)^k, as −expm1(k·log1p(−p)) so small p keep their digits. */
export function passAtK(p: ArrayLike<number>, k: number): number {
  if (p.length === 0) return NaN;
  let s = 0;
  for (let b = 0; b < p.length; b++) {
    const pb = Math.min(1, Math.max(0, p[b] ?? 0));
    s += pb >= 1 ? 1 : -Math.expm1(k * Math.log1p(-pb));
  }
  return s / p.length;
}

export function passAtKCurve(p: ArrayLike<number>, ks: readonly number[] = PASS_KS): number[] {
  return ks.map((k) => passAtK(p, k));
}
