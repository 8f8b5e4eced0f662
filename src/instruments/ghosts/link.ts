/**
 * The ghosts view's link: one field table (reader, writer, default, doc) and the cross-field
 * rules — z decides K, a and y follow it, r is read against the final a and T and written back
 * as tau. What the view chose, as plain data, is `GhostsParams`.
 */
import {
  oneOf,
  positive,
  quote,
  range,
  vector,
  wholeInRange,
  wholeNumber,
  accept,
  writeNumber,
  writeVector,
  type Read,
  type Reader,
} from '../../link/read';
import {
  choiceField,
  fallbackText,
  field,
  numberField,
  type FieldTable,
  type LinkSchema,
  type ResolveContext,
} from '../../link/schema';
import { TRAIN_ON, type TrainOnId } from '../../models/mlp/ops';
import { rhoA } from './science';
import { z as zod } from 'zod';

export type ColorMode = 'domain' | 'modulus' | 'phase';
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
export { TRAIN_ON, type TrainOnId };

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
  /** Base learning rate of the trained-model modes; null: each mode's recipe (`lr=auto`). */
  lr: number | null;
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

export const GHOSTS_LIMITS = {
  kMin: 2,
  kMax: 16,
  zAbs: 8,
  aAbs: 5,
  tauMin: 1e-4,
  tauMax: 1e4,
  spanMin: 0.05,
  spanMax: 1000,
  /** r = τ/ρ_a, the range the paper sweeps (SPEC §1 UI ranges). */
  rMin: 0.01,
  rMax: 100,
  /** Taylor order n (SPEC §1 UI ranges: 1–40; the recursion is stable in f64 to 40). */
  nMin: 1,
  nMax: 40,
  /** Temperature T, on a log slider. */
  tempMin: 0.05,
  tempMax: 20,
  /** Seeds are 32-bit: the generator reads seed >>> 0. */
  seedMax: 4294967295,
  lrMin: 1e-5,
  lrMax: 1,
  atMax: 1000,
  spikeMin: 1,
  spikeMax: 1e4,
  holdMax: 2000,
  stepMax: 5000,
} as const;

const L = GHOSTS_LIMITS;
const K_LIMITS = { minLength: L.kMin, maxLength: L.kMax, lengthName: 'K' };

const writeAuto = (s: number | null): string => (s === null ? 'auto' : writeNumber(s));
const writeSpan = writeAuto;

/** A number, or "auto" (null) for a value the view chooses. */
function autoOr(reader: Reader<number>, what: string): Reader<number | null> {
  return zod.string().transform((s, ctx): Read<number | null> => {
    if (s.trim().toLowerCase() === 'auto') return { ok: true, value: null };
    const r = reader.safeParse(s);
    if (r.success) return r.data;
    ctx.addIssue({
      code: 'custom',
      message: `${r.error.issues[0]?.message ?? quote(s)} (or "auto" for ${what})`,
    });
    return zod.NEVER;
  });
}

const spanReader = autoOr(positive(L.spanMin, L.spanMax), 'an automatic window');

/** z decides K: it is the vector a person edits first, and a follows it. */
function resolveA(f: Read<number[]> | undefined, ctx: ResolveContext): number[] {
  let av = ctx.settle(f) as number[];
  const k = (ctx.get('z') as number[]).length;
  if (av.length !== k) {
    const n = Math.abs(av.length - k);
    const action =
      av.length > k
        ? `dropped the last ${n === 1 ? 'entry' : `${n} entries`}`
        : `padded with ${n === 1 ? 'a zero' : `${n} zeros`}`;
    ctx.issues.push({ param: 'a', message: `has ${av.length} entries but z has ${k}; ${action}` });
    av = av.length > k ? av.slice(0, k) : [...av, ...Array<number>(k - av.length).fill(0)];
  }
  return [...av];
}

