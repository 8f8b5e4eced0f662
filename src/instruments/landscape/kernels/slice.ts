/**
 * The slice kernel's host side: f(α, β) = L(θ + αδ + βη) and the accuracy on a rectilinear grid
 * of (α, β), on the GPU in f32 (Li et al. 2018, Eq. 1). Oracle: lossSlice in ../science/slice.ts.
 *
 * Passes: slice_project.wgsl (the first layer's three products per sample, once per θ), then
 * per grid point either slice_loss_wg.wgsl (one workgroup forms the later weights in workgroup
 * memory and runs the samples) or, for nets too big for it, slice_weights.wgsl and
 * slice_loss.wgsl (weights per point in a buffer); slice_reduce.wgsl sums the shares. Buffers
 * are made once per kernel (shape, data set and largest grid fixed) and reused; each evaluate()
 * reads back once. Any axes up to `maxAxis` points each may be passed, so a view can draw a
 * coarse grid first and refine.
 */
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  storageBuffer,
  uniformBuffer,
} from '../../../gpu/runner';
import { GRID } from '../science/slice';
import {
  checkShape,
  mlpLayout,
  type MlpShape,
  type ParamVector,
  type Samples,
} from '../science/shape';
import { concatParams, labelBlocks, sampleBlocks } from './pack';
import { sliceCode, type SliceCode } from './sliceCode';

export interface GpuSlice {
  /** loss[j·alphas.length + i] = f(alphas[i], betas[j]), as lossSlice. */
  loss: Float32Array;
  accuracy: Float32Array;
}

/** f32s of per-grid-point weights and activations held at once (32 MiB each): larger grids run in chunks. */
const CHUNK_FLOATS = 8 << 20;
const MAX_X = 65535;

/** `wg` workgroups, split over y past the 65535 limit on x (shaders fold y back in). */
function split(wg: number): [number, number] {
  return [Math.min(Math.max(1, wg), MAX_X), Math.ceil(Math.max(1, wg) / MAX_X)];
}

/** Workgroups of 64 for `invocations`. */
const groups = (invocations: number): [number, number] => split(Math.ceil(invocations / 64));

