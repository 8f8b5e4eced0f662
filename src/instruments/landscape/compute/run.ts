/**
 * One training run of the landscape view: the seeded Trainer (f64 update), its gradient on the
 * GPU kernel or the f64 CPU path, the batch-loss history and a thinned trajectory of θ for the
 * PCA directions. Stepping backwards replays from the seed, so step=N is always the same θ.
 */
import { Trainer } from '../science/train';
import { lossAndGradient } from '../science/gradient';
import type { MlpShape, Samples } from '../science/shape';
import type { GradKernel } from '../kernels/grad';

/** What a run needs of the gradient kernel (a test stand-in provides the same). */
export type GradEvaluator = Pick<GradKernel, 'evaluate'>;
import type { TrainSettings } from './protocol';

/** Trajectory points kept for PCA: beyond this, every other point is dropped and the stride doubles. */
const TRAJECTORY_MAX = 256;

export class LandscapeRun {
  readonly settings: TrainSettings;
  readonly shape: MlpShape;
  readonly data: Samples;
  private trainer: Trainer;
  private readonly grad: GradEvaluator | null;
  history: number[] = [];
  /** θ at steps 0, stride, 2·stride, … (the current θ is added when PCA is asked for). */
  trajectory: Float64Array[] = [];
  private stride = 1;

  constructor(settings: TrainSettings, shape: MlpShape, data: Samples, grad: GradEvaluator | null) {
    this.settings = settings;
    this.shape = shape;
    this.data = data;
    this.grad = grad;
    this.trainer = this.fresh();
  }

  get onGpu(): boolean {
    return this.grad !== null;
  }

  get step(): number {
    return this.trainer.step;
  }

  get theta(): Float64Array {
    return this.trainer.theta;
  }

  get theta0(): Float64Array {
    return this.trainer.theta0;
  }

  private fresh(): Trainer {
    const s = this.settings;
    const t = new Trainer(
      { shape: this.shape, opt: s.opt, lr: s.lr, wd: s.wd, batch: s.batch, seed: s.seed },
      this.data,
    );
    this.history = [];
    this.trajectory = [t.theta.slice()];
    this.stride = 1;
    return t;
  }

  /** Back to step 0 (a later target replays from the seed). */
  rewind(): void {
    this.trainer = this.fresh();
  }

  /** One optimiser step: the gradient of the next batch on the GPU or in f64, the update in f64. */
  async advance(): Promise<void> {
    const t = this.trainer;
    const rows = t.nextBatch();
    const g = this.grad
      ? await this.grad.evaluate(t.theta, rows)
      : lossAndGradient(this.shape, t.theta, this.data, rows);
    t.applyGradient(g.grad);
    this.history.push(g.loss);
    if (t.step % this.stride === 0) {
      this.trajectory.push(t.theta.slice());
      if (this.trajectory.length > TRAJECTORY_MAX) {
        this.trajectory = this.trajectory.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
  }
}
