/** The uniform block of shaders/entropy/step.wgsl (`struct Params`, 24 words) and its constants. */
import { selectCount } from '../science/tokens';
import { ALGS, DIVERGENCES, METHODS, type Problem, type UpdateParams } from '../science/types';

export const PARAMS_BYTES = 96;

export function encodeParams(B: number, K: number, p: UpdateParams, seed: number): ArrayBuffer {
  const bytes = new ArrayBuffer(PARAMS_BYTES);
  const u32 = new Uint32Array(bytes);
  const f32 = new Float32Array(bytes);
  // Counts are computed here in f64, as science/tokens.ts does, so f32 cannot move a boundary.
  const fraction = p.method === 'clip-cov' ? p.clipR : p.klK;
  u32.set([B, K, p.G, 0], 0);
  u32.set([0, 0, seed >>> 0], 4);
  u32[7] = selectCount(fraction, p.G);
  f32.set([p.lr, 1 / p.temp, p.coef, p.divCoef], 8);
  f32.set([p.clipR, p.wLow, p.wHigh, p.klK], 12);
  f32.set([p.klBeta, p.steerWMin, 0, 0], 16);
  return bytes;
}

/** The logit of a padding slot: π = 0 there at any temperature the link allows (T ≥ 0.05). */
export const PAD_LOGIT = -1e20;

/** The sizes of a row on the GPU: K4 vec4 chunks, KW words of bits (see step.wgsl). */
export function rowShape(K: number): { K4: number; KW: number } {
  return { K4: Math.ceil(K / 4), KW: Math.ceil(K / 32) };
}

/** True when every reward is 0 or 1: then step.wgsl reads them as bits. */
export const binaryRewards = (problem: Problem): boolean =>
  problem.rewards.every((r) => r === 0 || r === 1);

/**
 * The WGSL constants that pick one (alg, method, divergence) path of step.wgsl and give it the
 * row's sizes: literal trip counts the shader compiler can unroll, and one pipeline per
 * (alg, method) holding only its own path (SwiftShader compiles it in seconds, not tens of them).
 */
export function pathConstants(p: UpdateParams, K: number, binary: boolean): string {
  const { K4, KW } = rowShape(K);
  return [
    `const K = ${K}u;`,
    `const K4 = ${K4}u;`,
    `const KW = ${KW}u;`,
    `const G = ${p.alg === 'grpo' ? Math.max(1, p.G) : 1}u;`,
    `const ALG = ${ALGS.indexOf(p.alg)}u;`,
    `const METHOD = ${METHODS.indexOf(p.method)}u;`,
    `const DIV = ${DIVERGENCES.indexOf(p.div)}u;`,
    `const BINARY = ${binary};`,
  ].join('\n');
}
