/**
 * The TS side of shaders/entropy/step.wgsl and reduce.wgsl: all B prompts of one run on the GPU.
 * Buffers and bind groups are made once per instance; `run(n)` encodes n update steps (each a
 * step dispatch that also measures the updated rows, and a one-workgroup mean) in one submission
 * and reads back once: the n + 1 rows of means and the per-prompt pass rates the view draws.
 * Must agree with EntropyEngine (science/engine.ts), its f64 oracle.
 */
import rngLib from '../../../../shaders/lib/counter_rng.wgsl?raw';
import stepSrc from '../../../../shaders/entropy/step.wgsl?raw';
import reduceSrc from '../../../../shaders/entropy/reduce.wgsl?raw';
import { checkCompilation, storageBuffer, uniformBuffer } from '../../../gpu/runner';
import { softmaxRow } from '../science/policy';
import type { Problem, UpdateParams } from '../science/types';
import { PAD_LOGIT, binaryRewards, encodeParams, pathConstants, rowShape } from './params';

/** The step kernel's source for one (alg, method, divergence) and row shape. */
export const stepKernelSource = (p: UpdateParams, K: number, binary: boolean): string =>
  `${pathConstants(p, K, binary)}\n${rngLib}\n${stepSrc}`;
export const REDUCE_KERNEL_SOURCE = reduceSrc;
export const GPU_MAX_K = 1024;
export const GPU_MAX_G = 64;
/** Invocations per workgroup of step.wgsl (one per prompt). */
const STEP_WG = 64;

/** What one `run(n)` returns: n + 1 rows of means (H, R, C, P); rows 0..n−1 are measured before
 * each update (C of that update), row n after the last (C = 0); and the per-prompt P after. */
export interface GpuRunResult {
  readonly history: Float32Array;
  readonly passRates: Float32Array;
  /** Updates taken before this call (the step of row 0). */
  readonly firstStep: number;
  /** The logits of prompt 0 after the last update (the view's mechanism chart draws them). */
  readonly firstRow: Float32Array;
}

const STORAGE_RW = { type: 'storage' } as const;
const STORAGE_RO = { type: 'read-only-storage' } as const;

/**
 * Explicit layouts: step.wgsl's entry points touch different bindings per (alg, method) and a
 * layout 'auto' would hold only those, so every variant would need its own set; with these the
 * unused ones get a placeholder buffer.
 */
function layouts(device: GPUDevice): { step: GPUPipelineLayout; reduce: GPUPipelineLayout } {
  const entry = (binding: number, buffer: GPUBufferBindingLayout): GPUBindGroupLayoutEntry => ({
    binding,
    visibility: GPUShaderStage.COMPUTE,
    buffer,
  });
  const step = device.createBindGroupLayout({
    entries: [
      entry(0, { type: 'uniform' }),
      entry(1, STORAGE_RW),
      entry(2, STORAGE_RO),
      entry(3, STORAGE_RO),
      entry(4, STORAGE_RO),
      entry(5, STORAGE_RW),
      entry(6, STORAGE_RO),
      entry(7, STORAGE_RW),
    ],
  });
  const reduce = device.createBindGroupLayout({
    entries: [
      entry(0, { type: 'uniform' }),
      entry(5, STORAGE_RO),
      entry(6, STORAGE_RW),
      entry(8, STORAGE_RW),
    ],
  });
  return {
    step: device.createPipelineLayout({ bindGroupLayouts: [step] }),
    reduce: device.createPipelineLayout({ bindGroupLayouts: [reduce] }),
  };
}

async function pipeline(
  device: GPUDevice,
  layout: GPUPipelineLayout,
  module: GPUShaderModule,
  code: string,
  entryPoint: string,
): Promise<GPUComputePipeline> {
  await checkCompilation(module, code, entryPoint);
  return device.createComputePipelineAsync({ layout, compute: { module, entryPoint } });
}

const bind = (
  device: GPUDevice,
  pipe: GPUComputePipeline,
  buffers: Readonly<Record<number, GPUBuffer>>,
): GPUBindGroup =>
  device.createBindGroup({
    layout: pipe.getBindGroupLayout(0),
    entries: Object.entries(buffers).map(([binding, buffer]) => ({
      binding: Number(binding),
      resource: { buffer },
    })),
  });

/** Row-major B×K values into B rows of K4 vec4s, the padding slots set to `pad`. */
function padRows(v: ArrayLike<number>, B: number, K: number, pad: number): Float32Array {
  const KP = 4 * rowShape(K).K4;
  const out = new Float32Array(B * KP).fill(pad);
  for (let b = 0; b < B; b++) for (let j = 0; j < K; j++) out[b * KP + j] = v[b * K + j] ?? 0;
  return out;
}

/** Bit j of row b at word b·KW + j/32: flags (reward bits, then correct-answer bits). */
function packBits(rows: readonly ArrayLike<number>[], B: number, K: number): Uint32Array {
  const { KW } = rowShape(K);
  const out = new Uint32Array(rows.length * B * KW);
  rows.forEach((flags, r) => {
    for (let b = 0; b < B; b++)
      for (let j = 0; j < K; j++)
        if ((flags[b * K + j] ?? 0) === 1) {
          const w = (r * B + b) * KW + (j >>> 5);
          out[w] = ((out[w] ?? 0) | (1 << (j & 31))) >>> 0;
        }
  });
  return out;
}

