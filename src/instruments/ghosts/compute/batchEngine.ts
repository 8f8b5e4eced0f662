/**
 * A live classifier for the ghosts view's `batch` and `sweep` panels, off the main thread: an
 * MLP trained with Adam on the 8×8 digits (64→128→10, ReLU, lr 1e-3) or on seeded 2-D spirals
 * (2→32→3, tanh, lr 3e-2; ~0.9 test accuracy by step 1000), deterministic from the seed. At the current parameters it gives the
 * per-sample logits z and slopes a = ∇z·v along the update direction (Adam's next proposed step
 * p, v = p/‖p‖) or a seeded random unit direction, their Δ_a and ρ_a = π/Δ_a, and the batch bound
 * ρ_a(v) = π/max Δ_a (Sao 2026 §4.4); and, for the sweep, the test accuracy and loss after one
 * step θ + r·ρ_a(v)·v (the paper's Figure 1).
 *
 * A plain class, unit-tested in Node; batchProtocol.ts serves it on the engine host, in
 * batch.worker.ts or inline where no worker starts.
 */
import { splitTrainTest, subset, type Dataset } from '../../../science/data/digits';
import { spirals } from '../../../science/data/spirals';
import { Adam, apply, norm } from '../../../models/mlp/adam';
import { Mlp, type Activation, type ParamArray } from '../../../models/mlp/mlp';
import { cpuOps, type MlpOps, type OpsBackend } from '../../../models/mlp/ops';
import { radiiFromDeltaA, sampleRadii } from '../science/sampleRadii';
import { Rng } from '../../../science/rng';

export type BatchData = 'digits' | 'spirals';
export type BatchDirection = 'update' | 'random';
/** Sweep directions: Adam's update, the negative full-batch gradient, and seeded random ones. */
export type SweepDirection = 'update' | 'gradient' | `random-${number}`;

export interface BatchSetup {
  data: BatchData;
  seed: number;
  /** The digits rows (64 features in [0, 1], labels 0–9); required for data 'digits'. */
  digits?: Dataset | undefined;
  /** Adam's learning rate; the data set's recipe (RECIPES) unless given. */
  lr?: number | undefined;
  /** Where the passes run (the WGSL kernels or the CPU oracle); the oracle unless given. */
  makeOps?: ((mlp: Mlp) => MlpOps) | undefined;
  /** A word on the backend for badges: the adapter, or why not the GPU. */
  backendNote?: string | undefined;
}

interface Recipe {
  hidden: number;
  activation: Activation;
  lr: number;
  batchSize: number;
}

export const RECIPES: Record<BatchData, Recipe> = {
  digits: { hidden: 128, activation: 'relu', lr: 1e-3, batchSize: 64 },
  spirals: { hidden: 32, activation: 'tanh', lr: 3e-2, batchSize: 64 },
};

/** The spirals toy set: 3 arms, 600 points, a little jitter. */
export const SPIRALS = { arms: 3, n: 600, noise: 0.04, turns: 1 } as const;
const TEST_FRACTION = 0.2;
const BATCH_SEED_OFFSET = 0x9e3779b9;
const RANDOM_SEED_OFFSET = 0x2545f491;

/** r on a log grid from 10^lo to 10^hi, `count` points; 25 points put r = 1 and r = 10 on it. */
export function logGrid(lo = -2, hi = 2, count = 25): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = count === 1 ? 10 ** lo : 10 ** (lo + ((hi - lo) * i) / (count - 1));
  }
  return out;
}

/** A unit vector of `size` i.i.d. normal draws, seeded. */
export function randomUnit(size: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const v = new Float64Array(size);
  for (let i = 0; i < size; i++) v[i] = rng.normal();
  const s = norm(v);
  for (let i = 0; i < size; i++) v[i] = (v[i] ?? 0) / s;
  return v;
}

function unit(p: ArrayLike<number>): { v: Float64Array; length: number } {
  const length = norm(p);
  const v = new Float64Array(p.length);
  if (length > 0) for (let i = 0; i < p.length; i++) v[i] = (p[i] ?? 0) / length;
  return { v, length };
}