function resolveY(f: Read<number> | undefined, ctx: ResolveContext): number {
  const k = (ctx.get('z') as number[]).length;
  const base = ctx.previous as number;
  const yFallback = base < k ? base : 0;
  // An absent y keeps the previous one even when it no longer fits, so the check below names it.
  let y =
    f === undefined
      ? base
      : settleWith(ctx, 'y', f, yFallback, fallbackText(String(yFallback), '0'));
  if (y >= k) {
    ctx.issues.push({
      param: 'y',
      message: `class ${y} does not exist when K = ${k} (classes 0 to ${k - 1}); using 0`,
    });
    y = 0;
  }
  return y;
}

function settleWith<T>(
  ctx: ResolveContext,
  param: string,
  f: Read<T>,
  fallback: T,
  phrase: string,
) {
  if (!f.ok) {
    ctx.issues.push({ param, message: `${f.message}; ${phrase}` });
    return fallback;
  }
  if (f.note !== undefined) ctx.issues.push({ param, message: f.note });
  return f.value;
}

/**
 * r = τ/ρ_a (SPEC Def. 5.1) is read against the final a and temperature (ρ_a(T) = πT/Δ_a), so
 * it means what the picture shows.
 */
function resolveTau(f: Read<number> | undefined, ctx: ResolveContext): number {
  const temperature = ctx.get('T') as number;
  const tau = ctx.settle(f) as number;
  const r = ctx.input('r') as Read<number> | undefined;
  if (r === undefined) return tau;
  const keep = `using tau ${writeNumber(tau)}`;
  if (f !== undefined) {
    ctx.issues.push({ param: 'r', message: `ignored because tau is also given; ${keep}` });
    return tau;
  }
  if (!r.ok) {
    ctx.issues.push({ param: 'r', message: `${r.message}; ${keep}` });
    return tau;
  }
  if (r.note !== undefined) ctx.issues.push({ param: 'r', message: r.note });
  const rho = rhoA(ctx.get('a') as number[], temperature);
  if (!Number.isFinite(rho)) {
    ctx.issues.push({
      param: 'r',
      message: `needs a with two different entries (ρ_a is infinite when all are equal); ${keep}`,
    });
    return tau;
  }
  const wanted = r.value * rho;
  const clamped = Math.min(L.tauMax, Math.max(L.tauMin, wanted));
  if (clamped !== wanted) {
    ctx.issues.push({
      param: 'r',
      message: `gives tau ${writeNumber(wanted)}, outside ${range(L.tauMin, L.tauMax)}; clamped to ${writeNumber(clamped)}`,
    });
  }
  return clamped;
}

function resolveSpan(f: Read<number | null> | undefined, ctx: ResolveContext): number | null {
  const base = ctx.previous as number | null;
  if (f === undefined) return base;
  const phrase =
    base === null ? 'using an automatic window' : fallbackText(writeSpan(base), writeSpan(null));
  return settleWith(ctx, 'span', f, base, phrase);
}

/** Steps of a spike run: the spike window's end (at least one step). */
export const spikeTotal = (s: Pick<GhostsParams, 'at' | 'hold'>): number =>
  Math.max(1, s.at + s.hold);

/** A spike run ends at at + hold: a later step is clamped there, and named. */
function resolveStep(f: Read<number> | undefined, ctx: ResolveContext): number {
  const step = ctx.settle(f) as number;
  if (ctx.get('mode') !== 'spike') return step;
  const total = spikeTotal({ at: ctx.get('at') as number, hold: ctx.get('hold') as number });
  if (step <= total) return step;
  ctx.issues.push({
    param: 'step',
    message: `${step} is past the end of the spike run (at + hold = ${total}); using ${total}`,
  });
  return total;
}

const whole = (max: number, what: string) =>
  wholeInRange(0, max, `${what} (a whole number from 0 to ${max})`);

