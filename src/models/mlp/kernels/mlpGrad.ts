/**
 * The training-gradient kernel: mean cross-entropy of the one-hidden-layer MLP over a batch, its
 * gradient and the accuracy, on the GPU in f32, with the per-sample contributions reduced on the
 * GPU (one invocation per parameter, no n×P buffer). Must agree with Mlp.lossAndGrad
 * (src/science/mlp/mlp.ts), its CPU oracle.
 */
import gradSrc from '../../../../shaders/mlp/mlp_grad.wgsl?raw';
import type { LossAndGrad, MlpShape } from '../mlp';
import { laneQueue } from '../../../gpu/lanes';
import { resourceCache } from '../../../gpu/resourceCache';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  uniformBuffer,
} from '../../../gpu/runner';
import {
  checkMlpInputs,
  mlpDims,
  mlpKernelCode,
  packSampleBlocks,
  w1Quads,
  w2Quads,
} from './mlpJvp';

const WORKGROUP = 64;

interface GradResources {
  buffers: GPUBuffer[];
  dims: GPUBuffer;
  theta: GPUBuffer;
  x: GPUBuffer;
  labels: GPUBuffer;
  w1q: GPUBuffer;
  w2q: GPUBuffer;
  out: GPUBuffer;
  staging: GPUBuffer;
  stats: GPUBuffer;
  statsStaging: GPUBuffer;
  bindings: GPUBindGroup[];
}

type Pipelines = readonly [
  GPUComputePipeline,
  GPUComputePipeline,
  GPUComputePipeline,
  GPUComputePipeline,
];

// One run at a time per lane: a staging buffer cannot be mapped twice. Callers that want to
// overlap their GPU round trips (three training runs) take a lane each.
const cached = resourceCache<GradResources>(16);
const inLane = laneQueue();

function resourcesFor(
  device: GPUDevice,
  shape: MlpShape,
  n: number,
  size: number,
  pipelines: Pipelines,
  lane: number,
): GradResources {
  const { d, h, k } = shape;
  const key = `${String(lane)} ${String(n)} ${String(d)} ${String(h)} ${String(k)} ${shape.activation}`;
  return cached(device, key, () => makeResources(device, shape, n, size, pipelines));
}