/** Where an answer was computed, for the badge and the export. */
export interface BackendInfo {
  backend: OpsBackend;
  backendNote: string;
}

export interface BatchAnalysis extends BackendInfo {
  step: number;
  data: BatchData;
  direction: BatchDirection;
  /** Samples in the evaluation set (the whole data set) and classes. */
  n: number;
  k: number;
  /** n×k logits and slopes a = ∇z·v along the unit direction v, row-major. */
  logits: Float64Array;
  a: Float64Array;
  labels: Uint8Array;
  deltaA: Float64Array;
  rhoA: Float64Array;
  batchRhoA: number;
  /** The sample with the largest Δ_a. */
  argmax: number;
  /** ‖p‖ of Adam's next proposed update (the step length τ whatever the direction). */
  stepNorm: number;
  /** r = ‖p‖/ρ_a(v). */
  rRatio: number;
  /** Mean loss and accuracy on the held-out split. */
  testLoss: number;
  testAccuracy: number;
}

export interface SweepCurve extends BackendInfo {
  direction: SweepDirection;
  /** ρ_a(v) over the evaluation set. */
  rhoA: number;
  /** Per r: test accuracy after / before, and test loss after / before. */
  accRetained: Float64Array;
  lossRatio: Float64Array;
}

export class BatchEngine {
  readonly data: BatchData;
  readonly seed: number;
  readonly mlp: Mlp;
  readonly recipe: Recipe;
  readonly ops: MlpOps;
  readonly backendNote: string;
  private readonly all: Dataset;
  private readonly train: Dataset;
  private readonly test: Dataset;
  private params: Float32Array;
  private adam: Adam;
  private readonly rng: Rng;
  private perm: Uint32Array;
  private pos = 0;
  step = 0;

  constructor(setup: BatchSetup) {
    this.data = setup.data;
    this.seed = setup.seed;
    const lr = setup.lr ?? RECIPES[setup.data].lr;
    if (!(lr > 0 && Number.isFinite(lr))) throw new RangeError(`lr must be positive, got ${lr}`);
    this.recipe = { ...RECIPES[setup.data], lr };
    let all: Dataset;
    if (setup.data === 'digits') {
      if (!setup.digits) throw new Error('the digits data set is not loaded');
      all = setup.digits;
    } else {
      all = spirals({ ...SPIRALS, seed: setup.seed });
    }
    this.all = all;
    const split = splitTrainTest(all, TEST_FRACTION, setup.seed);
    this.train = split.train;
    this.test = split.test;
    let k = 2;
    for (const label of all.y) k = Math.max(k, label + 1);
    this.mlp = new Mlp({
      d: all.d,
      h: this.recipe.hidden,
      k,
      activation: this.recipe.activation,
    });
    this.ops = (setup.makeOps ?? cpuOps)(this.mlp);
    this.backendNote = setup.backendNote ?? 'CPU, f64';
    this.params = this.mlp.init(new Rng(setup.seed));
    this.adam = new Adam(this.mlp.size);
    this.rng = new Rng((setup.seed + BATCH_SEED_OFFSET) >>> 0);
    this.perm = this.rng.permutation(this.train.n);
  }

  /** The indices of the next mini-batch, without consuming it. */
  private peekBatch(): Uint32Array {
    if (this.pos >= this.train.n) {
      this.perm = this.rng.permutation(this.train.n);
      this.pos = 0;
    }
    return this.perm.slice(this.pos, Math.min(this.pos + this.recipe.batchSize, this.train.n));
  }

  private get info(): BackendInfo {
    return { backend: this.ops.backend, backendNote: this.backendNote };
  }

  private async batchGrad(): Promise<{ grad: Float32Array; size: number }> {
    const idx = this.peekBatch();
    const b = subset(this.train, idx);
    const { grad } = await this.ops.lossAndGrad(this.params, b.x, b.y, idx.length);
    return { grad, size: idx.length };
  }

