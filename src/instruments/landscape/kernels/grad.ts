/**
 * The training gradient on the GPU in f32: mean softmax CE, its accuracy and ∇_θ over a batch
 * (all samples or the rows of a mini-batch). The update stays in TS (Trainer.applyGradient), so
 * SGD and Adam are the f64 code of the CPU path. Oracle: lossAndGradient (../science/gradient.ts).
 *
 * Two passes: grad_sample.wgsl (one invocation per block of 4 rows, forward and backward, its
 * share of the gradient into part[block·P …]) and grad_reduce.wgsl (one invocation per
 * parameter, blocks added in order). Buffers are made once per kernel; one readback per call.
 */
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  storageBuffer,
  uniformBuffer,
} from '../../../gpu/runner';
import {
  checkShape,
  mlpLayout,
  type MlpShape,
  type ParamVector,
  type Samples,
} from '../science/shape';
import type { LossAndGradient } from '../science/gradient';
import { gradCode } from './gradCode';

const MAX_X = 65535;

export class GradKernel {
  readonly shape: MlpShape;
  readonly n: number;
  private readonly device: GPUDevice;
  private readonly size: number;
  private readonly sample: GPUComputePipeline;
  private readonly reduce: GPUComputePipeline;
  private readonly uniform: GPUBuffer;
  private readonly theta: GPUBuffer;
  private readonly rows: GPUBuffer;
  private readonly stats: GPUBuffer;
  private readonly grad: GPUBuffer;
  private readonly staging: GPUBuffer;
  private readonly buffers: GPUBuffer[];
  private readonly bindSample: GPUBindGroup;
  private readonly bindReduce: GPUBindGroup;
  private readonly all: Uint32Array;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    device: GPUDevice,
    shape: MlpShape,
    data: Samples,
    sample: GPUComputePipeline,
    reduce: GPUComputePipeline,
  ) {
    this.device = device;
    this.shape = shape;
    this.n = data.n;
    this.size = mlpLayout(shape).size;
    this.sample = sample;
    this.reduce = reduce;
    const blocks = Math.ceil(data.n / 4);
    this.uniform = uniformBuffer(device, new ArrayBuffer(16));
    this.theta = storageBuffer(device, new Float32Array(this.size));
    const x = storageBuffer(device, Float32Array.from(data.x.subarray(0, data.n * data.d)));
    const labels = storageBuffer(device, Uint32Array.from(data.y.subarray(0, data.n)));
    this.all = Uint32Array.from({ length: data.n }, (_, i) => i);
    this.rows = storageBuffer(device, this.all);
    const part = outputBuffer(device, blocks * this.size * 4);
    this.stats = outputBuffer(device, blocks * 8);
    this.grad = outputBuffer(device, this.size * 4);
    // Gradient then the per-block stats, read back together.
    this.staging = device.createBuffer({
      size: (this.size + 2 * blocks) * 4,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.buffers = [
      this.uniform,
      this.theta,
      x,
      labels,
      this.rows,
      part,
      this.stats,
      this.grad,
      this.staging,
    ];
    this.bindSample = bindGroup(device, sample, {
      0: this.uniform,
      1: this.theta,
      2: x,
      3: labels,
      4: this.rows,
      5: part,
      6: this.stats,
    });
    this.bindReduce = bindGroup(device, reduce, { 0: this.uniform, 5: part, 7: this.grad });
  }

  static async create(device: GPUDevice, shape: MlpShape, data: Samples): Promise<GradKernel> {
    checkShape(shape);
    if (data.d !== shape.inputs)
      throw new RangeError(`data has ${data.d} features, not ${shape.inputs}`);
    const code = gradCode(shape);
    const [sample, reduce] = await Promise.all([
      computePipeline(device, code.sample),
      computePipeline(device, code.reduce),
    ]);
    return new GradKernel(device, shape, data, sample, reduce);
  }

  /** Loss, accuracy and gradient at θ over `rows` (all samples when omitted), as lossAndGradient. */
  evaluate(theta: ParamVector, rows?: ArrayLike<number>): Promise<LossAndGradient> {
    const run = this.queue.then(() => this.run(theta, rows));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(theta: ParamVector, rows?: ArrayLike<number>): Promise<LossAndGradient> {
    if (theta.length !== this.size)
      throw new RangeError(`θ has ${theta.length} entries, not ${this.size}`);
    const idx = rows ? Uint32Array.from(rows) : this.all;
    const count = idx.length;
    if (count < 1 || count > this.n) throw new RangeError(`batch of ${count} rows`);
    const blocks = Math.ceil(count / 4);
    const { device } = this;
    device.queue.writeBuffer(this.theta, 0, Float32Array.from(theta));
    device.queue.writeBuffer(this.rows, 0, idx);
    const u = new ArrayBuffer(16);
    new Uint32Array(u, 0, 2).set([count, blocks]);
    new Float32Array(u, 8, 1)[0] = 1 / count;
    device.queue.writeBuffer(this.uniform, 0, u);
    const encoder = device.createCommandEncoder({ label: 'landscape gradient' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(this.sample);
    pass.setBindGroup(0, this.bindSample);
    pass.dispatchWorkgroups(Math.ceil(blocks / 64));
    pass.setPipeline(this.reduce);
    pass.setBindGroup(0, this.bindReduce);
    const wg = Math.ceil(this.size / 64);
    pass.dispatchWorkgroups(Math.min(wg, MAX_X), Math.ceil(wg / MAX_X));
    pass.end();
    const gBytes = this.size * 4;
    encoder.copyBufferToBuffer(this.grad, 0, this.staging, 0, gBytes);
    encoder.copyBufferToBuffer(this.stats, 0, this.staging, gBytes, blocks * 8);
    device.queue.submit([encoder.finish()]);
    const bytes = gBytes + blocks * 8;
    await this.staging.mapAsync(GPUMapMode.READ, 0, bytes);
    const out = new Float32Array(this.staging.getMappedRange(0, bytes).slice(0));
    this.staging.unmap();
    const grad = Float64Array.from(out.subarray(0, this.size));
    // The per-block loss and hits are added in f64 here (≤ 450 numbers).
    let loss = 0;
    let hits = 0;
    for (let b = 0; b < blocks; b++) {
      loss += out[this.size + 2 * b] ?? NaN;
      hits += out[this.size + 2 * b + 1] ?? NaN;
    }
    return { loss: loss / count, accuracy: hits / count, grad };
  }

  destroy(): void {
    for (const b of this.buffers) b.destroy();
  }
}
