/** Helpers for this folder's tests: one bandit stepped once by the science path. */
import { buildProblem } from './problem';
import { softmaxRow } from './policy';
import { STAT, Workspace, stepPrompt } from './step';
import { DEFAULT_UPDATE, type Alg, type UpdateParams } from './types';

/** Exact ΔH and the first-order prediction −η·C of one step of the bandit (z, r). */
export function oneStep(
  z: readonly number[],
  r: readonly number[],
  alg: Alg,
  lr: number,
  extra: Partial<UpdateParams> = {},
): { dhExact: number; dhPred: number; z: Float64Array } {
  const problem = buildProblem({
    seed: 1,
    B: 1,
    K: r.length,
    init: 'zero',
    initScale: 0,
    rewards: r,
    z0: z,
  });
  const K = problem.K;
  const params: UpdateParams = { ...DEFAULT_UPDATE, alg, lr, ...extra };
  const ws = new Workspace(K, params.G);
  const stats = new Float64Array(4);
  const zz = Float64Array.from(problem.z0);
  stepPrompt(
    zz,
    problem.rewards,
    problem.correct,
    null,
    K,
    params,
    { seed: 1, step: 0, prompt: 0 },
    ws,
    true,
    stats,
  );
  const H0 = stats[STAT.H] ?? NaN;
  const H1 = softmaxRow(zz, 0, K, 1 / params.temp, ws.pi, ws.logPi);
  return { dhExact: H1 - H0, dhPred: -lr * (stats[STAT.C] ?? NaN), z: zz };
}

export const relErr = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
