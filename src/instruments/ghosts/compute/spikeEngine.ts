/**
 * The learning-rate-spike experiment as a steppable engine (science/mlp/spike.ts underneath):
 * three runs from one seed — plain Adam, Adam with a clipped gradient, the ρ_a controller —
 * advanced in lockstep, with snapshots so a replay to an earlier step is cheap. No DOM: it runs
 * in spike.worker.ts, or inline where no worker starts. The passes run on whatever MlpOps the
 * caller hands in: the WGSL kernels or the CPU oracle.
 */
import { splitTrainTest, type Dataset } from '../../../science/data/digits';
import type { Mlp } from '../../../models/mlp/mlp';
import { cpuOps, type MlpOps, type OpsBackend } from '../../../models/mlp/ops';
import type { TrainOnId } from '../../../models/mlp/ops';
import { spikeTotal } from '../link';
import { runSpike, type SpikeMode, type SpikeRun, type SpikeSnapshot } from '../science/spike';

export const SPIKE_MODES: readonly SpikeMode[] = ['plain', 'clip', 'controller'];

/** What decides the numbers: the same settings on the same backend give the same series. */
export interface SpikeSettings {
  seed: number;
  lr: number;
  at: number;
  spike: number;
  hold: number;
  /** 'auto': the GPU when there is one (f32); 'cpu': the f64 oracle (see TrainOnId). */
  train: TrainOnId;
}

/** Fixed parts of the experiment (the paper's: batch 64, 20% test split, clip at ‖g‖ ≤ 1). */
/** The base learning rate when a link says `lr=auto` (Sao 2026's digits runs). */
export const SPIKE_LR = 1e-3;
export const SPIKE_BATCH = 64;
export const SPIKE_TEST_FRACTION = 0.2;
export const SNAPSHOT_EVERY = 10;

export { spikeTotal };

/** One run's numbers per step, as compact arrays (index t is step t, 0-based). */
export interface SpikeRunSeries {
  mode: SpikeMode;
  loss: Float64Array;
  /** Test accuracy after step t (measured every step). */
  testAcc: Float64Array;
  tau: Float64Array;
  rhoA: Float64Array;
  /** Test accuracy of the initial weights, before any step. */
  initialAcc: number;
}

/** A series, or the rows of one from step `from` on (what the worker streams: append-only). */
export interface SpikeSeries {
  settings: SpikeSettings;
  /** Where the passes ran, and a word on it (the adapter, or why not the GPU). */
  backend: OpsBackend;
  backendNote: string;
  total: number;
  /** Steps taken. */
  step: number;
  /** The first step the arrays hold (0 for a whole series): arrays hold steps from…step−1. */
  from: number;
  lr: Float64Array;
  runs: SpikeRunSeries[];
}

export class SpikeEngine {
  readonly settings: SpikeSettings;
  readonly total: number;
  readonly backend: OpsBackend;
  private readonly runs: SpikeRun[];
  private initialAcc: number[] = [];
  /** Snapshots by step, one per run, every SNAPSHOT_EVERY steps (step 0 included). */
  private readonly snapshots = new Map<number, SpikeSnapshot[]>();

  /** Builds the three runs at step 0; makeOps picks where their passes run. */
  static async create(
    settings: SpikeSettings,
    data: Dataset,
    makeOps: (mlp: Mlp) => MlpOps = cpuOps,
    backendNote = 'CPU, f64',
  ): Promise<SpikeEngine> {
    const e = new SpikeEngine(settings, data, makeOps, backendNote);
    e.initialAcc = await Promise.all(e.runs.map((r) => r.testAccuracy()));
    return e;
  }

  private constructor(
    settings: SpikeSettings,
    data: Dataset,
    makeOps: (mlp: Mlp) => MlpOps,
    readonly backendNote: string,
  ) {
    this.settings = { ...settings };
    this.total = spikeTotal(settings);
    const split = splitTrainTest(data, SPIKE_TEST_FRACTION, settings.seed);
    this.runs = SPIKE_MODES.map((mode) =>
      runSpike(
        {
          seed: settings.seed,
          steps: this.total,
          at: settings.at,
          spike: settings.spike,
          hold: settings.hold,
          baseLr: settings.lr,
          batchSize: SPIKE_BATCH,
          mode,
          clipNorm: 1,
          evalEvery: 1,
        },
        split,
        makeOps,
      ),
    );
    this.backend = this.runs[0]?.ops.backend ?? 'cpu';
    this.snapshots.set(
      0,
      this.runs.map((r) => r.snapshot()),
    );
  }