export class SliceKernel {
  readonly shape: MlpShape;
  readonly n: number;
  readonly maxAxis: number;
  private readonly device: GPUDevice;
  private readonly size: number;
  private readonly hidden1: number;
  private readonly ch: number;
  private readonly nw: number;
  private readonly chunkPoints: number;
  private readonly variant: SliceCode['variant'];
  private readonly pipelines: Pipelines;
  private readonly buffers: GPUBuffer[];
  private readonly uniform: GPUBuffer;
  private readonly params: GPUBuffer;
  private readonly axes: GPUBuffer;
  private readonly result: GPUBuffer;
  private readonly staging: GPUBuffer;
  private readonly bind: {
    project: GPUBindGroup;
    weights: GPUBindGroup;
    loss: GPUBindGroup;
    reduce: GPUBindGroup;
  };
  // One evaluation at a time: the staging buffer cannot be mapped twice.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    device: GPUDevice,
    shape: MlpShape,
    data: Samples,
    maxAxis: number,
    code: SliceCode,
    pipelines: Pipelines,
  ) {
    this.device = device;
    this.shape = shape;
    this.n = data.n;
    this.maxAxis = maxAxis;
    this.pipelines = pipelines;
    const layout = mlpLayout(shape);
    this.size = layout.size;
    this.hidden1 = layout.layers[0]?.out ?? 0;
    this.ch = code.ch;
    this.nw = code.nw;
    this.variant = code.variant;
    const wg = code.variant === 'workgroup';
    const maxGrid = maxAxis * maxAxis;
    const perPoint = Math.max(this.nw, code.ch * code.widest * 4);
    // The workgroup variant holds nothing per grid point, so it needs no chunks.
    this.chunkPoints = wg
      ? maxGrid
      : Math.max(1, Math.min(maxGrid, Math.floor(CHUNK_FLOATS / perPoint)));
    const blocks = Math.ceil(data.n / 4);
    this.uniform = uniformBuffer(device, new ArrayBuffer(16));
    this.params = storageBuffer(device, new Float32Array(3 * this.size));
    this.axes = storageBuffer(device, new Float32Array(2 * maxAxis));
    const xb = storageBuffer(device, sampleBlocks(data));
    const labels = storageBuffer(device, labelBlocks(data));
    const proj = outputBuffer(device, 3 * this.hidden1 * blocks * 16);
    const scratch = (bytes: number): GPUBuffer => outputBuffer(device, wg ? 16 : bytes);
    const wgrid = scratch(this.chunkPoints * this.nw * 4);
    const partial = outputBuffer(device, maxGrid * this.ch * 8);
    const act0 = scratch(this.chunkPoints * code.ch * code.widest * 16);
    const act1 = scratch(this.chunkPoints * code.ch * code.widest * 16);
    this.result = outputBuffer(device, maxGrid * 8);
    this.staging = device.createBuffer({
      size: maxGrid * 8,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.buffers = [
      this.uniform,
      this.params,
      this.axes,
      xb,
      labels,
      proj,
      wgrid,
      partial,
      act0,
      act1,
      this.result,
      this.staging,
    ];
    const p = pipelines;
    this.bind = {
      project: bindGroup(device, p.project, { 1: this.params, 2: xb, 3: proj }),
      weights: bindGroup(device, p.weights, {
        0: this.uniform,
        1: this.params,
        2: this.axes,
        6: wgrid,
      }),
      loss: bindGroup(
        device,
        p.loss,
        wg
          ? {
              0: this.uniform,
              1: this.params,
              2: this.axes,
              3: proj,
              4: labels,
              7: partial,
            }
          : {
              0: this.uniform,
              2: this.axes,
              3: proj,
              4: labels,
              6: wgrid,
              7: partial,
              8: act0,
              // With one hidden layer the second activation buffer is unused, so not in the layout.
              ...(shape.hidden.length > 1 ? { 9: act1 } : {}),
            },
      ),
      reduce: bindGroup(device, p.reduce, { 0: this.uniform, 7: partial, 5: this.result }),
    };
  }

  /** Compiles the pipelines for this shape and uploads the data set. */
  static async create(
    device: GPUDevice,
    shape: MlpShape,
    data: Samples,
    maxAxis: number = GRID.max,
  ): Promise<SliceKernel> {
    checkShape(shape);
    if (data.d !== shape.inputs)
      throw new RangeError(`data has ${data.d} features, not ${shape.inputs}`);
    const code = sliceCode(shape, data.n);
    const [project, weights, loss, reduce] = await Promise.all([
      computePipeline(device, code.project),
      computePipeline(device, code.weights),
      computePipeline(device, code.loss),
      computePipeline(device, code.reduce),
    ]);
    return new SliceKernel(device, shape, data, maxAxis, code, { project, weights, loss, reduce });
  }

  /** The grid of losses and accuracies at θ + αδ + βη for every α in alphas, β in betas. */
  evaluate(
    theta: ParamVector,
    delta: ParamVector,
    eta: ParamVector,
    alphas: ArrayLike<number>,
    betas: ArrayLike<number>,
  ): Promise<GpuSlice> {
    const run = this.queue.then(() => this.run(theta, delta, eta, alphas, betas));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(
    theta: ParamVector,
    delta: ParamVector,
    eta: ParamVector,
    alphas: ArrayLike<number>,
    betas: ArrayLike<number>,
  ): Promise<GpuSlice> {
    const na = alphas.length;
    const nb = betas.length;
    if (na < 1 || nb < 1 || na > this.maxAxis || nb > this.maxAxis) {
      throw new RangeError(`grid ${na}×${nb} outside 1–${this.maxAxis} per axis`);
    }
    if (theta.length !== this.size)
      throw new RangeError(`θ has ${theta.length} entries, not ${this.size}`);
    const count = na * nb;
    const { device, pipelines: p, bind } = this;
    device.queue.writeBuffer(this.params, 0, concatParams(theta, delta, eta));
    const ax = new Float32Array(na + nb);
    for (let i = 0; i < na; i++) ax[i] = alphas[i] ?? 0;
    for (let j = 0; j < nb; j++) ax[na + j] = betas[j] ?? 0;
    device.queue.writeBuffer(this.axes, 0, ax);
    // Grid chunks bound the per-point weight buffer; queue writes and submits run in order, so
    // each chunk's uniform is in place when its passes run.
    for (let first = 0; first < count; first += this.chunkPoints) {
      const size = Math.min(this.chunkPoints, count - first);
      device.queue.writeBuffer(this.uniform, 0, new Uint32Array([na, count, first, size]));
      const encoder = device.createCommandEncoder({ label: 'landscape slice' });
      const pass = encoder.beginComputePass();
      if (first === 0) {
        pass.setPipeline(p.project);
        pass.setBindGroup(0, bind.project);
        pass.dispatchWorkgroups(...groups(this.hidden1 * Math.ceil(this.n / 4)));
      }
      if (this.variant === 'workgroup') {
        pass.setPipeline(p.loss);
        pass.setBindGroup(0, bind.loss);
        pass.dispatchWorkgroups(...split(size));
      } else {
        pass.setPipeline(p.weights);
        pass.setBindGroup(0, bind.weights);
        pass.dispatchWorkgroups(...groups(size * this.nw));
        pass.setPipeline(p.loss);
        pass.setBindGroup(0, bind.loss);
        pass.dispatchWorkgroups(...groups(size * this.ch));
      }
      if (first + size >= count) {
        pass.setPipeline(p.reduce);
        pass.setBindGroup(0, bind.reduce);
        pass.dispatchWorkgroups(...groups(count));
      }
      pass.end();
      if (first + size >= count)
        encoder.copyBufferToBuffer(this.result, 0, this.staging, 0, count * 8);
      device.queue.submit([encoder.finish()]);
    }
    await this.staging.mapAsync(GPUMapMode.READ, 0, count * 8);
    const out = new Float32Array(this.staging.getMappedRange(0, count * 8).slice(0));
    this.staging.unmap();
    const loss = new Float32Array(count);
    const accuracy = new Float32Array(count);
    for (let g = 0; g < count; g++) {
      loss[g] = out[2 * g] ?? NaN;
      accuracy[g] = out[2 * g + 1] ?? NaN;
    }
    return { loss, accuracy };
  }

  destroy(): void {
    for (const b of this.buffers) b.destroy();
  }
}

interface Pipelines {
  project: GPUComputePipeline;
  weights: GPUComputePipeline;
  loss: GPUComputePipeline;
  reduce: GPUComputePipeline;
}
