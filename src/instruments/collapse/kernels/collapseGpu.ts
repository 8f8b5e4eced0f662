/**
 * The collapse kernels' TypeScript side: a UFM (depth 0) trained on the GPU in f32 with the
 * step rule of science/stepRule.ts, and the per-sample parts of the NC metrics. Pipelines are
 * specialised per config (collapseCode.ts); buffers and bind groups are made once. `steps(n)`
 * encodes n steps in one submission; `measure()` adds the measuring passes and reads everything
 * back in one mapping. Oracle: science/ (gd.ts, metrics.ts ncStats).
 *
 * A step is six dispatches: sample (per-sample work) → outer (sums over samples, per row of the
 * partial table) → sumRows → curvature → update (W, b) → gram (W·Wᵀ for the next step). A
 * measurement: sample → outer → sumRows → means → gram (and ‖μ_a − μ_c‖²) → metric → sumRows.
 */
import { bindGroup, computePipeline, outputBuffer } from '../../../gpu/runner';
import type { CollapseConfig } from '../science/config';
import { type UfmShape, type UfmState, shapeOf } from '../science/model';
import type { NcStats } from '../science/metrics';
import { type CollapseLayout, collapseCode, collapseLayout, WG } from './collapseCode';

export interface GpuMeasure {
  /** The objective F at the measured state (f32 sums, finished in f64). */
  readonly objective: number;
  readonly stats: NcStats;
  readonly W: Float64Array;
  readonly b: Float64Array;
}

interface Pass {
  readonly pipeline: GPUComputePipeline;
  /** Bind groups by the parity of the H buffer that holds the current state. */
  readonly groups: readonly [GPUBindGroup, GPUBindGroup];
  readonly workgroups: number;
}

type PassName =
  | 'sampleStep'
  | 'outerStep'
  | 'sumStep'
  | 'curvature'
  | 'update'
  | 'gramStep'
  | 'sampleMeasure'
  | 'outerMeasure'
  | 'means'
  | 'gramMeasure'
  | 'metric'
  | 'sumMetric';

const STEP: readonly PassName[] = [
  'sampleStep',
  'outerStep',
  'sumStep',
  'curvature',
  'update',
  'gramStep',
];
const MEASURE: readonly PassName[] = [
  'sampleMeasure',
  'outerMeasure',
  'sumStep',
  'means',
  'gramMeasure',
  'metric',
  'sumMetric',
];

/** A GPU-resident UFM run for one config (depth 0). */
export class CollapseGpu {
  private parity = 0;
  private constructor(
    readonly device: GPUDevice,
    readonly cfg: CollapseConfig,
    readonly shape: UfmShape,
    private readonly layout: CollapseLayout,
    private readonly passes: Record<PassName, Pass>,
    private readonly bufs: Record<'wb' | 'h0' | 'h1' | 'totals' | 'small' | 'mtotals', GPUBuffer>,
    private readonly staging: { readonly small: GPUBuffer; readonly withH: GPUBuffer },
    private readonly owned: readonly GPUBuffer[],
  ) {}