  get step(): number {
    return this.runs[0]?.stepIndex ?? 0;
  }

  /** Moves every run to step min(n, total): forward by training, backward from a snapshot. */
  async seek(n: number): Promise<void> {
    const target = Math.max(0, Math.min(this.total, Math.floor(n)));
    if (target < this.step) {
      const at = Math.floor(target / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
      const snaps = this.snapshots.get(at) ?? this.snapshots.get(0);
      if (snaps) this.runs.forEach((r, i) => snaps[i] && r.restore(snaps[i]));
    }
    while (this.step < target) await this.advance();
  }

  /** One step of all three runs. */
  async advance(): Promise<void> {
    if (this.step >= this.total) return;
    // The runs are independent: on the GPU their round trips overlap.
    await Promise.all(this.runs.map((r) => r.step()));
    const s = this.step;
    if (s % SNAPSHOT_EVERY === 0 && !this.snapshots.has(s)) {
      this.snapshots.set(
        s,
        this.runs.map((r) => r.snapshot()),
      );
    }
  }

  /** The whole series so far. */
  series(): SpikeSeries {
    return this.rows(0);
  }

  /** The rows of steps from…step−1 (from is clamped to the steps taken). */
  rows(from: number): SpikeSeries {
    const n = this.step;
    const start = Math.max(0, Math.min(from, n));
    const first = this.runs[0];
    const lr = new Float64Array(n - start);
    if (first) for (let t = start; t < n; t++) lr[t - start] = first.records[t]?.lr ?? NaN;
    return {
      settings: { ...this.settings },
      backend: this.backend,
      backendNote: this.backendNote,
      total: this.total,
      step: n,
      from: start,
      lr,
      runs: this.runs.map((r, i) => {
        const pick = (f: (t: number) => number) =>
          Float64Array.from({ length: n - start }, (_, j) => f(start + j));
        return {
          mode: SPIKE_MODES[i] ?? 'plain',
          loss: pick((t) => r.records[t]?.loss ?? NaN),
          testAcc: pick((t) => r.records[t]?.testAccuracy ?? NaN),
          tau: pick((t) => r.records[t]?.tau ?? NaN),
          rhoA: pick((t) => r.records[t]?.rhoA ?? NaN),
          initialAcc: this.initialAcc[i] ?? NaN,
        };
      }),
    };
  }
}

export const sameSettings = (a: SpikeSettings, b: SpikeSettings): boolean =>
  a.seed === b.seed &&
  a.lr === b.lr &&
  a.at === b.at &&
  a.spike === b.spike &&
  a.hold === b.hold &&
  a.train === b.train;

/** Concatenates two typed arrays: the first `keep` values of a, then b. */
function joined(a: Float64Array, keep: number, b: Float64Array): Float64Array {
  const out = new Float64Array(keep + b.length);
  out.set(a.subarray(0, keep));
  out.set(b, keep);
  return out;
}

/**
 * The page's copy of the series after the worker streamed `rows`: they replace everything from
 * rows.from on (a rewind streams from the step it went back to). Rows of other settings or of
 * another backend start a new series.
 */
export function appendRows(prev: SpikeSeries | null, rows: SpikeSeries): SpikeSeries {
  const fresh =
    prev === null ||
    rows.from === 0 ||
    !sameSettings(prev.settings, rows.settings) ||
    prev.backend !== rows.backend ||
    prev.step < rows.from;
  if (fresh) return rows;
  const keep = rows.from;
  return {
    ...rows,
    from: 0,
    lr: joined(prev.lr, keep, rows.lr),
    runs: rows.runs.map((r, i) => {
      const p = prev.runs[i];
      if (!p) return r;
      return {
        ...r,
        loss: joined(p.loss, keep, r.loss),
        testAcc: joined(p.testAcc, keep, r.testAcc),
        tau: joined(p.tau, keep, r.tau),
        rhoA: joined(p.rhoA, keep, r.rhoA),
      };
    }),
  };
}
