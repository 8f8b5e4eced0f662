/**
 * What decides a run's numbers: every link field but `step` (where it is) and `k` (a readout).
 * The same settings on the same backend give the same rows.
 */
import type { EntropyParams } from '../link';
import type { EntropyRunConfig } from '../science';
import type { UpdateParams } from '../science';

export type EntropySettings = Omit<EntropyParams, 'step' | 'k'>;

export function settingsOf(p: EntropyParams): EntropySettings {
  const rest: Partial<EntropyParams> = { ...p };
  delete rest.step;
  delete rest.k;
  return rest as EntropySettings;
}

/** A stable text key of the settings (field order is the link's). */
export const settingsKey = (s: EntropySettings): string => JSON.stringify(s);

export function updateOf(s: EntropySettings): UpdateParams {
  return {
    alg: s.alg,
    method: s.method,
    lr: s.lr,
    temp: s.temp,
    G: s.G,
    coef: s.coef,
    clipR: s['clip-r'],
    wLow: s['w-low'],
    wHigh: s['w-high'],
    klK: s['kl-k'],
    klBeta: s['kl-beta'],
    steerWMin: s['steer-w'],
    div: s.div,
    divCoef: s['div-coef'],
  };
}

export function runConfig(s: EntropySettings): EntropyRunConfig {
  const problem = {
    seed: s.seed,
    B: s.B,
    K: s.K,
    init: s.init,
    initScale: s['init-scale'],
    ...(s.rewards ? { rewards: s.rewards } : {}),
    ...(s.rewards && s.z0 ? { z0: s.z0 } : {}),
  };
  const seq = s.task === 'seq' && !s.rewards ? { seq: { L: s.L } } : {};
  return { problem, update: updateOf(s), ...seq };
}
