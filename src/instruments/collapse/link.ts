/**
 * The collapse view's link: one field table and the cross-field rules. `counts` decides K when
 * given (K, n, ratio and major are then unused); d is raised to K (the closed forms need d ≥ K);
 * `major` stays below K. What the view chose, as plain data, is `CollapseParams`.
 */
import { z as zod } from 'zod';
import {
  booleanReader,
  oneOf,
  positive,
  quote,
  read,
  wholeInRange,
  writeNumber,
  type Read,
  type Reader,
} from '../../link/read';
import {
  choiceField,
  field,
  numberField,
  type FieldTable,
  type LinkSchema,
  type ResolveContext,
} from '../../link/schema';
import type { TrainOnId } from '../../models/mlp/ops';
import { TRAIN_ON } from '../../models/mlp/ops';
import type { ClassCounts } from './science/config';

export type CollapseModel = 'ufm' | 'mlp';
export const COLLAPSE_MODELS: readonly CollapseModel[] = ['ufm', 'mlp'];
export const COLLAPSE_LOSSES = ['ce', 'mse'] as const;

export interface CollapseParams {
  model: CollapseModel;
  loss: (typeof COLLAPSE_LOSSES)[number];
  bias: boolean;
  'lam-w': number;
  'lam-h': number;
  /** Step scale α of the curvature rule (each block steps α/L_block; see science/README.md). */
  lr: number;
  seed: number;
  /** Linear d×d layers between H and W (0 = the plain UFM). */
  depth: number;
  K: number;
  d: number;
  n: number;
  ratio: number;
  major: number;
  /** Explicit samples per class (sets K), or null: counts from K, n, ratio and major. */
  counts: number[] | null;
  step: number;
  train: TrainOnId;
}

export const COLLAPSE_LIMITS = {
  kMin: 2,
  kMax: 10,
  dMax: 64,
  nMax: 200,
  ratioMax: 100,
  lamMin: 1e-4,
  lamMax: 1e-1,
  lrMin: 0.05,
  lrMax: 1.5,
  depthMax: 4,
  seedMax: 4294967295,
  stepMax: 20000,
} as const;

const L = COLLAPSE_LIMITS;

/** Whole numbers 1–200, K = 2–10 of them; entries outside are clamped with a note. */
const countsReader: Reader<number[] | null> = zod
  .string()
  .transform((s, ctx): Read<number[] | null> => {
    if (s.trim().toLowerCase() === 'auto') return read(null);
    const parts = s.split(',');
    const values: number[] = [];
    let clamped = false;
    for (const [i, part] of parts.entries()) {
      const t = part.trim();
      if (!/^\d+$/.test(t)) {
        const where = parts.length === 1 ? '' : `entry ${i + 1}: `;
        ctx.addIssue({
          code: 'custom',
          message: `${where}${quote(t)} is not a class size (a whole number from 1 to ${L.nMax})`,
        });
        return zod.NEVER;
      }
      const v = Math.min(L.nMax, Math.max(1, Number(t)));
      clamped ||= v !== Number(t);
      values.push(v);
    }
    if (values.length < L.kMin || values.length > L.kMax) {
      ctx.addIssue({
        code: 'custom',
        message: `has ${values.length} entries; K must be from ${L.kMin} to ${L.kMax}`,
      });
      return zod.NEVER;
    }
    return clamped ? read(values, `class sizes were clamped to [1, ${L.nMax}]`) : read(values);
  });

const writeCounts = (c: number[] | null): string => (c === null ? 'auto' : c.join(','));

function resolveK(f: Read<number> | undefined, ctx: ResolveContext): number {
  const k = ctx.settle(f) as number;
  const counts = ctx.get('counts') as number[] | null;
  if (counts === null) return k;
  if (f !== undefined && f.ok && f.value !== counts.length)
    ctx.issues.push({ param: 'K', message: `ignored: counts sets K = ${counts.length}` });
  return counts.length;
}

function resolveD(f: Read<number> | undefined, ctx: ResolveContext): number {
  const d = ctx.settle(f) as number;
  const k = ctx.get('K') as number;
  if (d >= k) return d;
  ctx.issues.push({ param: 'd', message: `must be at least K = ${k}; using ${k}` });
  return k;
}

