/**
 * The interventions in exact mode (`alg=pg|npg`): there are no sampled tokens, so each rule acts
 * on the actions weighted by π — the expectation of what it does to a batch of on-policy tokens.
 * A token of action a has advantage A_a = r_a − J; its batch covariance, with the batch means
 * replaced by their expectations E_π[A] = 0 and E_π[log π] = −H, is Cov_a = A_a (log π_a + H).
 * A rule that changes a fraction f_a of action a's tokens changes its advantage to
 * Ã_a = (1 − f_a)·A_a + f_a·(new advantage); the update then uses Ã in place of A.
 */
import { softThreshold, steerLambda, steerOmega } from './tokens';
import type { UpdateParams } from './types';

/**
 * Writes Ã into `eff` from A in `adv` (rows of length K). `work` (length K) is scratch.
 * - clip-cov: candidates ω_low < Cov_a < ω_high; the code detaches r·N of the N tokens, i.e. a
 *   fraction q = min(1, r / m_c) of the candidate mass m_c, so Ã_a = (1 − q)·A_a there.
 * - kl-cov: the top tokens by Cov up to a mass k (the top-⌊k·N⌋ tokens of a batch): actions are
 *   taken in decreasing Cov (ties to the lower index), each as far as the mass left allows, and a
 *   selected token's advantage is S_β(A) (see softThreshold in tokens.ts).
 * - steer: λ_a from Ω_a = A_a (1 − π_a)(log π_a + H), max|Ω| over all actions.
 * - none, bonus, div: Ã = A (bonus and div add their own terms to the update).
 */
export function exactEffectiveAdvantage(
  p: UpdateParams,
  pi: Float64Array,
  logPi: Float64Array,
  H: number,
  adv: Float64Array,
  K: number,
  eff: Float64Array,
  work: Float64Array,
): void {
  for (let j = 0; j < K; j++) eff[j] = adv[j] ?? 0;
  if (p.method === 'clip-cov') {
    let mass = 0;
    for (let j = 0; j < K; j++) {
      const c = (adv[j] ?? 0) * ((logPi[j] ?? 0) + H);
      work[j] = c > p.wLow && c < p.wHigh ? 1 : 0;
      if (work[j] === 1) mass += pi[j] ?? 0;
    }
    if (mass <= 0) return;
    const keep = 1 - Math.min(1, p.clipR / mass);
    for (let j = 0; j < K; j++) if (work[j] === 1) eff[j] = keep * (adv[j] ?? 0);
  } else if (p.method === 'kl-cov') {
    for (let j = 0; j < K; j++) work[j] = (adv[j] ?? 0) * ((logPi[j] ?? 0) + H);
    let left = p.klK;
    for (let taken = 0; taken < K && left > 0; taken++) {
      let best = -1;
      for (let j = 0; j < K; j++) if (best < 0 || (work[j] ?? 0) > (work[best] ?? 0)) best = j;
      if (best < 0 || (work[best] ?? 0) === -Infinity) break;
      const pj = pi[best] ?? 0;
      const f = pj > 0 ? Math.min(1, left / pj) : 1;
      left -= f * pj;
      const a = adv[best] ?? 0;
      eff[best] = (1 - f) * a + f * softThreshold(a, p.klBeta);
      work[best] = -Infinity;
    }
  } else if (p.method === 'steer') {
    let maxAbs = 0;
    for (let j = 0; j < K; j++) {
      const o = steerOmega(adv[j] ?? 0, pi[j] ?? 0, logPi[j] ?? 0, H);
      work[j] = o;
      maxAbs = Math.max(maxAbs, Math.abs(o));
    }
    const k = -Math.log(p.steerWMin) / Math.max(maxAbs, 0.02);
    for (let j = 0; j < K; j++) eff[j] = steerLambda(work[j] ?? 0, k, p.steerWMin) * (adv[j] ?? 0);
  }
}
