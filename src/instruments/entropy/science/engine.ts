/**
 * The CPU engine: all B prompts of one run (one method), stepped in f64 with no allocation per
 * step. Deterministic: the state after N steps depends only on (problem, params, seed, N).
 */
import { STAT, Workspace, stepPrompt, type DrawKey } from './step';
import { softmaxRow } from './policy';
import type { Problem, UpdateParams } from './types';

/** Means over prompts: entropy H (nats), expected reward R = Σπr, C (see step.ts), P = Σ_correct π. */
export interface StepMeans {
  H: number;
  R: number;
  C: number;
  P: number;
}

export class EntropyEngine {
  readonly z: Float64Array;
  /** log π_ref of the initial policy, for `method=div` (null otherwise). */
  readonly logRef: Float64Array | null;
  private readonly ws: Workspace;
  private readonly stats = new Float64Array(4);
  private readonly key: DrawKey;
  private steps = 0;

  constructor(
    readonly problem: Problem,
    readonly params: UpdateParams,
    readonly seed: number,
  ) {
    const { B, K } = problem;
    this.z = Float64Array.from(problem.z0);
    this.key = { seed: seed >>> 0, step: 0, prompt: 0 };
    this.ws = new Workspace(K, Math.max(1, params.G));
    this.logRef = null;
    if (params.method === 'div') {
      const logRef = new Float64Array(B * K);
      for (let b = 0; b < B; b++) {
        softmaxRow(problem.z0, b * K, K, 1 / params.temp, this.ws.pi, this.ws.logPi);
        logRef.set(this.ws.logPi.subarray(0, K), b * K);
      }
      this.logRef = logRef;
    }
  }

  /** Updates taken so far. */
  get step(): number {
    return this.steps;
  }

  /** One update of every prompt; `out` receives the means measured before it. */
  advance(out: StepMeans): void {
    this.run(true, out);
    this.steps++;
  }

  /** Measures the current policies without updating (C is 0). */
  measure(out: StepMeans): void {
    this.run(false, out);
  }

  /** Per-prompt probability that one sample is correct (for pass@k). */
  promptPassRates(out: Float64Array = new Float64Array(this.problem.B)): Float64Array {
    const { B, K, correct } = this.problem;
    const { pi, logPi } = this.ws;
    for (let b = 0; b < B; b++) {
      softmaxRow(this.z, b * K, K, 1 / this.params.temp, pi, logPi);
      let p = 0;
      for (let j = 0; j < K; j++) if (correct[b * K + j] === 1) p += pi[j] ?? 0;
      out[b] = p;
    }
    return out;
  }

  private run(update: boolean, out: StepMeans): void {
    const { B, K, rewards, correct } = this.problem;
    const { stats } = this;
    let H = 0;
    let R = 0;
    let C = 0;
    let P = 0;
    for (let b = 0; b < B; b++) {
      this.key.step = this.steps;
      this.key.prompt = b;
      stepPrompt(
        this.z,
        rewards,
        correct,
        this.logRef,
        K,
        this.params,
        this.key,
        this.ws,
        update,
        stats,
      );
      H += stats[STAT.H] ?? 0;
      R += stats[STAT.R] ?? 0;
      C += stats[STAT.C] ?? 0;
      P += stats[STAT.P] ?? 0;
    }
    out.H = H / B;
    out.R = R / B;
    out.C = C / B;
    out.P = P / B;
  }
}
