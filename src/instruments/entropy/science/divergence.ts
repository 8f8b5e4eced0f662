/**
 * Divergences to the initial policy for `method=div` (DPH-RL, Li et al. arXiv:2509.07430) and
 * their gradients with respect to the logits u of π = softmax(u) [SPEC §4, D, finite-difference
 * checked in golden/entropy.py]:
 *   ∇ KL(π_ref‖π) = π − π_ref                          (forward, mass-covering)
 *   ∇ KL(π‖π_ref) = π ⊙ (g − ⟨π,g⟩), g = log(π/π_ref) + 1 (reverse, mode-seeking)
 *   ∇ JS          = π ⊙ (g − ⟨π,g⟩), g = ½ log(π/M), M = (π + π_ref)/2
 */
import type { Divergence } from './types';

/** D(π, π_ref) from log-probabilities (rkl = KL(π‖ref), fkl = KL(ref‖π), js = Jensen–Shannon). */
export function divergenceValue(
  kind: Divergence,
  logPi: ArrayLike<number>,
  logRef: ArrayLike<number>,
  K: number,
): number {
  let d = 0;
  for (let j = 0; j < K; j++) {
    const lp = logPi[j] ?? 0;
    const lr = logRef[j] ?? 0;
    const p = Math.exp(lp);
    const r = Math.exp(lr);
    if (kind === 'rkl') d += p * (lp - lr);
    else if (kind === 'fkl') d += r * (lr - lp);
    else {
      const logM = Math.log(0.5 * (p + r));
      d += 0.5 * (r * (lr - logM) + p * (lp - logM));
    }
  }
  return d;
}

/** Writes ∇_u D into grad[0..K) given π, log π and log π_ref of one row. */
export function divergenceGrad(
  kind: Divergence,
  pi: ArrayLike<number>,
  logPi: ArrayLike<number>,
  logRef: ArrayLike<number>,
  K: number,
  grad: Float64Array,
): void {
  if (kind === 'fkl') {
    for (let j = 0; j < K; j++) grad[j] = (pi[j] ?? 0) - Math.exp(logRef[j] ?? 0);
    return;
  }
  let mean = 0;
  for (let j = 0; j < K; j++) {
    const g = divergenceG(kind, pi[j] ?? 0, logPi[j] ?? 0, logRef[j] ?? 0);
    grad[j] = g;
    mean += (pi[j] ?? 0) * g;
  }
  for (let j = 0; j < K; j++) grad[j] = (pi[j] ?? 0) * ((grad[j] ?? 0) - mean);
}

/** g_j = ∂D/∂π_j (up to a constant) for the two divergences that go through the softmax. */
function divergenceG(kind: 'rkl' | 'js', p: number, lp: number, lr: number): number {
  if (kind === 'rkl') return lp - lr + 1;
  return 0.5 * (lp - Math.log(0.5 * (p + Math.exp(lr))));
}
