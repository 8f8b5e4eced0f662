/**
 * The two runs of a view (the method and its no-intervention baseline, from one seed) on the CPU
 * (science/runner.ts, f64) or on the GPU (kernels/entropyGpu.ts, f32), behind one interface the
 * engine steps and reads rows from.
 */
import { EntropyGpu } from '../kernels/entropyGpu';
import {
  EntropyRun,
  buildProblem,
  softmaxRow,
  type EntropyRunConfig,
  type Problem,
  type Trajectory,
} from '../science';
import type { EntropySnapshot, RunRows } from './rows';

export interface Runs {
  readonly step: number;
  readonly B: number;
  readonly K: number;
  /** n more updates of both runs. */
  advance(n: number): Promise<void>;
  rows(from: number): { method: RunRows; baseline: RunRows };
  pass(): Promise<EntropySnapshot['pass']>;
  points(): Promise<EntropySnapshot['points']>;
  destroy(): void;
}

const slice = (t: Trajectory['H'], from: number, to: number): Float64Array =>
  Float64Array.from({ length: Math.max(0, to - from) }, (_, i) => t.at(from + i));

function trajRows(t: Trajectory, from: number): RunRows {
  const s = t.step;
  return {
    H: slice(t.H, from, s + 1),
    R: slice(t.R, from, s + 1),
    P: slice(t.P, from, s + 1),
    C: slice(t.C, from, s),
  };
}

/** Log π and A = r − J of a bandit row, from its logits. */
function banditPoints(
  z: ArrayLike<number>,
  problem: Problem,
  temp: number,
): EntropySnapshot['points'] {
  const { K, rewards } = problem;
  const pi = new Float64Array(K);
  const logPi = new Float64Array(K);
  softmaxRow(z, 0, K, 1 / temp, pi, logPi);
  let J = 0;
  for (let j = 0; j < K; j++) J += (pi[j] ?? 0) * (rewards[j] ?? 0);
  return { logPi, adv: Float64Array.from({ length: K }, (_, j) => (rewards[j] ?? 0) - J) };
}

export class CpuRuns implements Runs {
  private readonly run: EntropyRun;
  constructor(readonly config: EntropyRunConfig) {
    this.run = new EntropyRun(config);
  }
  get step(): number {
    return this.run.step;
  }
  get B(): number {
    return this.run.problem.B;
  }
  get K(): number {
    return this.run.problem.K;
  }
  advance(n: number): Promise<void> {
    for (let i = 0; i < n; i++) this.run.advance();
    return Promise.resolve();
  }
  rows(from: number) {
    return { method: trajRows(this.run.method, from), baseline: trajRows(this.run.baseline, from) };
  }
  pass(): Promise<EntropySnapshot['pass']> {
    return Promise.resolve({
      method: this.run.method.engine.promptPassRates(),
      baseline: this.run.baseline.engine.promptPassRates(),
      initial: this.run.method.initialPassRates.slice(),
    });
  }
  points(): Promise<EntropySnapshot['points']> {
    const e = this.run.method.engine;
    if ('firstState' in e) return Promise.resolve(e.firstState(0));
    return Promise.resolve(banditPoints(e.z, e.problem, this.config.update.temp));
  }
  destroy(): void {}
}

/** A growable f64 column. */
class Column {
  data = new Float64Array(256);
  length = 0;
  set(i: number, v: number): void {
    while (i >= this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
    this.length = Math.max(this.length, i + 1);
  }
  range(from: number, to: number): Float64Array {
    return this.data.slice(from, Math.max(from, to));
  }
}

class GpuRun {
  readonly H = new Column();
  readonly R = new Column();
  readonly P = new Column();
  readonly C = new Column();
  passRates = new Float64Array(0);
  firstRow: Float32Array = new Float32Array(0);
  constructor(readonly gpu: EntropyGpu) {}

  async advance(n: number): Promise<void> {
    const { history, passRates, firstStep, firstRow } = await this.gpu.run(n);
    this.firstRow = firstRow;
    for (let i = 0; i <= n; i++) {
      const t = firstStep + i;
      this.H.set(t, history[4 * i] ?? NaN);
      this.R.set(t, history[4 * i + 1] ?? NaN);
      this.P.set(t, history[4 * i + 3] ?? NaN);
      if (i < n) this.C.set(t, history[4 * i + 2] ?? NaN);
    }
    this.passRates = Float64Array.from(passRates);
  }

  rows(from: number): RunRows {
    const s = this.gpu.step;
    return {
      H: this.H.range(from, s + 1),
      R: this.R.range(from, s + 1),
      P: this.P.range(from, s + 1),
      C: this.C.range(from, s),
    };
  }
}

export class GpuRuns implements Runs {
  private constructor(
    private readonly problem: Problem,
    private readonly temp: number,
    private readonly method: GpuRun,
    private readonly baseline: GpuRun,
    private readonly initial: Float64Array,
  ) {}

  /** Both runs at step 0 (pipelines compiled, step 0 measured). */
  static async create(device: GPUDevice, config: EntropyRunConfig): Promise<GpuRuns> {
    const problem = buildProblem(config.problem);
    const seed = config.problem.seed;
    const [m, b] = await Promise.all([
      EntropyGpu.create(device, problem, config.update, seed),
      EntropyGpu.create(device, problem, { ...config.update, method: 'none' }, seed),
    ]);
    const method = new GpuRun(m);
    const baseline = new GpuRun(b);
    await Promise.all([method.advance(0), baseline.advance(0)]);
    return new GpuRuns(problem, config.update.temp, method, baseline, method.passRates.slice());
  }

  get step(): number {
    return this.method.gpu.step;
  }
  get B(): number {
    return this.problem.B;
  }
  get K(): number {
    return this.problem.K;
  }
  async advance(n: number): Promise<void> {
    // Both runs are queued before either is awaited, so their submissions overlap.
    await Promise.all([this.method.advance(n), this.baseline.advance(n)]);
  }
  rows(from: number) {
    return { method: this.method.rows(from), baseline: this.baseline.rows(from) };
  }
  pass(): Promise<EntropySnapshot['pass']> {
    return Promise.resolve({
      method: this.method.passRates.slice(),
      baseline: this.baseline.passRates.slice(),
      initial: this.initial.slice(),
    });
  }
  /** From the row that came back with the last step (no extra round trip). */
  points(): Promise<EntropySnapshot['points']> {
    return Promise.resolve(banditPoints(this.method.firstRow, this.problem, this.temp));
  }
  destroy(): void {
    this.method.gpu.destroy();
    this.baseline.gpu.destroy();
  }
}
