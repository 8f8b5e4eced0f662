/**
 * What the user chose, as plain data: the shape of the store's params and of a permalink.
 * The permalink codec (./permalink.ts) validates against these types, limits and defaults.
 */

/** Bump when a link's meaning changes, and add a migration step in ./permalink.ts. */
export const LINK_VERSION = 1;

export const VIEWS = ['ghosts'] as const;
/** Named in notices and navigation so a link to one of them says "not yet" rather than "wrong". */
export const PLANNED_VIEWS = ['landscape', 'entropy', 'collapse'] as const;

export type ViewId = (typeof VIEWS)[number];
export type PlannedViewId = (typeof PLANNED_VIEWS)[number];
export type ColorMode = 'domain' | 'modulus' | 'phase';
export type Theme = 'system' | 'light' | 'dark';

export const COLOR_MODES: readonly ColorMode[] = ['domain', 'modulus', 'phase'];

/** The ghosts view's experiments: the complex plane, per-sample radii, a τ sweep, the LR spike. */
export type GhostsMode = 'plane' | 'batch' | 'sweep' | 'spike';
export const GHOSTS_MODES: readonly GhostsMode[] = ['plane', 'batch', 'sweep', 'spike'];
/** Data sets of the trained-model modes. */
export type DataSetId = 'digits' | 'spirals';
export const DATA_SETS: readonly DataSetId[] = ['digits', 'spirals'];
/** Direction of the per-sample JVPs: the model's actual update, or a seeded random one. */
export type DirectionId = 'update' | 'random';
export const DIRECTIONS: readonly DirectionId[] = ['update', 'random'];
/**
 * Where the trained-model modes train: 'auto' uses the GPU when there is one (f32: a link replays
 * to the same numbers on the same device), 'cpu' the f64 oracle (the same numbers anywhere).
 */
export type TrainOnId = 'auto' | 'cpu';
export const TRAIN_ON: readonly TrainOnId[] = ['auto', 'cpu'];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface GhostsParams {
  /** Logits, one per class; K = z.length. */
  z: number[];
  /** Directional derivatives a = ∇z·v, same length as z. */
  a: number[];
  /** The label: a class index in [0, K). */
  y: number;
  /** The step along the direction. */
  tau: number;
  /** Half-width of the complex window; null lets the view choose it from ρ*. */
  span: number | null;
  color: ColorMode;
  /** Order of the Taylor polynomial T_n drawn on the real line. */
  n: number;
  /** Temperature: the view uses logits z/T and slopes a/T, so ρ_a(T) = πT/Δ_a (Sao 2026 §6.4). */
  T: number;
  /** Which experiment the view shows. */
  mode: GhostsMode;
  /** Seed of every stochastic part (initial weights, batches, splits, random directions). */
  seed: number;
  /** Data set of the trained-model modes. */
  data: DataSetId;
  /** JVP direction of the trained-model modes. */
  dir: DirectionId;
  /** Base learning rate of the trained-model modes. */
  lr: number;
  /** Where the trained-model modes train. */
  train: TrainOnId;
  /** First step (0-based) of the learning-rate spike. */
  at: number;
  /** Learning-rate multiplier during the spike. */
  spike: number;
  /** How many steps the spike lasts. */
  hold: number;
  /** Training steps taken: a link restores the state after this many (replayed from the seed). */
  step: number;
}

export interface AppParams {
  view: ViewId;
  embed: boolean;
  theme: Theme;
  ghosts: GhostsParams;
}

/** `message` is shown to a person: it says what was wrong and what was used instead. */
export interface ParamIssue {
  param: string;
  message: string;
}

export interface GhostsLimits {
  readonly kMin: number;
  readonly kMax: number;
  readonly zAbs: number;
  readonly aAbs: number;
  readonly tauMin: number;
  readonly tauMax: number;
  readonly spanMin: number;
  readonly spanMax: number;
  /** r = τ/ρ_a, the range the paper sweeps (SPEC §1 UI ranges). */
  readonly rMin: number;
  readonly rMax: number;
  /** Taylor order n (SPEC §1 UI ranges: 1–40; the recursion is stable in f64 to 40). */
  readonly nMin: number;
  readonly nMax: number;
  /** Temperature T, on a log slider. */
  readonly tempMin: number;
  readonly tempMax: number;
  /** Seeds are 32-bit: the generator reads seed >>> 0. */
  readonly seedMax: number;
  readonly lrMin: number;
  readonly lrMax: number;
  readonly atMax: number;
  readonly spikeMin: number;
  readonly spikeMax: number;
  readonly holdMax: number;
  readonly stepMax: number;
}

export const GHOSTS_LIMITS: GhostsLimits = {
  kMin: 2,
  kMax: 16,
  zAbs: 8,
  aAbs: 5,
  tauMin: 1e-4,
  tauMax: 1e4,
  spanMin: 0.05,
  spanMax: 1000,
  rMin: 0.01,
  rMax: 100,
  nMin: 1,
  nMax: 40,
  tempMin: 0.05,
  tempMax: 20,
  seedMax: 4294967295,
  lrMin: 1e-5,
  lrMax: 1,
  atMax: 1000,
  spikeMin: 1,
  spikeMax: 1e4,
  holdMax: 2000,
  stepMax: 5000,
};

export const DEFAULT_GHOSTS: GhostsParams = {
  z: [2, 0.5, -1],
  a: [1.5, -0.3, -1.2],
  y: 0,
  tau: 0.93,
  span: null,
  color: 'domain',
  n: 8,
  T: 1,
  mode: 'plane',
  seed: 0,
  data: 'digits',
  dir: 'update',
  lr: 1e-3,
  train: 'auto',
  at: 50,
  spike: 1000,
  hold: 150,
  step: 0,
};

export const DEFAULT_PARAMS: AppParams = {
  view: 'ghosts',
  embed: false,
  theme: 'system',
  ghosts: DEFAULT_GHOSTS,
};
