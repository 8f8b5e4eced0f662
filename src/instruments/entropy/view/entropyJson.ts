/** The entropy view's numbers for the JSON export: readouts, per-step rows and pass@k, unrounded. */
import type { ViewExport } from '../../../app/exportJson';
import type { EntropySnapshot, RunRows } from '../compute/rows';
import { PASS_KS, passAtKCurve } from '../science';
import type { EntropyReadouts } from '../readouts';

const rows = (r: RunRows) => ({
  entropy: Array.from(r.H),
  reward: Array.from(r.R),
  correctMass: Array.from(r.P),
  cov: Array.from(r.C),
});

export function entropyJson(
  snap: EntropySnapshot | null,
  readouts: EntropyReadouts | null,
  target: number,
): ViewExport {
  return {
    mode: null,
    backend: snap ? `${snap.backend}: ${snap.note}` : null,
    partial: (snap?.step ?? 0) < target,
    missing: `training had reached step ${snap?.step ?? 0} of ${target}`,
    results: {
      readouts,
      step: snap?.step ?? 0,
      B: snap?.B ?? null,
      K: snap?.K ?? null,
      method: snap ? rows(snap.method) : null,
      baseline: snap ? rows(snap.baseline) : null,
      passAtK: snap
        ? {
            k: PASS_KS,
            method: passAtKCurve(snap.pass.method),
            baseline: passAtKCurve(snap.pass.baseline),
            initial: passAtKCurve(snap.pass.initial),
          }
        : null,
      prompt0: snap
        ? { logPi: Array.from(snap.points.logPi), advantage: Array.from(snap.points.adv) }
        : null,
    },
  };
}
