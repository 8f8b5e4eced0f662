/**
 * The entropy view's link: one field table with every parameter of the model (issue 9) and two
 * cross-field rules — `rewards=` makes one explicit bandit (B = 1, K = its length), and `z0`
 * follows it. What the view chose, as plain data, is `EntropyParams`.
 */
import { z as zod } from 'zod';
import {
  between,
  oneOf,
  positive,
  vector,
  wholeInRange,
  writeNumber,
  writeVector,
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
import { ALGS, DIVERGENCES, METHODS, type Alg, type Divergence, type Method } from './science';

export type TaskId = 'bandit' | 'seq';
export const TASKS: readonly TaskId[] = ['bandit', 'seq'];
export type InitId = 'zero' | 'random';
export const INITS: readonly InitId[] = ['zero', 'random'];
/** Where the runs train: `auto` the GPU when there is one (f32), `cpu` the f64 path. */
export type TrainId = 'auto' | 'cpu';
export const TRAINS: readonly TrainId[] = ['auto', 'cpu'];

export interface EntropyParams {
  /** Prompts (ignored with `rewards`: then 1). */
  B: number;
  /** Actions per prompt, or the vocabulary of `task=seq` (ignored with `rewards`). */
  K: number;
  init: InitId;
  'init-scale': number;
  /** Explicit rewards of one bandit, or null for the seeded verifiable pattern. */
  rewards: number[] | null;
  /** Explicit initial logits of that bandit (same length), or null. */
  z0: number[] | null;
  task: TaskId;
  /** Answer length of `task=seq`. */
  L: number;
  alg: Alg;
  /** GRPO rollouts per prompt. */
  G: number;
  lr: number;
  temp: number;
  method: Method;
  coef: number;
  'clip-r': number;
  'w-low': number;
  'w-high': number;
  'kl-k': number;
  'kl-beta': number;
  'steer-w': number;
  div: Divergence;
  'div-coef': number;
  seed: number;
  /** Updates taken: a link restores the state after this many (replayed from the seed). */
  step: number;
  /** The k of the pass-at-k readout. */
  k: number;
  train: TrainId;
}

export const ENTROPY_LIMITS = {
  bMax: 4096,
  kMin: 2,
  kMax: 1024,
  /** K^L·B logits of task=seq are held per run: a vocabulary of 64 keeps that in memory. */
  seqKMax: 32,
  seqBMax: 1024,
  lMin: 2,
  lMax: 8,
  gMin: 4,
  gMax: 64,
  rewardsMax: 64,
  stepMax: 10000,
  seedMax: 4294967295,
} as const;
const L = ENTROPY_LIMITS;

/** A vector, or absent: written as '' so the default (null) never appears in a link. */
const writeOptional = (v: readonly number[] | null): string => (v === null ? '' : writeVector(v));
function optionalVector(r: Reader<number[]>): Reader<number[] | null> {
  return zod.string().transform((s, ctx): Read<number[] | null> => {
    if (s.trim() === '') return { ok: true, value: null };
    const got = r.safeParse(s);
    if (got.success) return got.data;
    ctx.addIssue({ code: 'custom', message: got.error.issues[0]?.message ?? 'is not a vector' });
    return zod.NEVER;
  });
}

/** A bad `rewards` falls back to the seeded pattern, and the notice says so in those words. */
function resolveRewards(
  f: Read<number[] | null> | undefined,
  ctx: ResolveContext,
): number[] | null {
  if (f !== undefined && !f.ok) {
    ctx.issues.push({ param: 'rewards', message: `${f.message}; using the seeded rewards` });
    return null;
  }
  return ctx.settle(f) as number[] | null;
}

/** task=seq holds B·L·K² logits per run: its prompts are capped at SEQ_B_MAX. */
function resolveB(f: Read<number> | undefined, ctx: ResolveContext): number {
  const b = ctx.settle(f) as number;
  if (ctx.get('task') !== 'seq' || b <= L.seqBMax) return b;
  ctx.issues.push({
    param: 'B',
    message: `${b} is over ${L.seqBMax} for task=seq; using ${L.seqBMax}`,
  });
  return L.seqBMax;
}

/** task=seq holds B·L·K² logits per run, so its vocabulary is capped at SEQ_K_MAX. */
function resolveK(f: Read<number> | undefined, ctx: ResolveContext): number {
  const k = ctx.settle(f) as number;
  if (ctx.get('task') !== 'seq' || k <= L.seqKMax) return k;
  ctx.issues.push({
    param: 'K',
    message: `${k} is over ${L.seqKMax} for task=seq; using ${L.seqKMax}`,
  });
  return L.seqKMax;
}

/** z0 sets the initial logits of the explicit bandit only, and needs one per reward. */
function resolveZ0(f: Read<number[] | null> | undefined, ctx: ResolveContext): number[] | null {
  const z0 = ctx.settle(f) as number[] | null;
  if (z0 === null) return null;
  const rewards = ctx.get('rewards') as number[] | null;
  if (rewards === null) {
    ctx.issues.push({ param: 'z0', message: 'is used only with rewards=; ignored' });
    return null;
  }
  if (z0.length !== rewards.length) {
    ctx.issues.push({
      param: 'z0',
      message: `has ${z0.length} entries but rewards has ${rewards.length}; using zero logits`,
    });
    return null;
  }
  return z0;
}

const whole = (min: number, max: number, what: string) =>
  wholeInRange(min, max, `${what} (a whole number from ${min} to ${max})`);

const fields: FieldTable<EntropyParams> = {
  B: field(
    whole(1, L.bMax, 'a prompt count'),
    writeNumber,
    256,
    {
      meaning: 'prompts, each with its own softmax policy',
      range: '256; 1–4096 (1–1024 for `task=seq`; 1 with `rewards`)',
    },
    resolveB,
  ),
  K: field(
    whole(L.kMin, L.kMax, 'an action count'),
    writeNumber,
    16,
    {
      meaning: 'actions per prompt (vocabulary for `task=seq`)',
      range: '16; 2–1024 (2–32 for `task=seq`)',
    },
    resolveK,
  ),
  init: choiceField(oneOf(INITS, 'an initialisation'), 'zero', {
    meaning: 'initial logits: `zero` (uniform) or `random`',
    range: '`zero`',
  }),
  'init-scale': numberField(positive(0.01, 10), 1, {
    meaning: 'standard deviation of `init=random` logits',
    range: '1; 0.01–10',
  }),
  rewards: field(
    optionalVector(vector({ abs: 1000, minLength: 2, maxLength: L.rewardsMax, lengthName: 'K' })),
    writeOptional,
    null,
    {
      meaning: 'explicit rewards of one bandit (B = 1, K = entries)',
      range: 'off (seeded sparse 0/1 rewards); 2–64 entries',
    },
    resolveRewards,
  ),
  z0: field(
    optionalVector(vector({ abs: 30, minLength: 2, maxLength: L.rewardsMax, lengthName: 'K' })),
    writeOptional,
    null,
    { meaning: 'initial logits of that bandit', range: 'off (zero); same length as `rewards`' },
    resolveZ0,
  ),
  task: choiceField(oneOf(TASKS, 'a task'), 'bandit', {
    meaning: '`bandit` (one action) or `seq` (an answer of L tokens)',
    range: '`bandit`',
  }),
  L: numberField(whole(L.lMin, L.lMax, 'an answer length'), 4, {
    meaning: 'answer length of `task=seq`',
    range: '4; 2–8',
  }),
  alg: choiceField(oneOf(ALGS, 'an algorithm'), 'pg', {
    meaning: '`pg` (exact PG), `npg` (natural PG) or `grpo` (sampled)',
    range: '`pg`',
  }),
  G: numberField(whole(L.gMin, L.gMax, 'a rollout count'), 8, {
    meaning: 'GRPO rollouts per prompt',
    range: '8; 4–64',
  }),
  lr: numberField(positive(1e-3, 100), 2, { meaning: 'learning rate η', range: '2; 1e-3 – 100' }),
  temp: numberField(positive(0.05, 10), 1, {
    meaning: 'sampling temperature: π = softmax(z/T)',
    range: '1; 0.05–10',
  }),
  method: choiceField(oneOf(METHODS, 'a method'), 'none', {
    meaning: '`none`, `bonus`, `clip-cov`, `kl-cov`, `steer` or `div`',
    range: '`none`',
  }),
  coef: numberField(between(0, 10), 0.01, {
    meaning: 'bonus: entropy-bonus coefficient',
    range: '0.01; 0–10',
  }),
  'clip-r': numberField(between(0, 1), 2e-4, {
    meaning: 'clip-cov: fraction of tokens detached',
    range: '2e-4; 0–1',
  }),
  'w-low': numberField(between(-100, 100), 1, {
    meaning: 'clip-cov: lower covariance bound ω_low',
    range: '1; −100–100',
  }),
  'w-high': numberField(between(-100, 100), 5, {
    meaning: 'clip-cov: upper covariance bound ω_high',
    range: '5; −100–100',
  }),
  'kl-k': numberField(between(0, 1), 2e-3, {
    meaning: 'kl-cov: fraction of tokens penalised (not a percentage)',
    range: '2e-3; 0–1',
  }),
  'kl-beta': numberField(between(0, 10), 1, { meaning: 'kl-cov: penalty β', range: '1; 0–10' }),
  'steer-w': numberField(between(0.01, 1), 0.8, {
    meaning: 'steer: lowest token weight w_min',
    range: '0.8; 0.01–1',
  }),
  div: choiceField(oneOf(DIVERGENCES, 'a divergence'), 'fkl', {
    meaning: 'div: `rkl` KL(π‖π₀), `fkl` KL(π₀‖π) or `js`',
    range: '`fkl`',
  }),
  'div-coef': numberField(between(0, 100), 0.1, {
    meaning: 'div: coefficient of the divergence to π₀',
    range: '0.1; 0–100',
  }),
  seed: numberField(whole(0, L.seedMax, 'a seed'), 0, {
    meaning: 'seed of rewards, random logits and samples',
    range: '0; whole number 0 – 2³²−1',
  }),
  step: numberField(whole(0, L.stepMax, 'a step'), 300, {
    meaning: 'updates taken (replayed from the seed)',
    range: '300; whole number 0–10000',
  }),
  k: numberField(whole(1, 256, 'a sample count'), 64, {
    meaning: 'the k of the `pass-at-k` readout',
    range: '64; 1–256',
  }),
  train: choiceField(oneOf(TRAINS, 'a training backend (auto or cpu)'), 'auto', {
    meaning: '`auto` (GPU if any) or `cpu` (f64, exact anywhere)',
    range: '`auto`',
  }),
};

export const entropyLink: LinkSchema<EntropyParams> = { fields };