export class EntropyGpu {
  private steps = 0;
  private histRows = 0;
  private hist: GPUBuffer;
  private staging: GPUBuffer;
  private reduceGroups: { advance: GPUBindGroup; finish: GPUBindGroup };
  private busy: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly device: GPUDevice,
    readonly problem: Problem,
    readonly params: UpdateParams,
    private readonly pipes: {
      step: GPUComputePipeline;
      advance: GPUComputePipeline;
      finish: GPUComputePipeline;
    },
    private readonly buf: {
      z: GPUBuffer;
      stats: GPUBuffer;
      ctrl: GPUBuffer;
      reduceParams: GPUBuffer;
      rest: GPUBuffer[];
    },
    private readonly stepGroup: GPUBindGroup,
  ) {
    this.hist = device.createBuffer({ size: 16, usage: GPUBufferUsage.STORAGE });
    this.staging = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ });
    this.reduceGroups = this.makeReduceGroups();
  }

  /** Compiles the kernels, uploads the problem and measures the initial rows (step 0). */
  static async create(
    device: GPUDevice,
    problem: Problem,
    params: UpdateParams,
    seed: number,
  ): Promise<EntropyGpu> {
    const { B, K } = problem;
    if (K > GPU_MAX_K) throw new RangeError(`the GPU path takes K ≤ ${GPU_MAX_K}, got ${K}`);
    if (params.alg === 'grpo' && params.G > GPU_MAX_G)
      throw new RangeError(`the GPU path takes G ≤ ${GPU_MAX_G}, got ${params.G}`);
    const binary = binaryRewards(problem);
    const code = stepKernelSource(params, K, binary);
    const layout = layouts(device);
    const stepModule = device.createShaderModule({ code });
    const reduceModule = device.createShaderModule({ code: reduceSrc });
    const [step, measure, start, advance, finish] = await Promise.all([
      pipeline(device, layout.step, stepModule, code, 'step'),
      pipeline(device, layout.step, stepModule, code, 'measure'),
      pipeline(device, layout.reduce, reduceModule, reduceSrc, 'start'),
      pipeline(device, layout.reduce, reduceModule, reduceSrc, 'advance'),
      pipeline(device, layout.reduce, reduceModule, reduceSrc, 'finish'),
    ]);
    // The logits are read back by readLogits, so they need COPY_SRC (storageBuffer has none).
    const zData = padRows(problem.z0, B, K, PAD_LOGIT);
    const z = device.createBuffer({
      size: zData.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
    device.queue.writeBuffer(z, 0, zData);
    const bits = storageBuffer(
      device,
      packBits([binary ? problem.rewards : new Uint8Array(0), problem.correct], B, K),
    );
    const placeholder = (): GPUBuffer => storageBuffer(device, new Float32Array(4));
    const rvals = binary ? placeholder() : storageBuffer(device, padRows(problem.rewards, B, K, 0));
    // Padding slots of log π_ref hold 0, not PAD_LOGIT: the js gradient takes log(π + π_ref).
    const logRef =
      params.method === 'div'
        ? storageBuffer(device, padRows(initialLogPolicy(problem, params.temp), B, K, 0))
        : placeholder();
    const stats = device.createBuffer({
      size: B * 16,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const ctrl = storageBuffer(device, new Uint32Array(8));
    const lse = storageBuffer(device, new Float32Array(B));
    const paramsBuf = uniformBuffer(device, encodeParams(B, K, params, seed));
    const reduceParams = uniformBuffer(device, new Uint32Array([B, 0, 0, 0]).buffer);
    const entries = { 0: paramsBuf, 1: z, 2: bits, 3: rvals, 4: logRef, 5: stats, 6: ctrl, 7: lse };
    const stepGroup = bind(device, step, entries);
    const gpu = new EntropyGpu(
      device,
      problem,
      params,
      { step, advance, finish },
      { z, stats, ctrl, reduceParams, rest: [paramsBuf, bits, rvals, logRef, lse] },
      stepGroup,
    );
    // Step 0: measure every row and keep the means in ctrl.cur. Queued, not awaited: the
    // queue runs it before any later submission.
    const encoder = device.createCommandEncoder({ label: 'entropy start' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(measure);
    pass.setBindGroup(0, bind(device, measure, entries));
    pass.dispatchWorkgroups(Math.ceil(B / STEP_WG));
    pass.setPipeline(start);
    pass.setBindGroup(0, bind(device, start, { 0: reduceParams, 5: stats, 6: ctrl, 8: gpu.hist }));
    pass.dispatchWorkgroups(1);
    pass.end();
    device.queue.submit([encoder.finish()]);
    return gpu;
  }

  get step(): number {
    return this.steps;
  }

  /** n updates (n ≥ 0) in one submission, then one readback. Calls are queued, never overlap. */
  run(n: number): Promise<GpuRunResult> {
    const next = this.busy.then(() => this.runNow(n));
    this.busy = next.catch(() => undefined);
    return next;
  }

  /** The current logits (f32, B×K row-major), or their first `count` (prompt 0 is the first K). */
  readLogits(count = this.problem.B * this.problem.K): Promise<Float32Array> {
    const { K } = this.problem;
    const KP = 4 * rowShape(K).K4;
    const rows = Math.ceil(count / K);
    const next = this.busy
      .then(() => this.copyOut(this.buf.z, rows * KP * 4))
      .then((b) => {
        const padded = new Float32Array(b);
        const out = new Float32Array(count);
        for (let i = 0; i < count; i++) out[i] = padded[Math.floor(i / K) * KP + (i % K)] ?? NaN;
        return out;
      });
    this.busy = next.catch(() => undefined);
    return next;
  }

  destroy(): void {
    const { z, stats, ctrl, reduceParams, rest } = this.buf;
    for (const b of [z, stats, ctrl, reduceParams, this.hist, this.staging, ...rest]) b.destroy();
  }

  private async runNow(n: number): Promise<GpuRunResult> {
    const { device, pipes, problem } = this;
    this.ensureHistory(n + 1);
    // step and first only: ctrl.cur holds the means of the current rows.
    device.queue.writeBuffer(this.buf.ctrl, 0, new Uint32Array([this.steps, this.steps]));
    const encoder = device.createCommandEncoder({ label: 'entropy steps' });
    const pass = encoder.beginComputePass();
    for (let i = 0; i < n; i++) {
      pass.setPipeline(pipes.step);
      pass.setBindGroup(0, this.stepGroup);
      pass.dispatchWorkgroups(Math.ceil(problem.B / STEP_WG));
      pass.setPipeline(pipes.advance);
      pass.setBindGroup(0, this.reduceGroups.advance);
      pass.dispatchWorkgroups(1);
    }
    pass.setPipeline(pipes.finish);
    pass.setBindGroup(0, this.reduceGroups.finish);
    pass.dispatchWorkgroups(1);
    pass.end();
    // One readback: the history rows, the per-prompt stats (their P), prompt 0's row.
    const histBytes = (n + 1) * 16;
    const statBytes = problem.B * 16;
    const rowBytes = 16 * rowShape(problem.K).K4;
    const total = histBytes + statBytes + rowBytes;
    encoder.copyBufferToBuffer(this.hist, 0, this.staging, 0, histBytes);
    encoder.copyBufferToBuffer(this.buf.stats, 0, this.staging, histBytes, statBytes);
    encoder.copyBufferToBuffer(this.buf.z, 0, this.staging, histBytes + statBytes, rowBytes);
    device.queue.submit([encoder.finish()]);
    await this.staging.mapAsync(GPUMapMode.READ, 0, total);
    const all = new Float32Array(this.staging.getMappedRange(0, total).slice(0));
    this.staging.unmap();
    const firstStep = this.steps;
    this.steps += n;
    const passRates = new Float32Array(problem.B);
    for (let b = 0; b < problem.B; b++) passRates[b] = all[4 * (n + 1) + 4 * b + 3] ?? NaN;
    const rowAt = (histBytes + statBytes) / 4;
    return {
      history: all.subarray(0, 4 * (n + 1)),
      passRates,
      firstStep,
      firstRow: all.slice(rowAt, rowAt + problem.K),
    };
  }

  private ensureHistory(rows: number): void {
    if (rows <= this.histRows) return;
    this.histRows = Math.max(rows, 2 * this.histRows);
    this.hist.destroy();
    this.staging.destroy();
    this.hist = this.device.createBuffer({
      size: this.histRows * 16,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    this.staging = this.device.createBuffer({
      size: this.histRows * 16 + this.problem.B * 16 + 16 * rowShape(this.problem.K).K4,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.reduceGroups = this.makeReduceGroups();
  }

  private makeReduceGroups(): { advance: GPUBindGroup; finish: GPUBindGroup } {
    const { reduceParams, stats, ctrl } = this.buf;
    const entries = { 0: reduceParams, 5: stats, 6: ctrl, 8: this.hist };
    return {
      advance: bind(this.device, this.pipes.advance, entries),
      finish: bind(this.device, this.pipes.finish, entries),
    };
  }

  private async copyOut(src: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
    const staging = this.device.createBuffer({
      size: bytes,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const encoder = this.device.createCommandEncoder();
    encoder.copyBufferToBuffer(src, 0, staging, 0, bytes);
    this.device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const out = staging.getMappedRange().slice(0);
    staging.unmap();
    staging.destroy();
    return out;
  }
}

/** log π_ref of every row: the initial policy at temperature T (for method=div). */
function initialLogPolicy(problem: Problem, temp: number): Float64Array {
  const { B, K, z0 } = problem;
  const out = new Float64Array(B * K);
  const pi = new Float64Array(K);
  const lp = new Float64Array(K);
  for (let b = 0; b < B; b++) {
    softmaxRow(z0, b * K, K, 1 / temp, pi, lp);
    out.set(lp, b * K);
  }
  return out;
}