  static async create(device: GPUDevice, cfg: CollapseConfig): Promise<CollapseGpu> {
    if (cfg.depth !== 0) throw new RangeError('the collapse kernels run the plain UFM (depth 0)');
    const shape = shapeOf(cfg);
    const L = collapseLayout(shape);
    const { K, d, NB, ninv, stride, metricStride } = L;
    const code = collapseCode(cfg, L);
    const sources: Record<PassName, [string, string]> = {
      sampleStep: [code.sampleStep, 'sample'],
      outerStep: [code.outerStep, 'outer'],
      sumStep: [code.sumStep, 'sumRows'],
      curvature: [code.finishStep, 'curvature'],
      update: [code.finishStep, 'update'],
      gramStep: [code.finishStep, 'gram'],
      sampleMeasure: [code.sampleMeasure, 'sample'],
      outerMeasure: [code.outerMeasure, 'outer'],
      means: [code.finishMeasure, 'means'],
      gramMeasure: [code.finishMeasure, 'gram'],
      metric: [code.metric, 'metric'],
      sumMetric: [code.sumMetric, 'sumRows'],
    };
    const names = Object.keys(sources) as PassName[];
    const pipes = Object.fromEntries(
      await Promise.all(
        names.map(async (n) => [n, await computePipeline(device, ...sources[n])] as const),
      ),
    ) as Record<PassName, GPUComputePipeline>;
    const storage = (bytes: number): GPUBuffer =>
      device.createBuffer({
        size: Math.max(16, Math.ceil(bytes / 4) * 4),
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
      });
    const bufs = {
      wb: storage((K * d + K) * 4),
      h0: storage(d * NB * 16),
      h1: storage(d * NB * 16),
      totals: storage(stride * 4),
      small: storage(L.small * 4),
      mtotals: storage(metricStride * 4),
    };
    const labels = storage(NB * 16);
    const counts = storage(K * 4);
    const best = outputBuffer(device, NB * 16);
    const resid = outputBuffer(device, K * NB * 16);
    const partials = outputBuffer(device, Math.max(stride, metricStride) * ninv * 4);
    // Padding samples carry the label K, which every pass reads as "no sample".
    const lab = new Uint32Array(NB * 4).fill(K);
    lab.set(shape.labels);
    device.queue.writeBuffer(labels, 0, lab);
    device.queue.writeBuffer(counts, 0, Float32Array.from(shape.counts));
    const readBytes = (K * d + K + stride + L.small + metricStride) * 4;
    const mappable = (bytes: number): GPUBuffer =>
      device.createBuffer({
        size: bytes,
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
    const staging = { small: mappable(readBytes), withH: mappable(readBytes + d * NB * 16) };
    const h = [bufs.h0, bufs.h1] as const;
    // Each variant binds only what it reads: the step writes hNext, the measurement `best`.
    const sample = (cur: GPUBuffer, other: GPUBuffer, update: boolean) => ({
      0: bufs.wb,
      1: bufs.small,
      2: cur,
      4: labels,
      5: partials,
      ...(update ? { 3: other, 7: resid } : { 6: best }),
    });
    const finish = { 1: counts, 2: bufs.totals, 3: bufs.small };
    const groups = (n: PassName): Record<number, GPUBuffer>[] => {
      const both = (b: Record<number, GPUBuffer>) => [b, b];
      switch (n) {
        case 'sampleStep':
        case 'sampleMeasure': {
          const update = n === 'sampleStep';
          return [sample(h[0], h[1], update), sample(h[1], h[0], update)];
        }
        case 'outerStep':
          return h.map((cur) => ({ 2: cur, 4: labels, 5: partials, 7: resid }));
        case 'outerMeasure':
          return h.map((cur) => ({ 2: cur, 4: labels, 5: partials }));
        case 'sumStep':
          return both({ 0: partials, 1: bufs.totals });
        case 'sumMetric':
          return both({ 0: partials, 1: bufs.mtotals });
        case 'curvature':
        case 'means':
          return both(finish);
        case 'update':
          return both({ 0: bufs.wb, 2: bufs.totals, 3: bufs.small });
        case 'gramStep':
        case 'gramMeasure':
          return both({ 0: bufs.wb, 3: bufs.small });
        case 'metric':
          return h.map((cur) => ({ 0: bufs.small, 1: cur, 2: labels, 3: best, 4: partials }));
      }
    };
    const per = (entries: number) => Math.ceil(entries / WG);
    const workgroups: Record<PassName, number> = {
      sampleStep: L.workgroups,
      outerStep: per(ninv * d),
      sumStep: per(stride),
      curvature: 1,
      update: per(K * d + K),
      gramStep: per(K * K),
      sampleMeasure: L.workgroups,
      outerMeasure: per(ninv * d),
      means: per(K * d),
      gramMeasure: per(K * K),
      metric: L.workgroups,
      sumMetric: per(metricStride),
    };
    const pass = (n: PassName): Pass => {
      const [g0, g1] = groups(n).map((b) => bindGroup(device, pipes[n], b));
      if (!g0 || !g1) throw new Error(`no bind groups for ${n}`);
      return { pipeline: pipes[n], groups: [g0, g1], workgroups: workgroups[n] };
    };
    const passes = Object.fromEntries(names.map((n) => [n, pass(n)])) as Record<PassName, Pass>;
    const owned = [
      ...Object.values(bufs),
      labels,
      counts,
      best,
      partials,
      ...Object.values(staging),
    ];
    return new CollapseGpu(device, cfg, shape, L, passes, bufs, staging, owned);
  }

  /**
   * Uploads a state (rounded to f32; H into the kernels' blocks of 4 samples, feature-major) and
   * computes W·Wᵀ for the first step.
   */
  upload(st: UfmState): void {
    const { K, d, N, NB } = this.layout;
    const wb = new Float32Array(K * d + K);
    wb.set(st.W);
    wb.set(st.b, K * d);
    this.device.queue.writeBuffer(this.bufs.wb, 0, wb);
    const hb = new Float32Array(d * NB * 4);
    for (let i = 0; i < N; i++)
      for (let j = 0; j < d; j++) hb[(j * NB + (i >> 2)) * 4 + (i & 3)] = st.H[i * d + j] ?? 0;
    this.parity = 0;
    this.device.queue.writeBuffer(this.bufs.h0, 0, hb);
    this.device.queue.submit([this.encode(0, []).finish()]);
  }

  private dispatch(enc: GPUComputePassEncoder, name: PassName): void {
    const p = this.passes[name];
    enc.setPipeline(p.pipeline);
    enc.setBindGroup(0, p.groups[this.parity as 0 | 1]);
    enc.dispatchWorkgroups(p.workgroups);
  }

  /** Encodes n steps then `after` (after an upload: W·Wᵀ only) into one command buffer. */
  private encode(n: number, after: readonly PassName[]): GPUCommandEncoder {
    const encoder = this.device.createCommandEncoder({ label: 'collapse' });
    const pass = encoder.beginComputePass();
    if (n === 0 && after.length === 0) this.dispatch(pass, 'gramStep');
    for (let t = 0; t < n; t++) {
      for (const name of STEP) this.dispatch(pass, name);
      this.parity ^= 1;
    }
    for (const name of after) this.dispatch(pass, name);
    pass.end();
    return encoder;
  }

  /** Encodes and submits n gradient steps (no readback). */
  steps(n: number): void {
    if (n <= 0) return;
    this.device.queue.submit([this.encode(n, []).finish()]);
  }

  /**
   * Runs `n` steps then the measuring passes at the resulting state, in one submission, and
   * reads back W, b, the sums, the means and the metric sums in one mapping (H only if asked,
   * returned N×d row-major).
   */
  async measure(n = 0, withH = false): Promise<GpuMeasure & { H?: Float32Array }> {
    const { K, d, N, NB, stride, metricStride, means } = this.layout;
    const encoder = this.encode(n, MEASURE);
    const parts: [GPUBuffer, number][] = [
      [this.bufs.wb, (K * d + K) * 4],
      [this.bufs.totals, stride * 4],
      [this.bufs.small, this.layout.small * 4],
      [this.bufs.mtotals, metricStride * 4],
    ];
    if (withH) parts.push([this.parity === 0 ? this.bufs.h0 : this.bufs.h1, d * NB * 16]);
    const staging = withH ? this.staging.withH : this.staging.small;
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
    const small = take(this.layout.small);
    const mt = take(metricStride);
    let H: Float32Array | undefined;
    if (withH) {
      const hb = take(d * NB * 4);
      H = new Float32Array(N * d);
      for (let i = 0; i < N; i++)
        for (let j = 0; j < d; j++) H[i * d + j] = hb[(j * NB + (i >> 2)) * 4 + (i & 3)] ?? 0;
    }
    // The kernel sums the upper triangle of S (symmetric).
    const S = new Float64Array(K * K);
    let e = 0;
    for (let a = 0; a < K; a++)
      for (let c = a; c < K; c++, e++) {
        const v = (mt[e] ?? 0) / N;
        S[a * K + c] = v;
        S[c * K + a] = v;
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
      counts: this.shape.counts,
      means: Float64Array.from(small.subarray(means, means + K * d)),
      S,
      mismatches: Math.round(mt[metricStride - 1] ?? 0),
    };
    const objective = lossSum / N + 0.5 * this.cfg.lamW * w2 + 0.5 * this.cfg.lamH * hsq;
    return H ? { objective, stats, W, b, H } : { objective, stats, W, b };
  }

  destroy(): void {
    for (const b of this.owned) b.destroy();
  }
}