function makeResources(
  device: GPUDevice,
  shape: MlpShape,
  n: number,
  size: number,
  pipelines: Pipelines,
): GradResources {
  const { d, h, k } = shape;
  const input = (bytes: number): GPUBuffer =>
    device.createBuffer({
      size: Math.max(16, bytes),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
  const dims = uniformBuffer(device, mlpDims(shape, n, 0));
  const theta = input(size * 4);
  const x = input(Math.ceil(n / 4) * d * 16);
  const blocks = Math.ceil(n / 4);
  const labels = input(blocks * 16);
  const w1q = input(d * Math.ceil(h / 4) * 16);
  const w2q = input(k * Math.ceil(h / 4) * 16);
  const hAct = outputBuffer(device, blocks * h * 16);
  const dz = outputBuffer(device, blocks * k * 16);
  const dpre = outputBuffer(device, blocks * h * 16);
  const out = outputBuffer(device, (size + 2) * 4);
  const stats = outputBuffer(device, blocks * 32);
  const mappable = (bytes: number): GPUBuffer =>
    device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const staging = mappable((size + 2) * 4);
  const statsStaging = mappable(blocks * 32);
  const [hidden, logits, backHidden, reduce] = pipelines;
  return {
    buffers: [dims, theta, x, labels, w1q, w2q, hAct, dz, dpre, out, stats, staging, statsStaging],
    dims,
    theta,
    x,
    labels,
    w1q,
    w2q,
    out,
    staging,
    stats,
    statsStaging,
    bindings: [
      bindGroup(device, hidden, { 0: dims, 1: theta, 2: x, 4: hAct, 9: w1q }),
      bindGroup(device, logits, {
        0: dims,
        1: theta,
        3: labels,
        4: hAct,
        5: dz,
        8: stats,
        10: w2q,
      }),
      bindGroup(device, backHidden, { 0: dims, 4: hAct, 5: dz, 6: dpre, 10: w2q }),
      bindGroup(device, reduce, { 0: dims, 2: x, 4: hAct, 5: dz, 6: dpre, 7: out, 8: stats }),
    ],
  };
}

/**
 * Mean cross-entropy, ∇θ of it and the accuracy over the first n samples of x (n×d row-major)
 * with labels y, on the GPU in f32. Oracle: Mlp.lossAndGrad in src/science/mlp/mlp.ts.
 */
export function mlpGradGpu(
  device: GPUDevice,
  shape: MlpShape,
  params: Float32Array,
  x: Float32Array,
  y: Uint8Array,
  n: number,
  lane = 0,
): Promise<LossAndGrad> {
  return inLane(lane, () => runGrad(device, shape, params, x, y, n, lane));
}

/**
 * Mean cross-entropy and accuracy alone (the forward passes of the gradient kernel, no
 * backward): the per-step test evaluation of a training run. Oracle: Mlp.forward.
 */
export function mlpEvalGpu(
  device: GPUDevice,
  shape: MlpShape,
  params: Float32Array,
  x: Float32Array,
  y: Uint8Array,
  n: number,
  lane = 0,
): Promise<{ loss: number; accuracy: number }> {
  return inLane(lane, () => runGrad(device, shape, params, x, y, n, lane, false));
}

async function runGrad(
  device: GPUDevice,
  shape: MlpShape,
  params: Float32Array,
  x: Float32Array,
  y: Uint8Array,
  n: number,
  lane: number,
  backward = true,
): Promise<LossAndGrad> {
  checkMlpInputs(shape, params, x, n);
  if (y.length < n) throw new RangeError(`y holds ${String(y.length)} labels, need ${String(n)}`);
  // Padded to whole blocks of 4 samples; the kernel gives padding samples no weight.
  const labels = new Uint32Array(Math.ceil(n / 4) * 4);
  labels.set(y.subarray(0, n));
  const bad = labels.findIndex((c) => c >= shape.k);
  if (bad >= 0) {
    throw new RangeError(
      `label ${String(labels[bad])} of sample ${String(bad)} is not below k=${String(shape.k)}`,
    );
  }
  const code = mlpKernelCode(shape, gradSrc);
  const pipelines = await Promise.all([
    computePipeline(device, code, 'hidden'),
    computePipeline(device, code, 'logits'),
    computePipeline(device, code, 'backHidden'),
    computePipeline(device, code, 'reduce'),
  ]);
  const size = params.length;
  const r = resourcesFor(device, shape, n, size, pipelines, lane);
  device.queue.writeBuffer(r.theta, 0, params.buffer, params.byteOffset, size * 4);
  device.queue.writeBuffer(r.x, 0, packSampleBlocks(x, n, shape.d));
  device.queue.writeBuffer(r.labels, 0, labels);
  device.queue.writeBuffer(r.w1q, 0, w1Quads(params, shape.d, shape.h));
  device.queue.writeBuffer(r.w2q, 0, w2Quads(params, shape));
  const encoder = device.createCommandEncoder({ label: 'mlp-grad' });
  const pass = encoder.beginComputePass();
  const hq = Math.ceil(shape.h / 4);
  // reduceCount() in shaders/mlp_grad.wgsl.
  const reduceCount = hq * Math.ceil(shape.d / 4) + shape.h + shape.k * hq + shape.k + 2;
  const blocks = Math.ceil(n / 4);
  // hidden: 4 blocks × 4 hidden units per invocation; logits, backHidden: one block each.
  const counts = [Math.ceil(blocks / 4) * hq, blocks, blocks, reduceCount];
  pipelines.slice(0, backward ? 4 : 2).forEach((pipeline, e) => {
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, r.bindings[e]);
    pass.dispatchWorkgroups(Math.ceil((counts[e] ?? 0) / WORKGROUP));
  });
  pass.end();
  if (!backward) {
    // stats: per block of 4 samples, a vec4 of loss terms then a vec4 of hits.
    const st = new Float32Array(
      await readBack(device, encoder, r.stats, blocks * 32, r.statsStaging),
    );
    let loss = 0;
    let hits = 0;
    for (let b = 0; b < blocks; b++) {
      for (let q = 0; q < 4; q++) {
        loss += st[8 * b + q] ?? 0;
        hits += st[8 * b + 4 + q] ?? 0;
      }
    }
    return { grad: new Float32Array(0), loss: loss / n, accuracy: hits / n };
  }
  const bytes = (size + 2) * 4;
  const all = new Float32Array(await readBack(device, encoder, r.out, bytes, r.staging));
  return { grad: all.slice(0, size), loss: all[size] ?? NaN, accuracy: all[size + 1] ?? NaN };
}