const fields: FieldTable<GhostsParams> = {
  z: field(vector({ abs: L.zAbs, ...K_LIMITS }), writeVector, [2, 0.5, -1], {
    meaning: 'logits, comma-separated',
    range: '`2,0.5,-1`; K = 2–16 entries in [−8, 8]',
  }),
  a: field(
    vector({ abs: L.aAbs, ...K_LIMITS }),
    writeVector,
    [1.5, -0.3, -1.2],
    {
      meaning: 'directional derivatives a_k = ∇z_k·v',
      range: '`1.5,-0.3,-1.2`; same length as `z`, in [−5, 5]',
    },
    resolveA,
  ),
  y: field(
    accept(wholeNumber('a class index (a whole number from 0)')),
    writeNumber,
    0,
    { meaning: 'label class', range: '0' },
    resolveY,
  ),
  tau: field(
    positive(L.tauMin, L.tauMax),
    writeNumber,
    0.93,
    { meaning: 'step length τ', range: '0.93 (r ≈ 0.8); 1e-4 – 1e4' },
    resolveTau,
  ),
  span: field(
    spanReader,
    writeSpan,
    null,
    { meaning: 'half-width of the complex window', range: 'automatic (±2.5ρ*, rounded up)' },
    resolveSpan,
  ),
  color: choiceField(oneOf(COLOR_MODES, 'a colour mode'), 'domain', {
    meaning: '`domain`, `modulus` or `phase`',
    range: '`domain`',
  }),
  n: numberField(
    wholeInRange(L.nMin, L.nMax, `a Taylor order (a whole number from ${L.nMin} to ${L.nMax})`),
    8,
    { meaning: 'Taylor order of T_n on the real line', range: '8; whole number 1–40' },
  ),
  T: numberField(positive(L.tempMin, L.tempMax), 1, {
    meaning: 'temperature: logits z/T, slopes a/T',
    range: '1; 0.05–20 (ρ_a(T) = πT/Δ_a)',
  }),
  mode: choiceField(oneOf(GHOSTS_MODES, 'a mode'), 'plane', {
    meaning: '`plane`, `batch`, `sweep` or `spike`',
    range: '`plane`',
  }),
  seed: numberField(whole(L.seedMax, 'a seed'), 0, {
    meaning: 'seed of every stochastic part',
    range: '0; whole number 0 – 2³²−1',
  }),
  data: choiceField(oneOf(DATA_SETS, 'a data set'), 'digits', {
    meaning: '`digits` or `spirals` (trained modes)',
    range: '`digits`',
  }),
  dir: choiceField(oneOf(DIRECTIONS, 'a direction'), 'update', {
    meaning: 'JVP direction: `update` or `random`',
    range: '`update`',
  }),
  lr: field(autoOr(positive(L.lrMin, L.lrMax), "the recipe's learning rate"), writeAuto, null, {
    meaning: 'base learning rate (trained modes)',
    range: '`auto` (1e-3; 3e-2 for spirals); 1e-5 – 1',
  }),
  train: choiceField(oneOf(TRAIN_ON, 'a training backend (auto or cpu)'), 'auto', {
    meaning: 'trained modes: `auto` (GPU if any) or `cpu` (f64, exact anywhere)',
    range: '`auto`',
  }),
  at: numberField(whole(L.atMax, 'a step'), 50, {
    meaning: 'spike: first step of the spike',
    range: '50; whole number 0–1000',
  }),
  spike: numberField(positive(L.spikeMin, L.spikeMax), 1000, {
    meaning: 'spike: learning-rate multiplier',
    range: '1000; 1 – 1e4',
  }),
  hold: numberField(whole(L.holdMax, 'a step count'), 150, {
    meaning: 'spike: steps the spike lasts',
    range: '150; whole number 0–2000',
  }),
  step: field(
    whole(L.stepMax, 'a step'),
    writeNumber,
    0,
    { meaning: 'training steps taken (replayed)', range: '0; whole number 0–5000' },
    resolveStep,
  ),
};

export const ghostsLink: LinkSchema<GhostsParams> = {
  fields,
  inputs: {
    // Input only: a step given relative to the safe radius, written back as tau.
    r: {
      reader: positive(L.rMin, L.rMax),
      meaning: 'input only: sets τ = r·ρ_a',
      range: '0.01 – 100',
    },
  },
};
