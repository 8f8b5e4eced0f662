/**
 * The prompts: rewards per action and initial logits, all drawn from `seed` through the shared
 * mulberry32 Rng (CPU only: the GPU receives the built arrays, so it needs no twin of it).
 */
import { Rng } from '../../../science/rng';
import type { Problem, ProblemSpec } from './types';

/**
 * A seeded sparse "verifiable" reward pattern (issue 9): each prompt has c_b correct actions worth
 * 1 and the rest 0. Its difficulty d_b ~ U(0,1) sets the initial pass rate of a uniform policy,
 * c_b/K ≈ 2^−(1 + d_b·(log2 K − 1)), from 1/2 (easy) down to 1/K (hard: one correct action).
 */
export function buildProblem(spec: ProblemSpec): Problem {
  if (spec.rewards) return explicitProblem(spec, spec.rewards);
  const { B, K } = spec;
  if (!(Number.isInteger(B) && B >= 1)) throw new RangeError(`B must be an integer ≥ 1, got ${B}`);
  if (!(Number.isInteger(K) && K >= 2)) throw new RangeError(`K must be an integer ≥ 2, got ${K}`);
  const rng = new Rng(spec.seed);
  const rewards = new Float64Array(B * K);
  const correct = new Uint8Array(B * K);
  const log2K = Math.log2(K);
  for (let b = 0; b < B; b++) {
    const d = rng.uniform();
    const rate = Math.pow(2, -(1 + d * (log2K - 1)));
    const c = Math.min(K, Math.max(1, Math.round(K * rate)));
    const order = rng.permutation(K);
    for (let i = 0; i < c; i++) {
      const a = order[i] ?? 0;
      rewards[b * K + a] = 1;
      correct[b * K + a] = 1;
    }
  }
  return { B, K, rewards, correct, z0: initialLogits(spec, B, K, rng) };
}

function explicitProblem(spec: ProblemSpec, r: readonly number[]): Problem {
  const K = r.length;
  if (K < 2) throw new RangeError(`rewards needs at least 2 actions, got ${K}`);
  if (!r.every(Number.isFinite)) throw new RangeError('rewards must be finite');
  const rewards = Float64Array.from(r);
  const best = Math.max(...r);
  const correct = Uint8Array.from(r, (v) => (v === best && best > 0 ? 1 : 0));
  let z0: Float64Array;
  if (spec.z0) {
    if (spec.z0.length !== K) throw new RangeError(`z0 needs ${K} logits, got ${spec.z0.length}`);
    z0 = Float64Array.from(spec.z0);
  } else {
    z0 = initialLogits(spec, 1, K, new Rng(spec.seed));
  }
  return { B: 1, K, rewards, correct, z0 };
}

/** Zero logits (a uniform policy), or N(0, initScale²) draws for `init=random`. */
function initialLogits(spec: ProblemSpec, B: number, K: number, rng: Rng): Float64Array {
  const z = new Float64Array(B * K);
  if (spec.init === 'random') for (let i = 0; i < B * K; i++) z[i] = spec.initScale * rng.normal();
  return z;
}
