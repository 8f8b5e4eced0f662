/**
 * The entropy view's key numbers by test id, as one pure function of the streamed rows: it feeds
 * the readouts and the JSON export. Definitions (issue 9): `entropy` is the mean over prompts of
 * H(π) in nats (per token for task=seq) and `reward` the mean expected reward Σπ·r, both after
 * `step` updates; `cov` is C of the last update, `dh-pred` = −η·C its first-order ΔH and
 * `dh-actual` = H_step − H_{step−1}; the fit of R = −a·e^H + b uses steps 0…step, equally weighted.
 */
import type { EntropySnapshot, RunRows } from './compute/rows';
import { fitExpLaw, passAtK, type ExpLawFit } from './science';

export const ENTROPY_READOUTS = {
  run: [
    'step',
    'entropy',
    'reward',
    'cov',
    'dh-pred',
    'dh-actual',
    'fit-a',
    'fit-b',
    'fit-r2',
    'ceiling',
    'pass-at-1',
    'pass-at-k',
    'base-entropy',
    'base-reward',
  ],
} as const;

export type EntropyReadoutId = (typeof ENTROPY_READOUTS.run)[number];
export type EntropyReadouts = Record<EntropyReadoutId, number | null>;

const at = (a: Float64Array, i: number): number | null => {
  const v = a[i];
  return v === undefined || !Number.isFinite(v) ? null : v;
};

/** The fit over the rows of steps 0…step. */
export const rowsFit = (r: RunRows, step: number): ExpLawFit => fitExpLaw(r.H, r.R, step + 1);

export function entropyReadouts(s: EntropySnapshot, lr: number, k: number): EntropyReadouts {
  const { step, method: m, baseline: b } = s;
  const fit = rowsFit(m, step);
  const cov = step > 0 ? at(m.C, step - 1) : null;
  const h = at(m.H, step);
  const hPrev = step > 0 ? at(m.H, step - 1) : null;
  const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    step,
    entropy: h,
    reward: at(m.R, step),
    cov,
    'dh-pred': cov === null ? null : -lr * cov,
    'dh-actual': h === null || hPrev === null ? null : h - hPrev,
    'fit-a': num(fit.a),
    'fit-b': num(fit.b),
    'fit-r2': num(fit.r2),
    ceiling: num(fit.ceiling),
    'pass-at-1': num(passAtK(s.pass.method, 1)),
    'pass-at-k': num(passAtK(s.pass.method, k)),
    'base-entropy': at(b.H, step),
    'base-reward': at(b.R, step),
  };
}
