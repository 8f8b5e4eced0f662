/**
 * The learning-rate-spike experiment of Sao 2026 (§6, Fig. 4; repo `experiments/lrspike/run.py`):
 * an MLP trained with Adam whose learning rate jumps by `spike`× at step `at` for `hold` steps,
 * under three step rules — plain Adam, Adam on a norm-clipped gradient, and Adam whose proposed
 * update p is scaled by the ρ_a controller s = min(1, ρ_a/‖p‖).
 *
 * Deterministic: the seed fixes the initial weights and the batch order (the same for all three
 * modes), so a run can be replayed to any step, or paused and resumed from a snapshot. The passes
 * (gradient, JVP, test evaluation) go through MlpOps: the f64 oracle gives the same numbers on every
 * machine; the WGSL kernels give the same numbers on one device.
 */
import { subset, type Dataset } from '../../../science/data/digits';
import { Rng, type RngState } from '../../../science/rng';
import { Adam, apply, norm, type AdamSnapshot } from '../../../models/mlp/adam';
import { Mlp, type Activation } from '../../../models/mlp/mlp';
import { cpuOps, type MlpOps } from '../../../models/mlp/ops';
import { controllerScale, radiiFromDeltaA } from './sampleRadii';

export type SpikeMode = 'plain' | 'clip' | 'controller';

export interface SpikeConfig {
  seed: number;
  /** Number of optimiser steps. */
  steps: number;
  /** First step (0-based) of the spike. */
  at: number;
  /** Learning-rate multiplier during the spike (the paper uses 1000). */
  spike: number;
  /** How many steps the spike lasts (the paper's spike runs to the end: steps − at). */
  hold: number;
  baseLr: number;
  batchSize: number;
  mode: SpikeMode;
  /** Hidden width; 128 as in the paper. */
  hidden?: number;
  /** Hidden activation; ReLU as in the paper. */
  activation?: Activation;
  /** Gradient-norm ceiling of mode 'clip'; 1 unless set. */
  clipNorm?: number;
  /** Test accuracy is measured after every evalEvery-th step and after the last; 1 unless set. */
  evalEvery?: number;
  /**
   * Samples over which ρ_a = π/max_x Δ_a(x) is taken: the current batch (SPEC §1, Def. 4.7 with
   * S the batch; the default) or the whole training set (what the paper's repo does).
   */
  radiusOn?: 'batch' | 'train';
}

export interface SpikeData {
  train: Dataset;
  test: Dataset;
}

export interface SpikeRecord {
  /** 0-based step index. */
  step: number;
  /** Learning rate of this step. */
  lr: number;
  /** Mean cross-entropy of this step's batch, before the update. */
  loss: number;
  /** Batch accuracy before the update. */
  batchAccuracy: number;
  /** Test accuracy after the update; null on steps that were not evaluated. */
  testAccuracy: number | null;
  /** ‖g‖ of the batch gradient before any clipping. */
  gradNorm: number;
  /** ‖p‖, Adam's proposed update at this step's learning rate. */
  pNorm: number;
  /** Scale applied to p: the controller's s, else 1. */
  scale: number;
  /** τ = ‖applied update‖ = scale·‖p‖. */
  tau: number;
  /** ρ_a along the applied direction p/‖p‖, at the parameters before the update. */
  rhoA: number;
  /** r = τ/ρ_a (Def. 5.1, Eq. 17); ≤ 1 under the controller. */
  r: number;
  /** Training-set index of the sample with the largest Δ_a (the one that sets ρ_a). */
  argmaxSample: number;
}

export interface SpikeSnapshot {
  readonly step: number;
  readonly params: Float32Array;
  readonly adam: AdamSnapshot;
  readonly sampler: SamplerSnapshot;
  readonly records: readonly SpikeRecord[];
}

interface SamplerSnapshot {
  readonly rng: RngState;
  readonly perm: Uint32Array;
  readonly pos: number;
}

/** Learning rate at a step: baseLr, times `spike` on steps at ≤ step < at + hold. */
export function lrAt(config: SpikeConfig, step: number): number {
  const spiking = step >= config.at && step < config.at + config.hold;
  return config.baseLr * (spiking ? config.spike : 1);
}

/** Epoch-wise shuffled mini-batches; the last batch of an epoch may be short, as in the repo. */
class BatchSampler {
  private rng: Rng;
  private perm: Uint32Array;
  private pos = 0;

  constructor(
    private readonly n: number,
    private readonly size: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.perm = this.rng.permutation(n);
  }

  next(): Uint32Array {
    if (this.pos >= this.n) {
      this.perm = this.rng.permutation(this.n);
      this.pos = 0;
    }
    const batch = this.perm.slice(this.pos, Math.min(this.pos + this.size, this.n));
    this.pos += batch.length;
    return batch;
  }

  snapshot(): SamplerSnapshot {
    return { rng: this.rng.snapshot(), perm: this.perm.slice(), pos: this.pos };
  }

  restore(s: SamplerSnapshot): void {
    this.rng = Rng.restore(s.rng);
    this.perm = s.perm.slice();
    this.pos = s.pos;
  }
}

/** Gathers rows idx of data into contiguous x/y for the kernels. */
function classCount(data: SpikeData): number {
  let k = 0;
  for (const set of [data.train, data.test]) for (const label of set.y) k = Math.max(k, label + 1);
  return Math.max(k, 2);
}

/** Seed offset of the batch stream, so batches do not replay the initialisation's draws. */
const BATCH_SEED_OFFSET = 0x9e3779b9;

export class SpikeRun {
  readonly config: Required<SpikeConfig>;
  readonly mlp: Mlp;
  readonly ops: MlpOps;
  readonly records: SpikeRecord[] = [];
  private params: Float32Array;
  private adam: Adam;
  private readonly sampler: BatchSampler;

