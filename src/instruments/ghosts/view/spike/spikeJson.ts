import type { SpikeSeries } from '../../compute/spikeEngine';
import type { ViewExport } from '../../../../app/exportJson';

/** The spike runs' numbers: per run, per step, unrounded. */
export function spikeJson(series: SpikeSeries | null, target: number): ViewExport {
  return {
    mode: 'spike',
    backend: series ? `${series.backend}: ${series.backendNote}` : null,
    partial: (series?.step ?? 0) < target,
    missing: `the replay had reached step ${series?.step ?? 0} of ${target}`,
    results: {
      setup: {
        model: 'MLP 64→128→10, ReLU',
        data: 'UCI 8×8 digits, 20% test split seeded by seed',
        optimizer: 'Adam, batch 64',
        clip: '‖g‖ ≤ 1',
        controller: 's = min(1, ρ_a/‖p‖), ρ_a along the update direction over the batch',
      },
      step: series?.step ?? 0,
      lr: series ? Array.from(series.lr) : [],
      runs: (series?.runs ?? []).map((r) => ({
        mode: r.mode,
        initialTestAccuracy: r.initialAcc,
        finalTestAccuracy: r.testAcc.length > 0 ? r.testAcc[r.testAcc.length - 1] : r.initialAcc,
        loss: Array.from(r.loss),
        testAccuracy: Array.from(r.testAcc),
        tau: Array.from(r.tau),
        rhoA: Array.from(r.rhoA),
      })),
    },
  };
}
