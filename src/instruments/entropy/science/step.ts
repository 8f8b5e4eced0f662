/**
 * One update of one prompt's policy, in f64: the CPU path and the oracle of
 * shaders/entropy/step.wgsl. π = softmax(z / T). The update Δz (issue 9, SPEC §4):
 *   pg   Δz = (η/T) · π ⊙ (Ã − ⟨π, Ã⟩)              exact ∂J/∂z with A = r − J (Ã = A: SPEC's η·π⊙A)
 *   npg  Δz = η · Ã                                   tabular natural PG (SPEC: z += η·A)
 *   grpo Δz = (η/T) · (1/G) Σ_i Ã_i (e_{y_i} − π)     on-policy token-mean GRPO, ratio 1,
 *        A_i = (r_i − mean r)/(std r + 1e-6) over the prompt's G rollouts (population std, as
 *        the SPEC golden batch)
 * plus, for every alg, bonus: + η·coef·∇_z H with ∇_u H = −π ⊙ (log π + H), and
 * div: − η·divCoef·∇_z D(π, π_ref) (divergence.ts), π_ref the initial policy.
 * Ã is A changed by the covariance rule (exact.ts for pg/npg, tokens.ts for grpo).
 */
import { RNG_STREAM, counterU32, counterUniform } from '../../../science/counterRng';
import { divergenceGrad } from './divergence';
import { exactEffectiveAdvantage } from './exact';
import { softmaxRow } from './policy';
import { clipCovSelect, klCovSelect, softThreshold, steerWeights, tokenCov } from './tokens';
import type { UpdateParams } from './types';

/** Scratch rows for one prompt, allocated once per (K, G). */
export class Workspace {
  readonly pi: Float64Array;
  readonly logPi: Float64Array;
  readonly adv: Float64Array;
  readonly eff: Float64Array;
  readonly dz: Float64Array;
  readonly work: Float64Array;
  readonly act: Int32Array;
  readonly tokA: Float64Array;
  readonly tokLogPi: Float64Array;
  readonly tokPi: Float64Array;
  readonly tokH: Float64Array;
  readonly tokCov: Float64Array;
  readonly tokW: Float64Array;
  readonly keys: Float64Array;
  readonly sel: Uint8Array;

  constructor(K: number, G: number) {
    const rows = (): Float64Array => new Float64Array(K);
    const toks = (): Float64Array => new Float64Array(G);
    this.pi = rows();
    this.logPi = rows();
    this.adv = rows();
    this.eff = rows();
    this.dz = rows();
    this.work = rows();
    this.act = new Int32Array(G);
    this.tokA = toks();
    this.tokLogPi = toks();
    this.tokPi = toks();
    this.tokH = toks();
    this.tokCov = toks();
    this.tokW = toks();
    this.keys = toks();
    this.sel = new Uint8Array(G);
  }
}

/** Where a prompt's random draws come from: the counter RNG key (seed, step, prompt, ·). */
export interface DrawKey {
  seed: number;
  step: number;
  prompt: number;
}

/** Per-prompt measurements of the policy before the update: H, R = Σπr, C, P = Σ_correct π. */
export const STAT = { H: 0, R: 1, C: 2, P: 3 } as const;

/**
 * Measures row `b` into stats[0..4) and, when `update`, applies one step to z in place.
 * C = Cov_π(log π, Δz/T)/η, so dh-pred = −η·C: the first-order change of H for the step taken
 * (SPEC §4: −η·Cov(log π, π·A) for pg, −η·Cov(log π, A) for npg; for grpo the same covariance of
 * the sampled step, i.e. the prediction of this step's entropy change, not of its expectation).
 */
