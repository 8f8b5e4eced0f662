/**
 * The collapse kernels' TypeScript side: a UFM (depth 0) trained on the GPU in f32 with the
 * step rule of science/stepRule.ts, and the per-sample parts of the NC metrics. Buffers and bind
 * groups are made once per size; `steps(n)` encodes n steps in one submission; `measure()` adds
 * the metric passes and reads everything back in one mapping. Oracle: science/ (gd.ts,
 * metrics.ts ncStats).
 */
import commonSrc from '../../../../shaders/collapse/common.wgsl?raw';
import stepSrc from '../../../../shaders/collapse/step.wgsl?raw';
import metricsSrc from '../../../../shaders/collapse/metrics.wgsl?raw';
import { bindGroup, computePipeline, outputBuffer, uniformBuffer } from '../../../gpu/runner';
import type { CollapseConfig } from '../science/config';
import { type UfmShape, type UfmState, shapeOf } from '../science/model';
import type { NcStats } from '../science/metrics';

export const STEP_CODE = `${commonSrc}\n${stepSrc}`;
export const METRICS_CODE = `${commonSrc}\n${metricsSrc}`;

const WG = 64;
const SMALL_LEN = 1484; // shaders/collapse/common.wgsl: ETA + 4
const MEANS = 100;

export interface GpuMeasure {
  /** The objective F at the measured state (f32 sums, finished in f64). */
  readonly objective: number;
  readonly stats: NcStats;
  readonly W: Float64Array;
  readonly b: Float64Array;
  /** The W step the rule chose at this state. */
  readonly etaW: number;
}

type Pipelines = Record<
  'gram' | 'sample' | 'partial' | 'reduce' | 'finish' | 'metric',
  GPUComputePipeline
>;

function paramsBytes(cfg: CollapseConfig, shape: UfmShape, update: boolean): ArrayBuffer {
  const bytes = new ArrayBuffer(48);
  const u = new Uint32Array(bytes, 0, 8);
  const f = new Float32Array(bytes, 32, 4);
  u.set([
    shape.K,
    shape.d,
    shape.N,
    Math.ceil(shape.N / WG),
    cfg.loss === 'mse' ? 1 : 0,
    cfg.bias ? 1 : 0,
    update ? 1 : 0,
    0,
  ]);
  f.set([cfg.lamW, cfg.lamH, cfg.alpha, 1 / shape.N]);
  return bytes;
}

/** A GPU-resident UFM run for one config (depth 0). */
export class CollapseGpu {
  private parity = 0;
  private constructor(
    readonly device: GPUDevice,
    readonly cfg: CollapseConfig,
    readonly shape: UfmShape,
    private readonly p: Pipelines,
    private readonly bufs: Record<string, GPUBuffer>,
    private readonly groups: Record<string, GPUBindGroup>,
  ) {}

