/**
 * A deterministic training run: the state after step N is a pure function of the config (seed
 * included), so `step=N` in a link replays exactly (same f64 operations in the same order).
 */
import type { CollapseConfig } from './config';
import { type ClosedForm, closedFormFor } from './closedForms';
import { gdStep } from './gd';
import { type NcMetrics, ncMetrics, ncStats } from './metrics';
import {
  type UfmShape,
  type UfmState,
  cloneState,
  forward,
  initialState,
  objective,
  shapeOf,
} from './model';

export interface CollapseSnapshot {
  readonly step: number;
  readonly state: UfmState;
}

export interface CollapseReadout {
  readonly step: number;
  /** The whole objective F (readout `loss`). */
  readonly loss: number;
  readonly metrics: NcMetrics;
  /** The closed form for this config, or why none applies. */
  readonly theory: ClosedForm | { readonly none: string };
}

export class CollapseRun {
  readonly shape: UfmShape;
  private st: UfmState;
  private t = 0;

  constructor(
    readonly cfg: CollapseConfig,
    from?: CollapseSnapshot,
  ) {
    this.shape = shapeOf(cfg);
    this.st = from ? cloneState(from.state) : initialState(cfg);
    this.t = from?.step ?? 0;
  }

  get step(): number {
    return this.t;
  }

  get state(): UfmState {
    return this.st;
  }

  /** Advances `n` steps (yield between calls to keep a UI responsive). */
  advance(n: number): void {
    for (let i = 0; i < n; i++) {
      gdStep(this.cfg, this.shape, this.st);
      this.t++;
    }
  }

  /** Replays to step `target` (from the start if the run is already past it). */
  runTo(target: number): void {
    if (target < this.t) {
      this.st = initialState(this.cfg);
      this.t = 0;
    }
    this.advance(target - this.t);
  }

  snapshot(): CollapseSnapshot {
    return { step: this.t, state: cloneState(this.st) };
  }

  /** The penultimate features A_L···A_1·H (N×d), on which the NC metrics are measured. */
  features(): Float64Array {
    const fw = forward(this.cfg, this.shape, this.st);
    return fw.xs[fw.xs.length - 1] ?? this.st.H;
  }

  readout(): CollapseReadout {
    const { d, labels, counts } = this.shape;
    const fw = forward(this.cfg, this.shape, this.st);
    const X = fw.xs[fw.xs.length - 1] ?? this.st.H;
    const stats = ncStats(X, labels, counts, this.st.W, this.st.b, d);
    return {
      step: this.t,
      loss: objective(this.cfg, this.st, fw),
      metrics: ncMetrics(stats, this.st.W),
      theory: closedFormFor(this.cfg),
    };
  }
}
