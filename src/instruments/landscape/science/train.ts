/**
 * The f64 trainer: seeded initialisation, mini-batches from a seeded shuffle, SGD or Adam. Every
 * step is a pure function of (config, data, step count), so `step=N` replays bit for bit.
 */
import { Rng } from '../../../science/rng';
import { lossAndGradient } from './gradient';
import { initParams } from './init';
import { adamStep, newAdamState, sgdStep, type AdamState, type OptimiserId } from './optimiser';
import { checkShape, type MlpShape, type Samples } from './shape';

export interface TrainConfig {
  readonly shape: MlpShape;
  readonly opt: OptimiserId;
  readonly lr: number;
  /** Coupled L2 weight decay (optimiser.ts). */
  readonly wd: number;
  /** Mini-batch size; 0 or ≥ n means full batch. */
  readonly batch: number;
  readonly seed: number;
}

export interface StepResult {
  /** Steps taken so far (after this one). */
  step: number;
  /** Mean CE and accuracy of the batch at θ before the update (as the gradient saw it). */
  batchLoss: number;
  batchAccuracy: number;
}

// The batch shuffle draws from its own stream, so changing `batch` never changes the init.
const SHUFFLE_SALT = 0x9e3779b9;

export class Trainer {
  readonly config: TrainConfig;
  readonly data: Samples;
  readonly theta: Float64Array;
  /** θ after 0 steps, kept for the 1-D interpolation panel. */
  readonly theta0: Float64Array;
  step = 0;
  private readonly adam: AdamState;
  private readonly shuffle: Rng;
  private order: Uint32Array = new Uint32Array(0);
  private cursor = 0;

  constructor(config: TrainConfig, data: Samples) {
    checkShape(config.shape);
    if (data.d !== config.shape.inputs) {
      throw new RangeError(`data has ${data.d} features, the model takes ${config.shape.inputs}`);
    }
    this.config = config;
    this.data = data;
    this.theta = initParams(config.shape, config.seed);
    this.theta0 = this.theta.slice();
    this.adam = newAdamState(this.theta.length);
    this.shuffle = new Rng((config.seed ^ SHUFFLE_SALT) >>> 0);
  }

  /** Rows of the next mini-batch, or undefined for the full batch. */
  nextBatch(): Uint32Array | undefined {
    const { batch } = this.config;
    const n = this.data.n;
    if (batch <= 0 || batch >= n) return undefined;
    // Epochs of a fresh seeded permutation; a batch never straddles two epochs.
    if (this.cursor + batch > this.order.length) {
      this.order = this.shuffle.permutation(n);
      this.cursor = 0;
    }
    const rows = this.order.subarray(this.cursor, this.cursor + batch);
    this.cursor += batch;
    return rows;
  }

  /** One optimiser step with the f64 gradient of the next batch. */
  stepOnce(): StepResult {
    const rows = this.nextBatch();
    const g = lossAndGradient(this.config.shape, this.theta, this.data, rows);
    this.applyGradient(g.grad);
    return { step: this.step, batchLoss: g.loss, batchAccuracy: g.accuracy };
  }

  /**
   * The update half of a step, for a gradient computed elsewhere (the GPU kernel on the rows
   * nextBatch() returned): θ moves by the optimiser and the step count advances.
   */
  applyGradient(grad: Float64Array): void {
    const { opt, lr, wd } = this.config;
    if (opt === 'adam') adamStep(this.theta, grad, this.adam, lr, wd);
    else sgdStep(this.theta, grad, lr, wd);
    this.step += 1;
  }

  run(steps: number): void {
    for (let s = 0; s < steps; s++) this.stepOnce();
  }
}

/** θ after `steps` steps from the seed: the state a `step=N` link restores. */
export function trainedParams(config: TrainConfig, data: Samples, steps: number): Float64Array {
  const t = new Trainer(config, data);
  t.run(steps);
  return t.theta;
}
