/**
 * Where a collapse run trains: a backend moves the state forward and measures it. The CPU one is
 * science/'s f64 CollapseRun (with snapshots, so a rewind is cheap); a GPU one implements the
 * same interface on the WGSL kernels. The engine above never knows which it drives.
 */
import type { Provenance } from '../../../gpu/choice';
import {
  CollapseRun,
  forward,
  ncStats,
  objective,
  type CollapseConfig,
  type CollapseSnapshot,
  type NcStats,
} from '../science';

/** A measured state: the objective, the metric statistics, W and (if asked) the features. */
export interface Measured {
  readonly loss: number;
  readonly stats: NcStats;
  readonly W: Float64Array;
  /** Penultimate features, N×d row-major (only when asked for). */
  readonly X: ArrayLike<number> | null;
  /** The class of each sample (row of X). */
  readonly labels: Uint8Array;
}

export interface StepBackend {
  readonly provenance: Provenance;
  /** Samples per class. */
  readonly counts: readonly number[];
  readonly step: number;
  /** Moves to step n: forward by training, backward from a snapshot or the seed. */
  seek: (n: number) => Promise<void>;
  measure: (withFeatures: boolean) => Promise<Measured>;
  destroy: () => void;
}

/** Steps between CPU snapshots (a rewind replays at most this many steps). */
const SNAPSHOT_EVERY = 500;

export class CpuBackend implements StepBackend {
  private run: CollapseRun;
  private readonly snapshots = new Map<number, CollapseSnapshot>();

  constructor(
    readonly cfg: CollapseConfig,
    readonly provenance: Provenance,
  ) {
    this.run = new CollapseRun(cfg);
    this.snapshots.set(0, this.run.snapshot());
  }

  get step(): number {
    return this.run.step;
  }

  get counts(): readonly number[] {
    return this.run.shape.counts;
  }

  seek(n: number): Promise<void> {
    if (n < this.run.step) {
      const at = Math.floor(n / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
      const snap = this.snapshots.get(at) ?? this.snapshots.get(0);
      if (snap) this.run = new CollapseRun(this.cfg, snap);
    }
    while (this.run.step < n) {
      this.run.advance(1);
      const s = this.run.step;
      if (s % SNAPSHOT_EVERY === 0 && !this.snapshots.has(s))
        this.snapshots.set(s, this.run.snapshot());
    }
    return Promise.resolve();
  }

  measure(): Promise<Measured> {
    const { cfg, shape, state } = this.run;
    const fw = forward(cfg, shape, state);
    const X = fw.xs[fw.xs.length - 1] ?? state.H;
    return Promise.resolve({
      loss: objective(cfg, state, fw),
      stats: ncStats(X, shape.labels, shape.counts, state.W, state.b, shape.d),
      W: state.W,
      // A reference to the forward pass's array: free, so a later frame can reuse this measure.
      X,
      labels: shape.labels,
    });
  }

  destroy(): void {
    this.snapshots.clear();
  }
}
