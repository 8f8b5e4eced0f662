/**
 * The first browser check: an adapter exists and a tiny compute shader's readback (through the
 * runner's readBack) is exact. Nothing later can pass on a browser that silently has no WebGPU.
 */
import { acquireGpu } from '../src/gpu/device';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  storageBuffer,
} from '../src/gpu/runner';
import type { SmokeResult } from './types';

const DOUBLE_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i < arrayLength(&input)) {
    output[i] = 2.0 * input[i];
  }
}
`;

export async function smoke(): Promise<SmokeResult> {
  const gpu = await acquireGpu();
  if (gpu.kind !== 'gpu') return { adapter: null, readbackOk: false, error: gpu.reason };
  const { device, adapterName } = gpu.ctx;
  try {
    const n = 64;
    // Values whose doubles are exact in f32, so the check can be exact too.
    const input = new Float32Array(n);
    for (let i = 0; i < n; i++) input[i] = (i - 31.75) * 1.5;
    const pipeline = await computePipeline(device, DOUBLE_WGSL);
    const src = storageBuffer(device, input);
    const dst = outputBuffer(device, input.byteLength);
    const encoder = device.createCommandEncoder({ label: 'smoke' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup(device, pipeline, { 0: src, 1: dst }));
    pass.dispatchWorkgroups(1);
    pass.end();
    const out = new Float32Array(await readBack(device, encoder, dst, input.byteLength));
    src.destroy();
    dst.destroy();
    const bad = input.findIndex((x, i) => out[i] !== 2 * x);
    if (bad >= 0) {
      return {
        adapter: adapterName,
        readbackOk: false,
        error: `element ${bad}: got ${String(out[bad])}, expected ${String(2 * (input[bad] ?? NaN))}`,
      };
    }
    return { adapter: adapterName, readbackOk: true };
  } catch (err) {
    return { adapter: adapterName, readbackOk: false, error: String(err) };
  }
}