  /** Takes `count` Adam steps; returns the step index reached. */
  async advance(count: number): Promise<number> {
    for (let s = 0; s < count; s++) {
      const { grad, size } = await this.batchGrad();
      this.pos += size;
      apply(this.params, this.adam.propose(grad, this.recipe.lr), 1);
      this.step++;
    }
    return this.step;
  }

  /** Adam's next proposed update p at the current state, leaving the optimiser untouched. */
  async proposal(): Promise<Float32Array> {
    const { grad } = await this.batchGrad();
    return Adam.restore(this.adam.snapshot()).propose(grad, this.recipe.lr);
  }

  /** The seeded random unit direction number j (the same for a seed at every step). */
  randomDirection(j: number): Float64Array {
    return randomUnit(this.mlp.size, (this.seed + RANDOM_SEED_OFFSET + 7919 * j) >>> 0);
  }

  /** −∇L over the whole training set, normalised. */
  async gradientDirection(): Promise<Float64Array> {
    const { grad: g } = await this.ops.lossAndGrad(
      this.params,
      this.train.x,
      this.train.y,
      this.train.n,
    );
    const { v } = unit(g);
    for (let i = 0; i < v.length; i++) v[i] = -(v[i] ?? 0);
    return v;
  }

  async analyze(direction: BatchDirection): Promise<BatchAnalysis> {
    const p = await this.proposal();
    const stepNorm = norm(p);
    const v = direction === 'update' ? unit(p).v : this.randomDirection(0);
    const { n } = this.all;
    const { k } = this.mlp.shape;
    const { logits, a } = await this.ops.jvp(this.params, this.all.x, n, v);
    const radii = sampleRadii(a, n, k);
    const t = await this.testBaseline();
    return {
      ...this.info,
      step: this.step,
      data: this.data,
      direction,
      n,
      k,
      logits,
      a,
      labels: this.all.y.slice(),
      deltaA: radii.deltaA,
      rhoA: radii.rhoA,
      batchRhoA: radii.batchRhoA,
      argmax: radii.argmax,
      stepNorm,
      rRatio: Number.isFinite(radii.batchRhoA) ? stepNorm / radii.batchRhoA : 0,
      testLoss: t.loss,
      testAccuracy: t.accuracy,
    };
  }

  /** The unit vector of a sweep direction at the current state. */
  async sweepVector(direction: SweepDirection): Promise<Float64Array> {
    if (direction === 'update') return unit(await this.proposal()).v;
    if (direction === 'gradient') return this.gradientDirection();
    return this.randomDirection(Number(direction.slice('random-'.length)));
  }

  /** Test accuracy and loss before any step. */
  testBaseline(): Promise<{ loss: number; accuracy: number }> {
    return this.ops.evaluate(this.params, this.test.x, this.test.y, this.test.n);
  }

  /**
   * One sweep curve: for each r, one step θ + r·ρ_a(v)·v from the current parameters (which are
   * left unchanged), with ρ_a(v) over the whole data set; test accuracy and loss after / before.
   */
  async sweep(direction: SweepDirection, rs: ArrayLike<number>): Promise<SweepCurve> {
    const v = await this.sweepVector(direction);
    const radii = radiiFromDeltaA(await this.ops.deltaA(this.params, this.all.x, this.all.n, v));
    const before = await this.testBaseline();
    const accRetained = new Float64Array(rs.length);
    const lossRatio = new Float64Array(rs.length);
    const moved: ParamArray = new Float64Array(this.params.length);
    for (let q = 0; q < rs.length; q++) {
      const tau = (rs[q] ?? 0) * radii.batchRhoA;
      for (let i = 0; i < moved.length; i++) moved[i] = (this.params[i] ?? 0) + tau * (v[i] ?? 0);
      const after = await this.ops.evaluate(moved, this.test.x, this.test.y, this.test.n);
      accRetained[q] = before.accuracy > 0 ? after.accuracy / before.accuracy : NaN;
      lossRatio[q] = before.loss > 0 ? after.loss / before.loss : NaN;
    }
    return { ...this.info, direction, rhoA: radii.batchRhoA, accRetained, lossRatio };
  }
}
