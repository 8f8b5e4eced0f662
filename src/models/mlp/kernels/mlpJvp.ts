/**
 * The per-sample JVP kernel: for each sample x_i, the logits z_i of the one-hidden-layer MLP, their
 * exact directional derivatives a_i = ∇_θ z_i · v (forward mode) and Δ_a(x_i) = max_c a_ic −
 * min_c a_ic, the quantity behind ρ_a = π/Δ_a. Must agree with Mlp.jvp
 * (src/science/mlp/mlp.ts) for logits and a, and with sampleRadii (src/science/mlp/radius.ts)
 * for Δ_a — its CPU oracles.
 */
import mlpLib from '../../../../shaders/lib/mlp.wgsl?raw';
import jvpSrc from '../../../../shaders/mlp/mlp_jvp.wgsl?raw';
import { laneQueue } from '../../../gpu/lanes';
import { resourceCache } from '../../../gpu/resourceCache';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  uniformBuffer,
} from '../../../gpu/runner';
import { mlpLayout, type MlpShape } from '../mlp';

/**
 * WGSL source of an MLP kernel for one shape: constants TANH (the activation) and CLASSES (k,
 * which sizes per-invocation arrays), the shared library, then `src`. One compiled pipeline per
 * (k, activation); computePipeline caches them by source.
 */
export function mlpKernelCode(shape: MlpShape, src: string): string {
  const tanh = shape.activation === 'tanh' ? 'true' : 'false';
  return `const TANH: bool = ${tanh};\nconst CLASSES: u32 = ${String(shape.k)}u;\n${mlpLib}\n${src}`;
}

const WORKGROUP = 64;

export interface MlpJvpResult {
  /** z, n×k row-major. */
  logits: Float32Array;
  /** a = ∇_θ z · v, n×k row-major. */
  a: Float32Array;
  /** Δ_a per sample, n. */
  deltaA: Float32Array;
}

/** The uniform every MLP kernel binds at 0: n, d, h, k and where the direction v starts. */
export function mlpDims(shape: MlpShape, n: number, dir: number): ArrayBuffer {
  return new Uint32Array([n, shape.d, shape.h, shape.k, dir]).buffer;
}

/**
 * x (n×d row-major) in the kernels' layout: blocks of 4 samples, xb[(b·d + c)·4 + s] =
 * x[4b + s, c], zero past n (see shaders/lib/mlp.wgsl).
 */
export function packSampleBlocks(x: Float32Array, n: number, d: number): Float32Array {
  const xb = new Float32Array(Math.ceil(n / 4) * d * 4);
  for (let i = 0; i < n; i++) {
    const base = (i >> 2) * d * 4 + (i & 3);
    const xo = i * d;
    for (let c = 0; c < d; c++) xb[base + c * 4] = x[xo + c] ?? 0;
  }
  return xb;
}

/** Throws unless params, x and n fit the shape (the same checks as the oracle). */
export function checkMlpInputs(
  shape: MlpShape,
  params: Float32Array,
  x: Float32Array,
  n: number,
): void {
  const size = mlpLayout(shape).size;
  if (params.length !== size) {
    throw new RangeError(`expected ${String(size)} parameters, got ${String(params.length)}`);
  }
  if (!Number.isInteger(n) || n < 1 || x.length < n * shape.d) {
    throw new RangeError(
      `x holds ${String(x.length)} values, too few for n=${String(n)} rows of ${String(shape.d)}`,
    );
  }
}

/**
 * W1 (h×d row-major at the start of params, or of a direction) transposed in quads of hidden
 * units, zero past h: w[c·quads + q] = W1[4q..4q+3, c].
 */
export function w1Quads(params: Float32Array, d: number, h: number): Float32Array {
  const hq = Math.ceil(h / 4);
  const w = new Float32Array(d * hq * 4);
  for (let j = 0; j < h; j++) {
    const o = (j >> 2) * 4 + (j & 3);
    const row = j * d;
    for (let c = 0; c < d; c++) w[c * hq * 4 + o] = params[row + c] ?? 0;
  }
  return w;
}

/** W2 (k×h row-major at layout.w2 of params, or of a direction) in quads of hidden units. */
export function w2Quads(params: Float32Array, shape: MlpShape): Float32Array {
  const { h, k } = shape;
  const hq = Math.ceil(h / 4);
  const off = mlpLayout(shape).w2;
  const w = new Float32Array(k * hq * 4);
  for (let c = 0; c < k; c++) w.set(params.subarray(off + c * h, off + c * h + h), c * hq * 4);
  return w;
}

interface JvpResources {
  buffers: GPUBuffer[];
  dims: GPUBuffer;
  theta: GPUBuffer;
  x: GPUBuffer;
  out: GPUBuffer;
  staging: GPUBuffer;
  w1q: GPUBuffer;
  v1q: GPUBuffer;
  w2q: GPUBuffer;
  v2q: GPUBuffer;
  bindings: [GPUBindGroup, GPUBindGroup];
}

// One run at a time per lane: a staging buffer cannot be mapped twice. Callers that want to
// overlap their GPU round trips (three training runs) take a lane each.
const cached = resourceCache<JvpResources>(16);
const inLane = laneQueue();

