/**
 * GRPO for one prompt of `task=seq`: G answers sampled token by token (inverse CDF on the counter
 * RNG, draw index rollout·L + position), reward 1 when every token is allowed, group-normalised
 * advantages shared by an answer's tokens, and the covariance rules of tokens.ts over the prompt's
 * G·L tokens (as verl applies them to all response tokens of a batch). Fills ws.tok* (tokW: each
 * token's effective advantage) and toks (action and state of each token).
 */
import { RNG_STREAM, counterU32, counterUniform } from '../../../science/counterRng';
import type { SeqProblem } from './seqProblem';
import type { Workspace } from './step';
import { clipCovSelect, klCovSelect, softThreshold, steerWeights, tokenCov } from './tokens';
import type { UpdateParams } from './types';

export interface SeqTokens {
  /** Per token (index rollout·L + position): the action and the state (pos·K + prev). */
  readonly act: Int32Array;
  readonly state: Int32Array;
  /** Per rollout: its reward (0 or 1). */
  readonly reward: Float64Array;
}

export function seqGrpoTokens(
  problem: SeqProblem,
  b: number,
  p: UpdateParams,
  step: number,
  seedIn: number,
  pi: Float64Array,
  logPi: Float64Array,
  Hs: Float64Array,
  ws: Workspace,
  toks: SeqTokens,
): void {
  const { K, L, allowed } = problem;
  const G = p.G;
  const n = G * L;
  const seed = seedIn >>> 0;
  let mean = 0;
  for (let i = 0; i < G; i++) {
    let prev = 0;
    let ok = 1;
    for (let pos = 0; pos < L; pos++) {
      const s = pos * K + prev;
      const u = counterUniform(seed, step, b, i * L + pos, RNG_STREAM.sample);
      // Inverse CDF on the state's π, with the total as the scale (as step.ts and the kernel do).
      let total = 0;
      for (let t = 0; t < K; t++) total += pi[s * K + t] ?? 0;
      const target = u * total;
      let acc = 0;
      let a = K - 1;
      for (let t = 0; t < K; t++) {
        acc += pi[s * K + t] ?? 0;
        if (acc > target) {
          a = t;
          break;
        }
      }
      const ix = i * L + pos;
      toks.act[ix] = a;
      toks.state[ix] = s;
      ws.tokLogPi[ix] = logPi[s * K + a] ?? 0;
      ws.tokPi[ix] = pi[s * K + a] ?? 0;
      ws.tokH[ix] = Hs[s] ?? 0;
      if (allowed[(b * L + pos) * K + a] !== 1) ok = 0;
      prev = a;
    }
    toks.reward[i] = ok;
    mean += ok;
  }
  mean /= G;
  let v = 0;
  for (let i = 0; i < G; i++) v += ((toks.reward[i] ?? 0) - mean) ** 2;
  const sd = Math.sqrt(v / G);
  for (let i = 0; i < G; i++) {
    const A = ((toks.reward[i] ?? 0) - mean) / (sd + 1e-6);
    for (let pos = 0; pos < L; pos++) {
      ws.tokA[i * L + pos] = A;
      ws.tokW[i * L + pos] = A;
    }
  }
  const { tokA, tokLogPi, tokPi, tokH, tokCov, tokW, keys, sel } = ws;
  if (p.method === 'clip-cov' || p.method === 'kl-cov') {
    tokenCov(tokA, tokLogPi, n, tokCov);
    if (p.method === 'clip-cov') {
      for (let i = 0; i < n; i++) keys[i] = counterU32(seed, step, b, i, RNG_STREAM.clipCov);
      clipCovSelect(tokCov, keys, n, p.clipR, p.wLow, p.wHigh, sel);
      for (let i = 0; i < n; i++) if (sel[i] === 1) tokW[i] = 0;
    } else {
      klCovSelect(tokCov, n, p.klK, sel);
      for (let i = 0; i < n; i++) if (sel[i] === 1) tokW[i] = softThreshold(tokA[i] ?? 0, p.klBeta);
    }
  } else if (p.method === 'steer') {
    steerWeights(tokA, tokPi, tokLogPi, tokH, n, p.steerWMin, tokCov);
    for (let i = 0; i < n; i++) tokW[i] = (tokCov[i] ?? 0) * (tokA[i] ?? 0);
  }
}
