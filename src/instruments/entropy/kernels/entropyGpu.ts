/**
 * The TS side of shaders/entropy/step.wgsl and reduce.wgsl: all B prompts of one run on the GPU.
 * Buffers and bind groups are made once per instance; `run(n)` encodes n update steps (each a
 * step dispatch and a one-workgroup mean) plus a final measurement in one submission and reads
 * back once. Must agree with EntropyEngine (science/engine.ts), its f64 oracle.
 */
import rngLib from '../../../../shaders/lib/counter_rng.wgsl?raw';
import stepSrc from '../../../../shaders/entropy/step.wgsl?raw';
import reduceSrc from '../../../../shaders/entropy/reduce.wgsl?raw';
import serialSrc from '../../../../shaders/entropy/step_serial.wgsl?raw';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  storageBuffer,
  uniformBuffer,
} from '../../../gpu/runner';
import { softmaxRow } from '../science/policy';
import type { Problem, UpdateParams } from '../science/types';
import { encodeParams, pathConstants } from './params';

/** The step kernel's source for one (alg, method, divergence): constants, RNG, kernel. */
export const stepKernelSource = (p: UpdateParams, K: number): string =>
  serial(p)
    ? `${pathConstants(p, K)}\n${serialSrc}`
    : `${pathConstants(p, K)}\n${rngLib}\n${stepSrc}`;

/**
 * The exact modes run one invocation per prompt (step_serial.wgsl: no barriers, which is what
 * costs on SwiftShader); grpo runs one workgroup per prompt (step.wgsl), its tokens in parallel.
 */
const serial = (p: UpdateParams): boolean => p.alg !== 'grpo';
const SERIAL_WG = 64;
export const REDUCE_KERNEL_SOURCE = reduceSrc;
export const GPU_MAX_K = 1024;
export const GPU_MAX_G = 64;

/** What one `run(n)` returns: n + 1 rows of means (H, R, C, P); rows 0..n−1 are measured before
 * each update (C of that update), row n after the last (C = 0); and the per-prompt P after. */
export interface GpuRunResult {
  readonly history: Float32Array;
  readonly passRates: Float32Array;
  /** Updates taken before this call (the step of row 0). */
  readonly firstStep: number;
}

