/**
 * A counter-based RNG shared bit for bit with WGSL (shaders/lib/counter_rng.wgsl): every draw is
 * a pure function of (seed, step, prompt, rollout, stream), so the GPU and the CPU path sample
 * the same tokens and a link replays identically without carrying RNG state. Only u32 arithmetic
 * (Math.imul, >>> 0) so the two sides cannot drift.
 */

/** PCG hash (Jarzynski & Olano, "Hash Functions for GPU Rendering", JCGT 2020, `pcg`). */
export function pcgHash(v: number): number {
  const state = (Math.imul(v >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul((state >>> ((state >>> 28) + 4)) ^ state, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** The draw keyed by (seed, step, prompt, rollout, stream): nested PCG hashes of the key. */
export function counterU32(
  seed: number,
  step: number,
  prompt: number,
  rollout: number,
  stream: number,
): number {
  let h = pcgHash(stream);
  h = pcgHash((rollout + h) >>> 0);
  h = pcgHash((prompt + h) >>> 0);
  h = pcgHash((step + h) >>> 0);
  return pcgHash((seed + h) >>> 0);
}

/** Uniform on [0, 1) with 24 bits, exactly representable in f32 and f64 alike. */
export function counterUniform(
  seed: number,
  step: number,
  prompt: number,
  rollout: number,
  stream: number,
): number {
  return (counterU32(seed, step, prompt, rollout, stream) >>> 8) / 16777216;
}

/** Streams of the entropy instrument: one per kind of draw, so adding one never shifts another. */
export const RNG_STREAM = { sample: 0, clipCov: 1 } as const;
