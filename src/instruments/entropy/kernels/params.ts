/** The uniform block of shaders/entropy/step.wgsl (`struct Params`, 24 words) and its constants. */
import { selectCount } from '../science/tokens';
import { ALGS, DIVERGENCES, METHODS, type UpdateParams } from '../science/types';

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

/**
 * Invocations per prompt. SwiftShader runs a workgroup's invocations in lock-step groups and every
 * barrier of the reductions synchronises all of them, so a workgroup no wider than it must be is
 * much cheaper there: a power of two from 8 to 64, ≥ K/4 (each invocation keeps ≤ 4 actions…
 * beyond that, loops) and ≥ G for grpo (one invocation per token).
 */
export function workgroupWidth(K: number, p: UpdateParams): number {
  const need = Math.max(8, Math.ceil(K / 4), p.alg === 'grpo' ? p.G : 1);
  return Math.min(64, 2 ** Math.ceil(Math.log2(need)));
}

/**
 * The WGSL constants that pick one (alg, method, divergence) path of step.wgsl, and its sizes:
 * workgroup arrays sized to this K and G, since WebGPU zero-fills workgroup memory for every
 * workgroup (a fixed 1024-entry array costs that fill B times per dispatch).
 */
export function pathConstants(p: UpdateParams, K = 1024): string {
  return [
    `const WG = ${workgroupWidth(K, p)}u;`,
    `const MAX_K = ${Math.max(1, K)}u;`,
    `const MAX_G = ${Math.max(1, p.G)}u;`,
    `const ALG = ${ALGS.indexOf(p.alg)}u;`,
    `const METHOD = ${METHODS.indexOf(p.method)}u;`,
    `const DIV = ${DIVERGENCES.indexOf(p.div)}u;`,
  ].join('\n');
}