export class EntropyGpu {
  private steps = 0;
  private histRows = 0;
  private hist: GPUBuffer;
  private staging: GPUBuffer;
  private reduceGroups: readonly [GPUBindGroup, GPUBindGroup];
  private busy: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly device: GPUDevice,
    readonly problem: Problem,
    readonly params: UpdateParams,
    private readonly pipes: {
      step: GPUComputePipeline;
      measure: GPUComputePipeline;
      advance: GPUComputePipeline;
      record: GPUComputePipeline;
    },
    private readonly buf: {
      params: GPUBuffer;
      reduceParams: GPUBuffer;
      z: GPUBuffer;
      stats: GPUBuffer;
      ctrl: GPUBuffer;
      rest: GPUBuffer[];
    },
    private readonly stepGroups: readonly [GPUBindGroup, GPUBindGroup],
  ) {
    this.hist = outputBuffer(device, 16);
    this.staging = outputBuffer(device, 16);
    this.reduceGroups = this.makeReduceGroups();
  }

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
    const [step, measure, advance, record] = await Promise.all([
      computePipeline(device, stepKernelSource(params, K), 'step'),
      computePipeline(device, stepKernelSource(params, K), 'measure'),
      computePipeline(device, reduceSrc, 'advance'),
      computePipeline(device, reduceSrc, 'record'),
    ]);
    const f32 = (a: ArrayLike<number>): Float32Array => Float32Array.from(a);
    const logRef = new Float32Array(B * K);
    if (params.method === 'div') {
      const pi = new Float64Array(K);
      const lp = new Float64Array(K);
      for (let b = 0; b < B; b++) {
        softmaxRow(problem.z0, b * K, K, 1 / params.temp, pi, lp);
        logRef.set(lp, b * K);
      }
    }
    // The logits are read back by readLogits, so they need COPY_SRC (storageBuffer has none).
    const zBuf = device.createBuffer({
      size: Math.max(16, B * K * 4),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
    device.queue.writeBuffer(zBuf, 0, f32(problem.z0));
    const rewards = storageBuffer(device, f32(problem.rewards));
    const correct = storageBuffer(device, f32(problem.correct));
    const ref = storageBuffer(device, logRef);
    const stats = device.createBuffer({
      size: Math.max(16, B * 16),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const ctrl = storageBuffer(device, new Uint32Array(4));
    const paramsBuf = uniformBuffer(device, encodeParams(B, K, params, seed));
    const reduceParams = uniformBuffer(device, new Uint32Array([B, 0, 0, 0]).buffer);
    // π and Ã of every prompt, for the one-invocation-per-prompt kernel.
    const scratch = device.createBuffer({
      size: Math.max(16, 2 * B * K * 4),
      usage: GPUBufferUsage.STORAGE,
    });
    // Layout 'auto' gives every pipeline its own bind group layout, so each needs its own group,
    // holding exactly the bindings its kernel uses.
    const common = { 0: paramsBuf, 1: zBuf, 2: rewards, 3: correct, 4: ref, 5: stats };
    const entries = serial(params) ? { ...common, 8: scratch } : { ...common, 6: ctrl };
    return new EntropyGpu(
      device,
      problem,
      params,
      { step, measure, advance, record },
      {
        params: paramsBuf,
        reduceParams,
        z: zBuf,
        stats,
        ctrl,
        rest: [rewards, correct, ref, scratch],
      },
      [bindGroup(device, step, entries), bindGroup(device, measure, entries)],
    );
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
    const next = this.busy
      .then(() => this.copyOut(this.buf.z, count * 4))
      .then((b) => new Float32Array(b));
    this.busy = next.catch(() => undefined);
    return next;
  }

  destroy(): void {
    const { params, reduceParams, z, stats, ctrl, rest } = this.buf;
    for (const b of [params, reduceParams, z, stats, ctrl, this.hist, this.staging, ...rest])
      b.destroy();
  }

  private async runNow(n: number): Promise<GpuRunResult> {
    const { device, pipes, problem } = this;
    this.ensureHistory(n + 1);
    device.queue.writeBuffer(this.buf.ctrl, 0, new Uint32Array([this.steps, this.steps, 0, 0]));
    const encoder = device.createCommandEncoder({ label: 'entropy steps' });
    const pass = encoder.beginComputePass();
    for (let i = 0; i <= n; i++) {
      const last = i === n ? 1 : 0;
      pass.setPipeline(last ? pipes.measure : pipes.step);
      pass.setBindGroup(0, this.stepGroups[last]);
      pass.dispatchWorkgroups(serial(this.params) ? Math.ceil(problem.B / SERIAL_WG) : problem.B);
      pass.setPipeline(last ? pipes.record : pipes.advance);
      pass.setBindGroup(0, this.reduceGroups[last]);
      pass.dispatchWorkgroups(1);
    }
    pass.end();
    const histBytes = (n + 1) * 16;
    const statBytes = problem.B * 16;
    encoder.copyBufferToBuffer(this.hist, 0, this.staging, 0, histBytes);
    encoder.copyBufferToBuffer(this.buf.stats, 0, this.staging, histBytes, statBytes);
    device.queue.submit([encoder.finish()]);
    await this.staging.mapAsync(GPUMapMode.READ, 0, histBytes + statBytes);
    const all = new Float32Array(this.staging.getMappedRange(0, histBytes + statBytes).slice(0));
    this.staging.unmap();
    const firstStep = this.steps;
    this.steps += n;
    const passRates = new Float32Array(problem.B);
    for (let b = 0; b < problem.B; b++) passRates[b] = all[4 * (n + 1) + 4 * b + 3] ?? NaN;
    return { history: all.subarray(0, 4 * (n + 1)), passRates, firstStep };
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
      size: this.histRows * 16 + this.problem.B * 16,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.reduceGroups = this.makeReduceGroups();
  }

  private makeReduceGroups(): readonly [GPUBindGroup, GPUBindGroup] {
    const { reduceParams, stats, ctrl } = this.buf;
    const entries = { 0: reduceParams, 5: stats, 6: ctrl, 7: this.hist };
    return [
      bindGroup(this.device, this.pipes.advance, entries),
      bindGroup(this.device, this.pipes.record, entries),
    ];
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
