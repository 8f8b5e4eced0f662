/**
 * `model=mlp`: the penultimate layer of a real network instead of free features. The shared
 * digits MLP (64 → 128 ReLU → 10, src/models/mlp) is trained full-batch on all 1,797 shipped
 * 8×8 digits with Adam (lr 1e-3 × α) and weight decay λ_W on every weight; its hidden
 * activations are the features h_i and its output layer is the classifier W, b. The same NC
 * metrics are measured on them. f64 CPU oracle only, so a step= link replays exactly anywhere.
 */
import type { Provenance } from '../../../gpu/choice';
import { Adam, apply, type AdamSnapshot } from '../../../models/mlp/adam';
import { Mlp } from '../../../models/mlp/mlp';
import type { Dataset } from '../../../science/data/digits';
import { Rng } from '../../../science/rng';
import { ncStats } from '../science';
import type { Measured, StepBackend } from './backend';

export const MLP_HIDDEN = 128;
const BASE_LR = 1e-3;
const SNAPSHOT_EVERY = 100;

/** Hidden activations relu(W1 x + b1) of every sample (N×h): the penultimate features. */
export function penultimate(mlp: Mlp, params: Float32Array, x: Float32Array, n: number) {
  const { d, h } = mlp.shape;
  const { w1, b1 } = mlp.layout;
  const out = new Float64Array(n * h);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < h; j++) {
      let s = params[b1 + j] ?? 0;
      for (let q = 0; q < d; q++) s += (params[w1 + j * d + q] ?? 0) * (x[i * d + q] ?? 0);
      out[i * h + j] = Math.max(0, s);
    }
  return out;
}

interface Snap {
  params: Float32Array;
  adam: AdamSnapshot;
}

export class MlpBackend implements StepBackend {
  readonly mlp: Mlp;
  readonly counts: number[];
  private params: Float32Array;
  private adam: Adam;
  private t = 0;
  private readonly snapshots = new Map<number, Snap>();

  constructor(
    readonly data: Dataset,
    readonly seed: number,
    readonly lamW: number,
    readonly alpha: number,
    readonly provenance: Provenance,
  ) {
    this.mlp = new Mlp({ d: data.d, h: MLP_HIDDEN, k: 10, activation: 'relu' });
    this.params = this.mlp.init(new Rng(seed));
    this.adam = new Adam(this.mlp.size);
    this.counts = Array.from({ length: 10 }, () => 0);
    for (const y of data.y) this.counts[y] = (this.counts[y] ?? 0) + 1;
    this.snapshots.set(0, this.snap());
  }

  private snap(): Snap {
    return { params: Float32Array.from(this.params), adam: this.adam.snapshot() };
  }

  get step(): number {
    return this.t;
  }

  seek(n: number): Promise<void> {
    if (n < this.t) {
      const at = Math.floor(n / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
      const s = this.snapshots.get(at) ?? this.snapshots.get(0);
      if (s) {
        this.params = Float32Array.from(s.params);
        this.adam = Adam.restore(s.adam);
        this.t = this.snapshots.has(at) ? at : 0;
      }
    }
    const { x, y, n: N } = this.data;
    while (this.t < n) {
      const { grad } = this.mlp.lossAndGrad(this.params, x, y, N);
      // Weight decay on the weights (not the biases), as the UFM decays W and H.
      const { w1, b1, w2, b2 } = this.mlp.layout;
      for (let q = w1; q < b1; q++) grad[q] = (grad[q] ?? 0) + this.lamW * (this.params[q] ?? 0);
      for (let q = w2; q < b2; q++) grad[q] = (grad[q] ?? 0) + this.lamW * (this.params[q] ?? 0);
      apply(this.params, this.adam.propose(grad, BASE_LR * this.alpha), 1);
      this.t++;
      if (this.t % SNAPSHOT_EVERY === 0 && !this.snapshots.has(this.t))
        this.snapshots.set(this.t, this.snap());
    }
    return Promise.resolve();
  }

  measure(withFeatures: boolean): Promise<Measured> {
    const { x, y, n } = this.data;
    const X = penultimate(this.mlp, this.params, x, n);
    const { w2, b2 } = this.mlp.layout;
    const W = Float64Array.from(this.params.subarray(w2, b2));
    const b = Float64Array.from(this.params.subarray(b2, b2 + 10));
    const { loss } = this.mlp.lossAndGrad(this.params, x, y, n);
    let w2sum = 0;
    const { w1, b1 } = this.mlp.layout;
    for (let q = w1; q < b1; q++) w2sum += (this.params[q] ?? 0) ** 2;
    for (const v of W) w2sum += v * v;
    return Promise.resolve({
      loss: loss + 0.5 * this.lamW * w2sum,
      stats: ncStats(X, y, this.counts, W, b, MLP_HIDDEN),
      W,
      X: withFeatures ? X : null,
      labels: y,
    });
  }

  destroy(): void {
    this.snapshots.clear();
  }
}
