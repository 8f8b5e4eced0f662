import type { SpikeSeries } from '../../compute/spikeEngine';
import type { GhostsParams } from '../../../../state/params';

/** The spike runs' numbers as one JSON document: per run, per step, unrounded. */
export function spikeJson(params: GhostsParams, series: SpikeSeries | null, permalink: string) {
  return JSON.stringify(
    {
      app: 'softmax-atlas',
      view: 'ghosts',
      mode: 'spike',
      permalink,
      backend: series ? `${series.backend}: ${series.backendNote}` : null,
      params: {
        seed: params.seed,
        lr: params.lr,
        at: params.at,
        spike: params.spike,
        hold: params.hold,
        step: params.step,
        train: params.train,
      },
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
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}