  static async create(device: GPUDevice, cfg: CollapseConfig): Promise<CollapseGpu> {
    if (cfg.depth !== 0) throw new RangeError('the collapse kernels run the plain UFM (depth 0)');
    const shape = shapeOf(cfg);
    const { K, d, N } = shape;
    const chunks = Math.ceil(N / WG);
    const [gram, sample, partial, reduce, finish, metric] = await Promise.all([
      computePipeline(device, STEP_CODE, 'gram'),
      computePipeline(device, STEP_CODE, 'sample'),
      computePipeline(device, STEP_CODE, 'partial'),
      computePipeline(device, STEP_CODE, 'reduce'),
      computePipeline(device, STEP_CODE, 'finish'),
      computePipeline(device, METRICS_CODE, 'metric'),
    ]);
    const p: Pipelines = { gram, sample, partial, reduce, finish, metric };
    const storage = (bytes: number): GPUBuffer =>
      device.createBuffer({
        size: Math.max(16, Math.ceil(bytes / 4) * 4),
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
      });
    const stride = 2 * K * d + K + 3;
    const bufs: Record<string, GPUBuffer> = {
      step: uniformBuffer(device, paramsBytes(cfg, shape, true)),
      measure: uniformBuffer(device, paramsBytes(cfg, shape, false)),
      wb: storage((K * d + K) * 4),
      h0: storage(N * d * 4),
      h1: storage(N * d * 4),
      labels: storage(N * 4),
      counts: storage(K * 4),
      resid: outputBuffer(device, N * K * 4),
      sstats: outputBuffer(device, N * 16),
      partials: outputBuffer(device, chunks * stride * 4),
      totals: storage(stride * 4),
      small: storage(SMALL_LEN * 4),
      mpart: storage(chunks * (K * K + 1) * 4),
    };
    // Readback staging made once per size, like every other buffer here.
    const readBytes = (K * d + K + stride + SMALL_LEN + chunks * (K * K + 1)) * 4;
    const mappable = (bytes: number): GPUBuffer =>
      device.createBuffer({
        size: bytes,
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
    bufs.staging = mappable(readBytes);
    bufs.stagingH = mappable(readBytes + N * d * 4);
    device.queue.writeBuffer(bufs.labels as GPUBuffer, 0, Uint32Array.from(shape.labels));
    device.queue.writeBuffer(bufs.counts as GPUBuffer, 0, Float32Array.from(shape.counts));
    const b = (name: string): GPUBuffer => {
      const buf = bufs[name];
      if (!buf) throw new Error(`no buffer ${name}`);
      return buf;
    };
    const groups: Record<string, GPUBindGroup> = {};
    for (const mode of ['step', 'measure'] as const) {
      groups[`gram`] = bindGroup(device, gram, { 0: b('step'), 1: b('wb'), 11: b('small') });
      groups[`reduce`] = bindGroup(device, reduce, {
        0: b('step'),
        9: b('partials'),
        10: b('totals'),
      });
      groups[`finish-${mode}`] = bindGroup(device, finish, {
        0: b(mode),
        1: b('wb'),
        6: b('counts'),
        10: b('totals'),
        11: b('small'),
      });
      for (const par of [0, 1]) {
        const cur = b(par === 0 ? 'h0' : 'h1');
        const next = b(par === 0 ? 'h1' : 'h0');
        groups[`sample-${mode}-${String(par)}`] = bindGroup(device, sample, {
          0: b(mode),
          1: b('wb'),
          3: cur,
          4: next,
          5: b('labels'),
          7: b('resid'),
          8: b('sstats'),
          11: b('small'),
        });
        groups[`partial-${String(par)}`] = bindGroup(device, partial, {
          0: b('step'),
          3: cur,
          5: b('labels'),
          7: b('resid'),
          8: b('sstats'),
          9: b('partials'),
        });
        groups[`metric-${String(par)}`] = bindGroup(device, metric, {
          0: b('step'),
          3: cur,
          5: b('labels'),
          8: b('sstats'),
          11: b('small'),
          12: b('mpart'),
        });
      }
    }
    return new CollapseGpu(device, cfg, shape, p, bufs, groups);
  }

  private buf(name: string): GPUBuffer {
    const b = this.bufs[name];
    if (!b) throw new Error(`no buffer ${name}`);
    return b;
  }

  private group(name: string): GPUBindGroup {
    const g = this.groups[name];
    if (!g) throw new Error(`no bind group ${name}`);
    return g;
  }

  /** Uploads a state (rounded to f32). */
  upload(st: UfmState): void {
    const { K, d } = this.shape;
    const wb = new Float32Array(K * d + K);
    wb.set(st.W);
    wb.set(st.b, K * d);
    this.device.queue.writeBuffer(this.buf('wb'), 0, wb);
    this.parity = 0;
    this.device.queue.writeBuffer(this.buf('h0'), 0, Float32Array.from(st.H));
  }

  private encodePass(pass: GPUComputePassEncoder, mode: 'step' | 'measure'): void {
    const { K, d, N } = this.shape;
    const chunks = Math.ceil(N / WG);
    const par = String(this.parity);
    pass.setPipeline(this.p.gram);
    pass.setBindGroup(0, this.group('gram'));
    pass.dispatchWorkgroups(1);
    pass.setPipeline(this.p.sample);
    pass.setBindGroup(0, this.group(`sample-${mode}-${par}`));
    pass.dispatchWorkgroups(chunks);
    pass.setPipeline(this.p.partial);
    pass.setBindGroup(0, this.group(`partial-${par}`));
    pass.dispatchWorkgroups(chunks);
    pass.setPipeline(this.p.reduce);
    pass.setBindGroup(0, this.group('reduce'));
    pass.dispatchWorkgroups(Math.ceil((2 * K * d + K + 3) / WG));
    pass.setPipeline(this.p.finish);
    pass.setBindGroup(0, this.group(`finish-${mode}`));
    pass.dispatchWorkgroups(1);
    if (mode === 'measure') {
      pass.setPipeline(this.p.metric);
      pass.setBindGroup(0, this.group(`metric-${par}`));
      pass.dispatchWorkgroups(chunks);
    } else {
      this.parity ^= 1;
    }
  }

  /** Encodes and submits n gradient steps (no readback). */
  steps(n: number): void {
    if (n <= 0) return;
    const encoder = this.device.createCommandEncoder({ label: 'collapse-steps' });
    const pass = encoder.beginComputePass();
    for (let t = 0; t < n; t++) this.encodePass(pass, 'step');
    pass.end();
    this.device.queue.submit([encoder.finish()]);
  }

  /**
   * Runs `n` steps then the metric passes at the resulting state, in one submission, and reads
   * back W, b, the totals, the means and the metric partials in one mapping (H only if asked).
   */
  async measure(n = 0, withH = false): Promise<GpuMeasure & { H?: Float32Array }> {
    const { K, d, N, counts } = this.shape;
    const chunks = Math.ceil(N / WG);
    const stride = 2 * K * d + K + 3;
    const encoder = this.device.createCommandEncoder({ label: 'collapse-measure' });
    const pass = encoder.beginComputePass();
    for (let t = 0; t < n; t++) this.encodePass(pass, 'step');
    this.encodePass(pass, 'measure');
    pass.end();
    const parts: [GPUBuffer, number][] = [
      [this.buf('wb'), (K * d + K) * 4],
      [this.buf('totals'), stride * 4],
      [this.buf('small'), SMALL_LEN * 4],
      [this.buf('mpart'), chunks * (K * K + 1) * 4],
    ];
    if (withH) parts.push([this.buf(this.parity === 0 ? 'h0' : 'h1'), N * d * 4]);
    const staging = this.buf(withH ? 'stagingH' : 'staging');
    let off = 0;
    for (const [src, bytes] of parts) {
      encoder.copyBufferToBuffer(src, 0, staging, off, bytes);
      off += bytes;
    }
    this.device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const all = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    let o = 0;
    const take = (len: number): Float32Array => {
      const v = all.subarray(o, o + len);
      o += len;
      return v;
    };
    const wb = take(K * d + K);
    const totals = take(stride);
    const small = take(SMALL_LEN);
    const mpart = take(chunks * (K * K + 1));
    const H = withH ? Float32Array.from(take(N * d)) : undefined;
    // The f32 partials are summed over chunks in f64 here.
    const S = new Float64Array(K * K);
    let mismatches = 0;
    for (let c = 0; c < chunks; c++) {
      for (let e = 0; e < K * K; e++) S[e] = (S[e] ?? 0) + (mpart[c * (K * K + 1) + e] ?? 0) / N;
      mismatches += mpart[c * (K * K + 1) + K * K] ?? 0;
    }
    const W = Float64Array.from(wb.subarray(0, K * d));
    const b = Float64Array.from(wb.subarray(K * d));
    let w2 = 0;
    for (const v of W) w2 += v * v;
    const lossSum = totals[2 * K * d + K] ?? 0;
    const hsq = totals[2 * K * d + K + 1] ?? 0;
    const stats: NcStats = {
      K,
      d,
      counts,
      means: Float64Array.from(small.subarray(MEANS, MEANS + K * d)),
      S,
      mismatches: Math.round(mismatches),
    };
    const objective = lossSum / N + 0.5 * this.cfg.lamW * w2 + 0.5 * this.cfg.lamH * hsq;
    const etaW = small[SMALL_LEN - 4] ?? 0;
    return H ? { objective, stats, W, b, etaW, H } : { objective, stats, W, b, etaW };
  }

  destroy(): void {
    for (const b of Object.values(this.bufs)) b.destroy();
  }
}