  constructor(
    config: SpikeConfig,
    private readonly data: SpikeData,
    makeOps: (mlp: Mlp) => MlpOps = cpuOps,
  ) {
    this.config = {
      hidden: 128,
      activation: 'relu',
      clipNorm: 1,
      evalEvery: 1,
      radiusOn: 'batch',
      ...config,
    };
    const { steps, batchSize, evalEvery } = this.config;
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be ≥ 0`);
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be ≥ 1`);
    if (!Number.isInteger(evalEvery) || evalEvery < 1)
      throw new RangeError(`evalEvery must be ≥ 1`);
    if (data.train.n < 1) throw new RangeError('the training set is empty');
    if (data.train.d !== data.test.d) throw new RangeError('train and test widths differ');
    this.mlp = new Mlp({
      d: data.train.d,
      h: this.config.hidden,
      k: classCount(data),
      activation: this.config.activation,
    });
    this.ops = makeOps(this.mlp);
    this.params = this.mlp.init(new Rng(config.seed));
    this.adam = new Adam(this.mlp.size);
    this.sampler = new BatchSampler(
      data.train.n,
      batchSize,
      (config.seed + BATCH_SEED_OFFSET) >>> 0,
    );
  }

  /** Steps taken so far. */
  get stepIndex(): number {
    return this.records.length;
  }

  get done(): boolean {
    return this.records.length >= this.config.steps;
  }

  /** A copy of the current parameters (layout: see mlp.ts). */
  parameters(): Float32Array {
    return this.params.slice();
  }

  /** Test accuracy of the current parameters. */
  async testAccuracy(): Promise<number> {
    const { test } = this.data;
    return (await this.ops.evaluate(this.params, test.x, test.y, test.n)).accuracy;
  }

  /** Takes one optimiser step and returns its record; throws once all steps are taken. */
  async step(): Promise<SpikeRecord> {
    if (this.done) throw new RangeError(`all ${this.config.steps} steps are taken`);
    const { mode, clipNorm, evalEvery, radiusOn, steps } = this.config;
    const { train } = this.data;
    const t = this.records.length;
    const lr = lrAt(this.config, t);

    const idx = this.sampler.next();
    const batch = subset(train, idx);
    const { loss, grad, accuracy } = await this.ops.lossAndGrad(
      this.params,
      batch.x,
      batch.y,
      idx.length,
    );
    const gradNorm = norm(grad);
    if (mode === 'clip' && gradNorm > clipNorm) {
      const c = clipNorm / gradNorm;
      for (let i = 0; i < grad.length; i++) grad[i] = (grad[i] ?? 0) * c;
    }
    const p = this.adam.propose(grad, lr);
    const pNorm = norm(p);

    // ρ_a along the unit direction of p, so it is a distance in parameter space like τ.
    let rhoA = Infinity;
    let argmaxSample = -1;
    if (pNorm > 0) {
      const u = new Float64Array(p.length);
      for (let i = 0; i < p.length; i++) u[i] = (p[i] ?? 0) / pNorm;
      const onBatch = radiusOn === 'batch';
      const xs = onBatch ? batch.x : train.x;
      const n = onBatch ? idx.length : train.n;
      const radii = radiiFromDeltaA(await this.ops.deltaA(this.params, xs, n, u));
      rhoA = radii.batchRhoA;
      argmaxSample = onBatch ? (idx[radii.argmax] ?? -1) : radii.argmax;
    }
    const scale = mode === 'controller' ? controllerScale(rhoA, pNorm).s : 1;
    const tau = scale * pNorm;
    apply(this.params, p, scale);

    const evaluate = (t + 1) % evalEvery === 0 || t + 1 === steps;
    const testAccuracy = evaluate ? await this.testAccuracy() : null;
    const record: SpikeRecord = {
      step: t,
      lr,
      loss,
      batchAccuracy: accuracy,
      testAccuracy,
      gradNorm,
      pNorm,
      scale,
      tau,
      rhoA,
      // Def. 5.1, Eq. 17: r = τ/ρ_a.
      r: rhoA === Infinity ? 0 : tau / rhoA,
      argmaxSample,
    };
    this.records.push(record);
    return record;
  }

  /** Steps until `stepIndex === n` (or the end); returns the records taken. */
  async runTo(n: number): Promise<SpikeRecord[]> {
    const out: SpikeRecord[] = [];
    while (!this.done && this.records.length < n) out.push(await this.step());
    return out;
  }

  /** Steps to the end; returns the records taken. */
  runAll(): Promise<SpikeRecord[]> {
    return this.runTo(this.config.steps);
  }

  /** Everything needed to resume exactly here (copies, so the run can go on). */
  snapshot(): SpikeSnapshot {
    return {
      step: this.records.length,
      params: this.params.slice(),
      adam: this.adam.snapshot(),
      sampler: this.sampler.snapshot(),
      records: this.records.slice(),
    };
  }

  /** Rewinds (or fast-forwards) to a snapshot taken from a run with the same config and data. */
  restore(s: SpikeSnapshot): void {
    this.params = s.params.slice();
    this.adam = Adam.restore(s.adam);
    this.sampler.restore(s.sampler);
    this.records.length = 0;
    this.records.push(...s.records);
  }
}

/** Starts a spike run (on the CPU oracle unless makeOps says otherwise); step() advances it. */
export function runSpike(
  config: SpikeConfig,
  data: SpikeData,
  makeOps?: (mlp: Mlp) => MlpOps,
): SpikeRun {
  return new SpikeRun(config, data, makeOps);
}
