/**
 * The instrument's run: the chosen method and the no-intervention baseline, from the same seed
 * and problem (the same counter-RNG draws at every step), deterministic, replayable to any step.
 */
import { buildProblem } from './problem';
import { SeqEngine } from './seqEngine';
import { buildSeqProblem, type SeqProblem } from './seqProblem';
import { Trajectory } from './trajectory';
import type { Problem, ProblemSpec, UpdateParams } from './types';

export interface EntropyRunConfig {
  readonly problem: ProblemSpec;
  readonly update: UpdateParams;
  /** task=seq: answers of L tokens (seqProblem.ts); absent for the bandit. */
  readonly seq?: { readonly L: number };
}

/** Readouts of one run at its current step (names of issue 9 in camelCase). */
export interface RunReadouts {
  readonly step: number;
  readonly entropy: number;
  readonly reward: number;
  /** Of the last update (NaN at step 0): C, −η·C and H_t − H_{t−1}. */
  readonly cov: number;
  readonly dhPred: number;
  readonly dhActual: number;
  readonly fitA: number;
  readonly fitB: number;
  readonly fitR2: number;
  readonly ceiling: number;
  readonly passAt1: number;
  readonly passAtK: number;
  readonly initialPassAtK: number;
}

export class EntropyRun {
  readonly problem: Problem | SeqProblem;
  private runs: { method: Trajectory; baseline: Trajectory };

  constructor(readonly config: EntropyRunConfig) {
    this.problem = config.seq
      ? buildSeqProblem({ ...config.problem, L: config.seq.L })
      : buildProblem(config.problem);
    this.runs = this.fresh();
  }

  get method(): Trajectory {
    return this.runs.method;
  }

  get baseline(): Trajectory {
    return this.runs.baseline;
  }

  get step(): number {
    return this.method.step;
  }

  reset(): void {
    this.runs = this.fresh();
  }

  private fresh(): { method: Trajectory; baseline: Trajectory } {
    const { update, problem } = this.config;
    const make = (u: UpdateParams): Trajectory =>
      'L' in this.problem
        ? new Trajectory(new SeqEngine(this.problem, u, problem.seed))
        : Trajectory.bandit(this.problem, u, problem.seed);
    return { method: make(update), baseline: make({ ...update, method: 'none' }) };
  }

  /** Plays forward to step n (replaying from the seed when n is behind the current step). */
  stepTo(n: number, onProgress?: (done: number) => void): void {
    if (n < this.step) this.reset();
    while (this.step < n) {
      this.advance();
      if (onProgress && this.step % 64 === 0) onProgress(this.step);
    }
  }

  advance(): void {
    this.method.advance();
    this.baseline.advance();
  }

  readouts(k: number, which: 'method' | 'baseline' = 'method'): RunReadouts {
    const t = which === 'method' ? this.method : this.baseline;
    const s = t.step;
    const fit = t.fit();
    const cov = s > 0 ? t.C.at(s - 1) : NaN;
    const pass1 = t.passAtK(1);
    const passK = t.passAtK(k);
    return {
      step: s,
      entropy: t.H.at(s),
      reward: t.R.at(s),
      cov,
      dhPred: -this.config.update.lr * cov,
      dhActual: s > 0 ? t.H.at(s) - t.H.at(s - 1) : NaN,
      fitA: fit.a,
      fitB: fit.b,
      fitR2: fit.r2,
      ceiling: fit.ceiling,
      passAt1: pass1.current,
      passAtK: passK.current,
      initialPassAtK: passK.initial,
    };
  }
}