export function stepPrompt(
  z: Float64Array,
  rewards: Float64Array,
  correct: Uint8Array,
  logRef: Float64Array | null,
  K: number,
  p: UpdateParams,
  key: DrawKey,
  ws: Workspace,
  update: boolean,
  stats: Float64Array,
): void {
  const off = key.prompt * K;
  const invT = 1 / p.temp;
  const { pi, logPi, adv, eff, dz } = ws;
  const H = softmaxRow(z, off, K, invT, pi, logPi);
  let R = 0;
  let P = 0;
  for (let j = 0; j < K; j++) {
    R += (pi[j] ?? 0) * (rewards[off + j] ?? 0);
    if (correct[off + j] === 1) P += pi[j] ?? 0;
  }
  stats[STAT.H] = H;
  stats[STAT.R] = R;
  stats[STAT.P] = P;
  if (!update) {
    stats[STAT.C] = 0;
    return;
  }
  const eta = p.lr;
  if (p.alg === 'grpo') {
    grpoDirection(rewards, off, K, p, key, H, ws);
    for (let j = 0; j < K; j++) dz[j] = eta * invT * (dz[j] ?? 0);
  } else {
    for (let j = 0; j < K; j++) adv[j] = (rewards[off + j] ?? 0) - R;
    exactEffectiveAdvantage(p, pi, logPi, H, adv, K, eff, ws.work);
    if (p.alg === 'npg') {
      for (let j = 0; j < K; j++) dz[j] = eta * (eff[j] ?? 0);
    } else if (p.method === 'none') {
      // SPEC's form η·π⊙A exactly (⟨π, A⟩ = 0 up to rounding).
      for (let j = 0; j < K; j++) dz[j] = eta * invT * (pi[j] ?? 0) * (eff[j] ?? 0);
    } else {
      let mean = 0;
      for (let j = 0; j < K; j++) mean += (pi[j] ?? 0) * (eff[j] ?? 0);
      for (let j = 0; j < K; j++) dz[j] = eta * invT * (pi[j] ?? 0) * ((eff[j] ?? 0) - mean);
    }
  }
  if (p.method === 'bonus') {
    const s = eta * p.coef * invT;
    for (let j = 0; j < K; j++) dz[j] = (dz[j] ?? 0) - s * (pi[j] ?? 0) * ((logPi[j] ?? 0) + H);
  } else if (p.method === 'div' && logRef) {
    const g = ws.work;
    divergenceGrad(p.div, pi, logPi, logRef.subarray(off, off + K), K, g);
    const s = eta * p.divCoef * invT;
    for (let j = 0; j < K; j++) dz[j] = (dz[j] ?? 0) - s * (g[j] ?? 0);
  }
  // C = Cov_π(log π, Δu)/η with Δu = Δz/T: Σπ logπ Δu − (Σπ logπ)(Σπ Δu) and Σπ logπ = −H.
  let eLD = 0;
  let eD = 0;
  for (let j = 0; j < K; j++) {
    const d = (dz[j] ?? 0) * invT;
    eLD += (pi[j] ?? 0) * (logPi[j] ?? 0) * d;
    eD += (pi[j] ?? 0) * d;
    z[off + j] = (z[off + j] ?? 0) + (dz[j] ?? 0);
  }
  stats[STAT.C] = (eLD + H * eD) / eta;
}

/**
 * GRPO for one prompt: G tokens y_i ∼ π by inverse CDF on the counter RNG, group-normalised
 * advantages, the covariance rule on the tokens, and Σ_i Ã_i (e_{y_i} − π)/G into ws.dz.
 */
function grpoDirection(
  rewards: Float64Array,
  off: number,
  K: number,
  p: UpdateParams,
  key: DrawKey,
  H: number,
  ws: Workspace,
): void {
  const { pi, logPi, dz, act, tokA, tokLogPi, tokPi, tokH, tokCov, tokW, keys, sel } = ws;
  const G = p.G;
  const seed = key.seed >>> 0;
  // Prefix sums in ws.work; a draw picks the first action whose prefix exceeds u·total.
  let total = 0;
  for (let j = 0; j < K; j++) {
    total += pi[j] ?? 0;
    ws.work[j] = total;
  }
  let mean = 0;
  for (let i = 0; i < G; i++) {
    const u = counterUniform(seed, key.step, key.prompt, i, RNG_STREAM.sample) * total;
    let lo = 0;
    let hi = K - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ws.work[mid] ?? 0) > u) hi = mid;
      else lo = mid + 1;
    }
    act[i] = lo;
    tokA[i] = rewards[off + lo] ?? 0;
    mean += tokA[i] ?? 0;
  }
  mean /= G;
  let varR = 0;
  for (let i = 0; i < G; i++) varR += ((tokA[i] ?? 0) - mean) ** 2;
  const sd = Math.sqrt(varR / G);
  for (let i = 0; i < G; i++) {
    const a = act[i] ?? 0;
    tokA[i] = ((tokA[i] ?? 0) - mean) / (sd + 1e-6);
    tokLogPi[i] = logPi[a] ?? 0;
    tokPi[i] = pi[a] ?? 0;
    tokH[i] = H;
    tokW[i] = tokA[i] ?? 0;
  }
  if (p.method === 'clip-cov' || p.method === 'kl-cov') {
    tokenCov(tokA, tokLogPi, G, tokCov);
    if (p.method === 'clip-cov') {
      for (let i = 0; i < G; i++)
        keys[i] = counterU32(seed, key.step, key.prompt, i, RNG_STREAM.clipCov);
      clipCovSelect(tokCov, keys, G, p.clipR, p.wLow, p.wHigh, sel);
      for (let i = 0; i < G; i++) if (sel[i] === 1) tokW[i] = 0;
    } else {
      klCovSelect(tokCov, G, p.klK, sel);
      for (let i = 0; i < G; i++) if (sel[i] === 1) tokW[i] = softThreshold(tokA[i] ?? 0, p.klBeta);
    }
  } else if (p.method === 'steer') {
    steerWeights(tokA, tokPi, tokLogPi, tokH, G, p.steerWMin, tokCov);
    for (let i = 0; i < G; i++) tokW[i] = (tokCov[i] ?? 0) * (tokA[i] ?? 0);
  }
  // Σ_i Ã_i (e_{y_i} − π) / G
  let sumW = 0;
  dz.fill(0, 0, K);
  for (let i = 0; i < G; i++) {
    const a = act[i] ?? 0;
    dz[a] = (dz[a] ?? 0) + (tokW[i] ?? 0);
    sumW += tokW[i] ?? 0;
  }
  for (let j = 0; j < K; j++) dz[j] = ((dz[j] ?? 0) - (pi[j] ?? 0) * sumW) / G;
}
