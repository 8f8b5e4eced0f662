/**
 * What the page asks the landscape engine and what it answers. Plain data: it crosses the
 * worker boundary by structured clone.
 */
import type { Provenance } from '../../../gpu/choice';
import type { TrainOnId } from '../../../models/mlp/ops';
import type { DataId, DirsId } from '../link';
import type { BiasRule, DirNorm } from '../science/directions';
import type { OptimiserId } from '../science/optimiser';
import type { Activation, Samples } from '../science/shape';

/** Everything that decides θ after a number of steps (the same settings replay the same θ). */
export interface TrainSettings {
  data: DataId;
  n: number;
  noise: number;
  hidden: number[];
  act: Activation;
  opt: OptimiserId;
  lr: number;
  wd: number;
  batch: number;
  seed: number;
  train: TrainOnId;
  /** A reader's own data (never in the link), with a key that names it; null: `data`. */
  own: { key: string; samples: Samples } | null;
}

export interface SliceSettings {
  norm: DirNorm;
  bias: BiasRule;
  span: number;
  grid: number;
  dirs: DirsId;
}

/**
 * One end of the 1-D interpolation: the run's initial or current θ, or a θ the reader pinned
 * (kept by the page, which sends it with each request: pins are session state, never in a link).
 */
export type InterpEnd =
  { kind: 'initial' } | { kind: 'current' } | { kind: 'pin'; step: number; theta: Float64Array };

/** The interpolation runs from `from` (α = 0) to `to` (α = 1). */
export interface InterpPair {
  from: InterpEnd;
  to: InterpEnd;
}

/** An end as the state names it: what it is and the step its θ belongs to. */
export interface InterpEndName {
  kind: InterpEnd['kind'];
  step: number;
}

export interface InterpResult {
  alphas: Float64Array;
  loss: Float64Array;
  min: { loss: number; alpha: number };
  from: InterpEndName;
  to: InterpEndName;
}

export interface LandscapeRequest {
  id: number;
  kind: 'runTo';
  train: TrainSettings;
  slice: SliceSettings;
  pair: InterpPair;
  /** Target step. */
  step: number;
  /** False while playing: the coarse grid only, so the picture keeps up. */
  refine: boolean;
  dataUrl: string;
}

export interface SliceResult {
  alphas: Float64Array;
  betas: Float64Array;
  /** loss[j·alphas.length + i] = f(alphas[i], betas[j]). */
  loss: Float64Array;
  /** Normalised directions (the slice's axes in parameter space). */
  delta: Float64Array;
  eta: Float64Array;
  min: { loss: number; alpha: number; beta: number };
  center: number;
  provenance: Provenance;
  /** Grid used, when the CPU path had to use fewer points than asked. */
  reducedFrom?: number;
}

export interface PcaResult {
  explained: [number, number];
  /** The trajectory projected on the plane, (α_i, β_i) interleaved, in the slice's coordinates. */
  path: Float64Array;
}

export interface LandscapeState {
  /** Identifies the training settings the state belongs to. */
  key: string;
  step: number;
  /** Full-data loss and accuracy at θ, in f64 on the CPU (the train-loss readout). */
  trainLoss: number;
  trainAcc: number;
  /** Batch loss per step, steps [historyFrom, step): appended by the page. */
  historyFrom: number;
  history: Float64Array;
  theta: Float64Array;
  theta0: Float64Array;
  slice: SliceResult | null;
  /** The slice is the coarse first picture; a refined one follows. */
  coarse: boolean;
  interp: InterpResult | null;
  pca: PcaResult | null;
  /** A note on the directions (pca before enough steps, …). */
  dirsNote: string | null;
  /** 2-D data only: argmax class on a REGION_GRID² grid over `bounds`. */
  regions: Uint8Array | null;
  bounds: [number, number, number, number];
  samples: Samples;
  classes: number;
  trainProvenance: Provenance;
}

export const REGION_GRID = 64;

/** Events: progress while replaying; a state (coarse or between steps) when one is ready. */
export type LandscapeEvent =
  { kind: 'progress'; step: number; target: number } | { kind: 'state'; state: LandscapeState };

export const trainKey = (t: TrainSettings): string =>
  JSON.stringify([
    t.own?.key ?? t.data,
    t.own ? 0 : t.n,
    t.own ? 0 : t.noise,
    t.hidden,
    t.act,
    t.opt,
    t.lr,
    t.wd,
    t.batch,
    t.seed,
    t.train,
  ]);
