/** Host-side packing shared by the landscape kernels: samples in blocks of 4, and θ ‖ δ ‖ η. */
import type { ParamVector, Samples } from '../science/shape';

/** xb[(b·d + i)·4 + lane] = x[4b + lane, i], zero past n: one vec4f per (block, feature). */
export function sampleBlocks(data: Samples): Float32Array {
  const blocks = Math.ceil(data.n / 4);
  const out = new Float32Array(blocks * data.d * 4);
  for (let s = 0; s < data.n; s++) {
    const b = s >> 2;
    const lane = s & 3;
    for (let i = 0; i < data.d; i++) out[(b * data.d + i) * 4 + lane] = data.x[s * data.d + i] ?? 0;
  }
  return out;
}

/** Labels as vec4u per block of 4 samples (0 past n; those lanes are masked in the kernel). */
export function labelBlocks(data: Samples): Uint32Array {
  const out = new Uint32Array(Math.ceil(data.n / 4) * 4);
  out.set(data.y.subarray(0, data.n));
  return out;
}

/** The vectors end to end in one f32 buffer. */
export function concatParams(...vs: ParamVector[]): Float32Array {
  const size = vs[0]?.length ?? 0;
  const out = new Float32Array(size * vs.length);
  vs.forEach((v, k) => {
    if (v.length !== size) throw new RangeError(`vector ${k} has ${v.length} entries, not ${size}`);
    out.set(v, k * size);
  });
  return out;
}
