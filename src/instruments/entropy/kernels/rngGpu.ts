/**
 * The counter RNG evaluated in WGSL for a batch of keys, so tests and the bench page can check
 * that shaders/lib/counter_rng.wgsl draws the same u32 as src/science/counterRng.ts, bit for bit
 * (the GPU and the CPU path then sample the same tokens).
 */
import rngLib from '../../../../shaders/lib/counter_rng.wgsl?raw';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  storageBuffer,
} from '../../../gpu/runner';

const RNG_KERNEL = `${rngLib}
@group(0) @binding(0) var<storage, read> keys: array<vec4<u32>>;
@group(0) @binding(1) var<storage, read_write> out: array<vec2<u32>>;
@group(0) @binding(2) var<storage, read> seeds: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= arrayLength(&seeds)) { return; }
  let k = keys[i];
  let u = counter_uniform(seeds[i], k.x, k.y, k.z, k.w);
  out[i] = vec2<u32>(counter_u32(seeds[i], k.x, k.y, k.z, k.w), bitcast<u32>(u));
}`;

/** A draw's key: (seed, step, prompt, rollout, stream). */
export type RngKey = readonly [number, number, number, number, number];

/** For each key: the u32 draw and the bits of the f32 uniform. */
export async function counterRngGpu(
  device: GPUDevice,
  keys: readonly RngKey[],
): Promise<{ u32: Uint32Array; uniformBits: Uint32Array }> {
  const n = keys.length;
  const pipe = await computePipeline(device, RNG_KERNEL, 'main');
  const k = new Uint32Array(4 * n);
  const seeds = new Uint32Array(n);
  keys.forEach(([seed, step, prompt, rollout, stream], i) => {
    seeds[i] = seed >>> 0;
    k.set([step >>> 0, prompt >>> 0, rollout >>> 0, stream >>> 0], 4 * i);
  });
  const keyBuf = storageBuffer(device, k);
  const seedBuf = storageBuffer(device, seeds);
  const out = outputBuffer(device, 8 * n);
  try {
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipe);
    pass.setBindGroup(0, bindGroup(device, pipe, { 0: keyBuf, 1: out, 2: seedBuf }));
    pass.dispatchWorkgroups(Math.ceil(n / 64));
    pass.end();
    const all = new Uint32Array(await readBack(device, encoder, out, 8 * n));
    const u32 = new Uint32Array(n);
    const uniformBits = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      u32[i] = all[2 * i] ?? 0;
      uniformBits[i] = all[2 * i + 1] ?? 0;
    }
    return { u32, uniformBits };
  } finally {
    keyBuf.destroy();
    seedBuf.destroy();
    out.destroy();
  }
}

/** Keys spread over the whole u32 range of each part (seeded, deterministic). */
export function rngTestKeys(n: number): RngKey[] {
  const keys: RngKey[] = [];
  let s = 0x9e3779b9;
  const next = (): number => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s;
  };
  for (let i = 0; i < n; i++)
    keys.push([next(), next() % 100000, next() % 4096, next() % 512, i % 3]);
  return keys;
}
