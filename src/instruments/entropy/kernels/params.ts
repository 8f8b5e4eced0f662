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

/** The WGSL constants that pick one (alg, method, divergence) path of step.wgsl. */
export function pathConstants(p: UpdateParams): string {
  return [
    `const ALG = ${ALGS.indexOf(p.alg)}u;`,
    `const METHOD = ${METHODS.indexOf(p.method)}u;`,
    `const DIV = ${DIVERGENCES.indexOf(p.div)}u;`,
  ].join('\n');
}