function resolveMajor(f: Read<number> | undefined, ctx: ResolveContext): number {
  const m = ctx.settle(f) as number;
  const k = ctx.get('K') as number;
  if (m < k) return m;
  ctx.issues.push({ param: 'major', message: `must be below K = ${k}; using ${k - 1}` });
  return k - 1;
}

const whole = (min: number, max: number, what: string) =>
  wholeInRange(min, max, `${what} (a whole number from ${min} to ${max})`);

const writeBool = (b: boolean): string => (b ? '1' : '0');

const fields: FieldTable<CollapseParams> = {
  model: choiceField(oneOf(COLLAPSE_MODELS, 'a model'), 'ufm', {
    meaning: '`ufm` (free features) or `mlp` (digits MLP, penultimate layer)',
    range: '`ufm`',
  }),
  loss: choiceField(oneOf(COLLAPSE_LOSSES, 'a loss'), 'ce', {
    meaning: '`ce` or `mse` (with the ½ factor)',
    range: '`ce`',
  }),
  bias: field(booleanReader, writeBool, false, {
    meaning: 'trainable classifier bias',
    range: '0; 0 or 1',
  }),
  'lam-w': numberField(positive(L.lamMin, L.lamMax), 5e-3, {
    meaning: 'weight decay λ_W of W (and of each deep layer)',
    range: '5e-3; 1e-4 – 1e-1',
  }),
  'lam-h': numberField(positive(L.lamMin, L.lamMax), 5e-3, {
    meaning: 'weight decay λ_H of the features H',
    range: '5e-3; 1e-4 – 1e-1',
  }),
  lr: numberField(positive(L.lrMin, L.lrMax), 1, {
    meaning: 'step scale α: each block steps α/L, L its curvature bound',
    range: '1; 0.05 – 1.5',
  }),
  seed: numberField(whole(0, L.seedMax, 'a seed'), 0, {
    meaning: 'seed of the initial W, H and layers',
    range: '0; whole number 0 – 2³²−1',
  }),
  depth: numberField(whole(0, L.depthMax, 'a depth'), 0, {
    meaning: 'linear d×d layers between H and W (0 = plain UFM)',
    range: '0; whole number 0–4',
  }),
  counts: field(countsReader, writeCounts, null, {
    meaning: 'samples per class, e.g. `40,10,5` (sets K)',
    range: '`auto` (from K, n, ratio); K = 2–10 entries, each 1–200',
  }),
  K: field(
    whole(L.kMin, L.kMax, 'a class count'),
    writeNumber,
    4,
    { meaning: 'classes', range: '4; whole number 2–10' },
    resolveK,
  ),
  d: field(
    whole(2, L.dMax, 'a feature dimension'),
    writeNumber,
    16,
    { meaning: 'feature dimension', range: '16; whole number K – 64' },
    resolveD,
  ),
  n: numberField(whole(1, L.nMax, 'a class size'), 50, {
    meaning: 'samples per (majority) class',
    range: '50; whole number 1–200',
  }),
  ratio: numberField(positive(1, L.ratioMax), 1, {
    meaning: 'imbalance: majority / minority class size',
    range: '1 (balanced); 1 – 100',
  }),
  major: field(
    whole(1, L.kMax - 1, 'a class count'),
    writeNumber,
    1,
    { meaning: 'classes at the majority size n (when ratio > 1)', range: '1; 1 – K−1' },
    resolveMajor,
  ),
  step: numberField(whole(0, L.stepMax, 'a step'), 1000, {
    meaning: 'gradient steps taken (replayed from the seed)',
    range: '1000; whole number 0–20000',
  }),
  train: choiceField(oneOf(TRAIN_ON, 'a training backend (auto or cpu)'), 'auto', {
    meaning: '`auto` (the faster of GPU and CPU) or `cpu` (f64)',
    range: '`auto`',
  }),
};

export const collapseLink: LinkSchema<CollapseParams> = { fields };

/** The class sizes as science/config.ts describes them. */
export function classCountsOf(p: CollapseParams): ClassCounts {
  if (p.counts !== null) return { kind: 'explicit', counts: [...p.counts] };
  if (p.ratio === 1) return { kind: 'balanced', K: p.K, n: p.n };
  return { kind: 'ratio', K: p.K, n: p.n, ratio: p.ratio, major: p.major };
}
