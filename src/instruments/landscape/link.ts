/**
 * The landscape view's link: one field table (reader, writer, default, doc). Every field settles
 * on its own, so a bad value falls back alone and is named in the notice. What the view chose,
 * as plain data, is `LandscapeParams`.
 */
import { z as zod } from 'zod';
import { oneOf, positive, between, wholeInRange, quote, type Read } from '../../link/read';
import {
  choiceField,
  field,
  numberField,
  type FieldTable,
  type LinkSchema,
} from '../../link/schema';
import { TRAIN_ON, type TrainOnId } from '../../models/mlp/ops';
import { ACTIVATIONS, parseHidden, type Activation } from './science/shape';
import { TOY_KINDS, type ToyKind } from './science/datasets';
import type { BiasRule, DirNorm } from './science/directions';
import type { OptimiserId } from './science/optimiser';
import { GRID, SPAN } from './science/slice';

export type DataId = ToyKind | 'digits';
export const DATA_IDS: readonly DataId[] = [...TOY_KINDS, 'digits'];
export type DirsId = 'random' | 'pca';
export const DIRS: readonly DirsId[] = ['random', 'pca'];
/** `param`: the parameter-space slice (SPEC §3); the logit-space loss zoo (§2) comes later. */
export type LandscapeMode = 'param';
export const LANDSCAPE_MODES: readonly LandscapeMode[] = ['param'];
export const NORMS: readonly DirNorm[] = ['filter', 'layer', 'none'];
export const BIAS_RULES: readonly BiasRule[] = ['ignore', 'copy'];
export const OPTIMISERS: readonly OptimiserId[] = ['sgd', 'adam'];

export interface LandscapeParams {
  data: DataId;
  /** Points of a 2-D toy set (the digits are always their 1,797). */
  n: number;
  /** Gaussian jitter of the 2-D toy sets. */
  noise: number;
  /** Hidden widths, 1–4 layers of 2–128 units. */
  hidden: number[];
  act: Activation;
  opt: OptimiserId;
  lr: number;
  wd: number;
  /** Mini-batch size; 0 is the full batch. */
  batch: number;
  seed: number;
  /** Training steps taken: a link restores the state after this many (replayed from the seed). */
  step: number;
  train: TrainOnId;
  norm: DirNorm;
  bias: BiasRule;
  span: number;
  grid: number;
  dirs: DirsId;
  mode: LandscapeMode;
}

export const LANDSCAPE_LIMITS = {
  nMin: 32,
  nMax: 2048,
  noiseMax: 1,
  lrMin: 1e-5,
  lrMax: 10,
  wdMax: 1,
  batchMax: 2048,
  seedMax: 4294967295,
  stepMax: 5000,
} as const;
const L = LANDSCAPE_LIMITS;

const hiddenReader = zod.string().transform((s, ctx): Read<number[]> => {
  const h = parseHidden(s);
  if (h) return { ok: true, value: h };
  ctx.addIssue({
    code: 'custom',
    message: `${quote(s)} is not 1–4 comma-separated widths, each a whole number from 2 to 128`,
  });
  return zod.NEVER;
});

const whole = (min: number, max: number, what: string) =>
  wholeInRange(min, max, `${what} (a whole number from ${min} to ${max})`);

const fields: FieldTable<LandscapeParams> = {
  data: choiceField(oneOf(DATA_IDS, 'a data set'), 'spirals', {
    meaning: '`spirals`, `moons`, `blobs`, `xor`, `circles` or `digits` (8×8, 1,797)',
    range: '`spirals`',
  }),
  n: numberField(whole(L.nMin, L.nMax, 'a point count'), 300, {
    meaning: 'points of a 2-D set',
    range: '300; whole number 32–2048',
  }),
  noise: numberField(between(0, L.noiseMax), 0.1, {
    meaning: 'jitter of a 2-D set',
    range: '0.1; 0–1',
  }),
  hidden: field(hiddenReader, (h: number[]) => h.join(','), [16, 16], {
    meaning: 'hidden widths, comma-separated',
    range: '`16,16`; 1–4 layers of 2–128',
  }),
  act: choiceField(oneOf(ACTIVATIONS, 'an activation'), 'tanh', {
    meaning: '`tanh`, `relu` or `gelu`',
    range: '`tanh`',
  }),
  opt: choiceField(oneOf(OPTIMISERS, 'an optimiser'), 'adam', {
    meaning: '`sgd` or `adam`',
    range: '`adam`',
  }),
  lr: numberField(positive(L.lrMin, L.lrMax), 0.01, {
    meaning: 'learning rate',
    range: '0.01; 1e-5 – 10',
  }),
  wd: numberField(between(0, L.wdMax), 0, {
    meaning: 'weight decay (coupled L2)',
    range: '0; 0–1',
  }),
  batch: numberField(whole(0, L.batchMax, 'a batch size'), 0, {
    meaning: 'mini-batch size (0: full batch)',
    range: '0; whole number 0–2048',
  }),
  seed: numberField(whole(0, L.seedMax, 'a seed'), 0, {
    meaning: 'seed of data, weights, batches and directions',
    range: '0; whole number 0 – 2³²−1',
  }),
  step: numberField(whole(0, L.stepMax, 'a step'), 0, {
    meaning: 'training steps taken (replayed)',
    range: '0; whole number 0–5000',
  }),
  train: choiceField(oneOf(TRAIN_ON, 'a training backend (auto or cpu)'), 'auto', {
    meaning: '`auto` (GPU gradient if any) or `cpu` (f64, exact anywhere)',
    range: '`auto`',
  }),
  norm: choiceField(oneOf(NORMS, 'a normalisation'), 'filter', {
    meaning: 'direction normalisation: `filter`, `layer` or `none`',
    range: '`filter`',
  }),
  bias: choiceField(oneOf(BIAS_RULES, 'a bias rule'), 'ignore', {
    meaning: 'bias entries of the directions: `ignore` (zero) or `copy` (= θ)',
    range: '`ignore`',
  }),
  span: numberField(between(SPAN.min, SPAN.max), 1, {
    meaning: 'half-width of the slice in α and β',
    range: '1; 0.1–2',
  }),
  grid: numberField(whole(GRID.min, GRID.max, 'a grid size'), 51, {
    meaning: 'grid points per axis',
    range: '51; whole number 21–201',
  }),
  dirs: choiceField(oneOf(DIRS, 'directions'), 'random', {
    meaning: 'slice directions: `random` (seeded) or `pca` (of the trajectory)',
    range: '`random`',
  }),
  mode: choiceField(oneOf(LANDSCAPE_MODES, 'a mode'), 'param', {
    meaning: '`param`: the parameter-space slice',
    range: '`param`',
  }),
};

export const landscapeLink: LinkSchema<LandscapeParams> = { fields };
