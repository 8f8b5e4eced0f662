/**
 * One run's history: the per-step means of an EntropyEngine, the running fit of R = −a·e^H + b,
 * and the initial per-prompt pass rates for pass@k. Arrays grow by doubling, never per step.
 */
import { EntropyEngine, type StepMeans } from './engine';
import type { SeqEngine } from './seqEngine';
import { ExpLawAccumulator, type ExpLawFit } from './fit';
import { passAtK } from './passAtK';
import type { Problem, UpdateParams } from './types';

class Series {
  data = new Float64Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return i >= 0 && i < this.length ? (this.data[i] ?? NaN) : NaN;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** What a trajectory steps: the bandit's EntropyEngine or task=seq's SeqEngine. */
export type StepEngine = EntropyEngine | SeqEngine;

export class Trajectory {
  /** H_t and R_t for t = 0..step (after t updates). */
  readonly H = new Series();
  readonly R = new Series();
  /** P_t: mean π-mass of the correct answers. */
  readonly P = new Series();
  /** C_t for update t (from step t to t+1). */
  readonly C = new Series();
  readonly initialPassRates: Float64Array;
  private readonly fitAcc = new ExpLawAccumulator();
  private readonly means: StepMeans = { H: 0, R: 0, C: 0, P: 0 };

  /** The bandit's trajectory. */
  static bandit(problem: Problem, params: UpdateParams, seed: number): Trajectory {
    return new Trajectory(new EntropyEngine(problem, params, seed));
  }

  constructor(readonly engine: StepEngine) {
    this.initialPassRates = this.engine.promptPassRates();
    this.engine.measure(this.means);
    this.record();
  }

  get step(): number {
    return this.engine.step;
  }

  /** One update; the means before it were already recorded, so it records those after it. */
  advance(): void {
    this.engine.advance(this.means);
    this.C.push(this.means.C);
    this.engine.measure(this.means);
    this.record();
  }

  fit(): ExpLawFit {
    return this.fitAcc.fit();
  }

  /** pass@k of the current policies and of the initial ones. */
  passAtK(k: number): { current: number; initial: number } {
    return {
      current: passAtK(this.engine.promptPassRates(), k),
      initial: passAtK(this.initialPassRates, k),
    };
  }

  private record(): void {
    this.H.push(this.means.H);
    this.R.push(this.means.R);
    this.P.push(this.means.P);
    this.fitAcc.add(this.means.H, this.means.R);
  }
}
