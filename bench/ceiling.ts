/**
 * The adapter's own ceiling: the same multiply-adds as a straight vec4 FMA stream in WGSL (no
 * gathers, no barriers, weights at lane-uniform addresses) and as a JavaScript f64 matrix-vector
 * loop (the shape of every science/ CPU path). Its CPU/GPU ratio bounds what any MAC-bound
 * kernel can gain over its CPU path on this adapter — on a software adapter (SwiftShader) that
 * bound is set by the CPU cores it shares with the page, not by a GPU.
 */
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  storageBuffer,
} from '../src/gpu/runner';
import type { BenchModule, BenchSides, BenchWorkload } from './types';

const WEIGHTS = 1024;
const REPEATS = 16;
const GROUPS = 64;
const SIZE = 64;
/** Multiply-adds per rep: each invocation streams the weights REPEATS times into 4 vec4s. */
const MACS = GROUPS * SIZE * REPEATS * WEIGHTS * 4;

const STREAM_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> w: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<vec4f>;

@compute @workgroup_size(${SIZE})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  var h = vec4f(f32(gid.x) * 1e-4);
  var a0 = vec4f(0.0); var a1 = vec4f(0.0); var a2 = vec4f(0.0); var a3 = vec4f(0.0);
  for (var r = 0u; r < ${REPEATS}u; r++) {
    for (var i = 0u; i < ${WEIGHTS}u; i += 4u) {
      a0 += w[i] * h; a1 += w[i + 1u] * h; a2 += w[i + 2u] * h; a3 += w[i + 3u] * h;
    }
    h = 0.5 * h + 1e-3 * a0;
  }
  out[gid.x] = a0 + a1 + a2 + a3;
}`;

const ceiling: BenchWorkload<{ macs: number }> = {
  id: 'adapter-mac-ceiling',
  name: `MAC stream, ${(MACS / 1e6).toFixed(0)} M multiply-adds (WGSL vec4 FMAs vs JS f64 matvec)`,
  params: { macs: MACS },
  reps: 7,
  async setup(ctx): Promise<BenchSides> {
    const { device } = ctx;
    const weights = Float32Array.from({ length: WEIGHTS }, (_, i) => ((i % 13) - 6) * 1e-3);
    const pipeline = await computePipeline(device, STREAM_WGSL);
    const out = outputBuffer(device, GROUPS * SIZE * 16);
    const bind = bindGroup(device, pipeline, { 0: storageBuffer(device, weights), 1: out });
    // The CPU side: rows × WEIGHTS matvec in f64, the same number of multiply-adds.
    const rows = MACS / WEIGHTS;
    const matrix = Float64Array.from({ length: WEIGHTS * 64 }, (_, i) => ((i % 11) - 5) * 1e-3);
    const x = Float64Array.from(weights);
    return {
      gpu: async () => {
        const encoder = device.createCommandEncoder({ label: 'MAC ceiling' });
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bind);
        pass.dispatchWorkgroups(GROUPS);
        pass.end();
        return readBack(device, encoder, out, 16);
      },
      cpu: () => {
        let total = 0;
        for (let r = 0; r < rows; r++) {
          const o = (r % 64) * WEIGHTS;
          let s = 0;
          for (let j = 0; j < WEIGHTS; j++) s += (matrix[o + j] ?? 0) * (x[j] ?? 0);
          total += s;
        }
        return total;
      },
    };
  },
};

export const bench = {
  id: 'adapter',
  workloads: [ceiling],
  checks: {},
} satisfies BenchModule;