function storage(device: GPUDevice, bytes: number): GPUBuffer {
  return device.createBuffer({
    size: Math.max(16, bytes),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
  });
}

function resourcesFor(
  device: GPUDevice,
  shape: MlpShape,
  n: number,
  pipelines: readonly [GPUComputePipeline, GPUComputePipeline],
  lane: number,
): JvpResources {
  const key = `${String(lane)} ${String(n)} ${String(shape.d)} ${String(shape.h)} ${String(shape.k)} ${shape.activation}`;
  return cached(device, key, () => {
    const size = mlpLayout(shape).size;
    const outBytes = (2 * n * shape.k + n) * 4;
    const dims = uniformBuffer(device, mlpDims(shape, n, size));
    const theta = storage(device, 2 * size * 4);
    const x = storage(device, Math.ceil(n / 4) * shape.d * 16);
    const out = outputBuffer(device, outBytes);
    const staging = device.createBuffer({
      size: outBytes,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const blockUnits = Math.ceil(n / 4) * shape.h * 16;
    const hAct = outputBuffer(device, blockUnits);
    const hDact = outputBuffer(device, blockUnits);
    const quadBytes = shape.d * Math.ceil(shape.h / 4) * 16;
    const w1q = storage(device, quadBytes);
    const v1q = storage(device, quadBytes);
    const outQuadBytes = shape.k * Math.ceil(shape.h / 4) * 16;
    const w2q = storage(device, outQuadBytes);
    const v2q = storage(device, outQuadBytes);
    const [hidden, main] = pipelines;
    return {
      buffers: [dims, theta, x, out, staging, hAct, hDact, w1q, v1q, w2q, v2q],
      dims,
      theta,
      x,
      out,
      staging,
      w1q,
      v1q,
      w2q,
      v2q,
      bindings: [
        bindGroup(device, hidden, { 0: dims, 1: theta, 2: x, 4: hAct, 5: hDact, 6: w1q, 7: v1q }),
        bindGroup(device, main, { 0: dims, 1: theta, 3: out, 4: hAct, 5: hDact, 8: w2q, 9: v2q }),
      ],
    };
  });
}

/**
 * Logits, a = ∇_θ z · v and Δ_a for the first n samples of x (n×d row-major), on the GPU in f32.
 * Oracle: Mlp.jvp (logits, a) and sampleRadii (Δ_a) in src/science/mlp/.
 */
export function mlpJvpGpu(
  device: GPUDevice,
  shape: MlpShape,
  params: Float32Array,
  x: Float32Array,
  n: number,
  v: Float32Array,
  lane = 0,
): Promise<MlpJvpResult> {
  return inLane(lane, () => runJvp(device, shape, params, x, n, v, lane));
}

async function runJvp(
  device: GPUDevice,
  shape: MlpShape,
  params: Float32Array,
  x: Float32Array,
  n: number,
  v: Float32Array,
  lane: number,
): Promise<MlpJvpResult> {
  checkMlpInputs(shape, params, x, n);
  if (v.length !== params.length) {
    throw new RangeError(
      `direction has ${String(v.length)} entries, expected ${String(params.length)}`,
    );
  }
  const code = mlpKernelCode(shape, jvpSrc);
  const pipelines = [
    await computePipeline(device, code, 'hidden'),
    await computePipeline(device, code, 'main'),
  ] as const;
  const r = resourcesFor(device, shape, n, pipelines, lane);
  const size = params.length;
  device.queue.writeBuffer(r.theta, 0, params.buffer, params.byteOffset, size * 4);
  device.queue.writeBuffer(r.theta, size * 4, v.buffer, v.byteOffset, size * 4);
  device.queue.writeBuffer(r.x, 0, packSampleBlocks(x, n, shape.d));
  device.queue.writeBuffer(r.w1q, 0, w1Quads(params, shape.d, shape.h));
  device.queue.writeBuffer(r.v1q, 0, w1Quads(v, shape.d, shape.h));
  device.queue.writeBuffer(r.w2q, 0, w2Quads(params, shape));
  device.queue.writeBuffer(r.v2q, 0, w2Quads(v, shape));
  const encoder = device.createCommandEncoder({ label: 'mlp-jvp' });
  const pass = encoder.beginComputePass();
  const blocks = Math.ceil(n / 4);
  // hidden: 2 blocks × 4 hidden units per invocation; main: one block each.
  const counts = [Math.ceil(blocks / 2) * Math.ceil(shape.h / 4), blocks];
  pipelines.forEach((pipeline, e) => {
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, r.bindings[e]);
    pass.dispatchWorkgroups(Math.ceil((counts[e] ?? 0) / WORKGROUP));
  });
  pass.end();
  const nk = n * shape.k;
  const bytes = (2 * nk + n) * 4;
  const all = new Float32Array(await readBack(device, encoder, r.out, bytes, r.staging));
  return {
    logits: all.subarray(0, nk),
    a: all.subarray(nk, 2 * nk),
    deltaA: all.subarray(2 * nk, 2 * nk + n),
  };
}
