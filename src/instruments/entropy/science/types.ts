/** Parameters of the entropy instrument's model (SPEC §4; issue 9), shared by science/ and kernels/. */

/** `pg`: exact expected policy gradient; `npg`: natural PG; `grpo`: sampled, G rollouts per prompt. */
export type Alg = 'pg' | 'npg' | 'grpo';
export type Method = 'none' | 'bonus' | 'clip-cov' | 'kl-cov' | 'steer' | 'div';
/** Divergence to the initial policy for `method=div` (DPH-RL, Li et al. arXiv:2509.07430). */
export type Divergence = 'rkl' | 'fkl' | 'js';

export const ALGS: readonly Alg[] = ['pg', 'npg', 'grpo'];
export const METHODS: readonly Method[] = ['none', 'bonus', 'clip-cov', 'kl-cov', 'steer', 'div'];
export const DIVERGENCES: readonly Divergence[] = ['rkl', 'fkl', 'js'];

/** How a step updates the logits. Names follow the link fields of issue 9. */
export interface UpdateParams {
  readonly alg: Alg;
  readonly method: Method;
  /** Learning rate η. */
  readonly lr: number;
  /** Sampling temperature T: the policy is softmax(z / T), the distribution rollouts come from. */
  readonly temp: number;
  /** Rollouts per prompt for `grpo` (4–64). */
  readonly G: number;
  /** Entropy-bonus coefficient (`coef`). */
  readonly coef: number;
  /** Clip-Cov: fraction r of tokens to detach, and the covariance window (ω_low, ω_high). */
  readonly clipR: number;
  readonly wLow: number;
  readonly wHigh: number;
  /** KL-Cov: fraction k of tokens (not the code's percentage) and penalty β. */
  readonly klK: number;
  readonly klBeta: number;
  /** STEER's lower weight w_min (0.8 in zz-haooo/STEER). */
  readonly steerWMin: number;
  readonly div: Divergence;
  readonly divCoef: number;
}

/** Defaults from SPEC §4: Clip-Cov r=2e-4, ω=(1,5); KL-Cov k=2e-3, β=1; STEER w_min=0.8. */
export const DEFAULT_UPDATE: UpdateParams = {
  alg: 'pg',
  method: 'none',
  lr: 1,
  temp: 1,
  G: 8,
  coef: 0.01,
  clipR: 2e-4,
  wLow: 1,
  wHigh: 5,
  klK: 2e-3,
  klBeta: 1,
  steerWMin: 0.8,
  div: 'fkl',
  divCoef: 0.1,
};

/** The prompts, their rewards and the initial logits. */
export interface ProblemSpec {
  readonly seed: number;
  /** Prompts (ignored when `rewards` is given: then B = 1). */
  readonly B: number;
  /** Actions per prompt (ignored when `rewards` is given: then K = rewards.length). */
  readonly K: number;
  readonly init: 'zero' | 'random';
  /** Standard deviation of the random initial logits. */
  readonly initScale: number;
  /** Explicit rewards of one bandit. */
  readonly rewards?: readonly number[];
  /** Explicit initial logits of that bandit (length K). */
  readonly z0?: readonly number[];
}

/** A built problem: row-major B×K arrays. */
export interface Problem {
  readonly B: number;
  readonly K: number;
  readonly rewards: Float64Array;
  /** 1 where the action is a correct answer (reward equal to the prompt's best, and > 0). */
  readonly correct: Uint8Array;
  readonly z0: Float64Array;
}
