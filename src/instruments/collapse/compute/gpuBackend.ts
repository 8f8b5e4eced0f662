/**
 * The collapse run on the WGSL kernels (plain UFM, f32): the StepBackend of backend.ts over
 * CollapseGpu. A rewind re-uploads the seeded initial state and replays on the GPU, so every
 * state it shows came from GPU steps only.
 */
import type { Provenance } from '../../../gpu/choice';
import { CollapseGpu } from '../kernels/collapseGpu';
import { initialState, type CollapseConfig } from '../science';
import type { Measured, StepBackend } from './backend';

/** Steps per submission: long replays stay in bounded command buffers. */
const STEPS_PER_SUBMIT = 64;

export class GpuBackend implements StepBackend {
  private t = 0;

  private constructor(
    private readonly gpu: CollapseGpu,
    readonly provenance: Provenance,
  ) {}

  static async create(
    device: GPUDevice,
    cfg: CollapseConfig,
    adapter: string,
  ): Promise<GpuBackend> {
    const gpu = await CollapseGpu.create(device, cfg);
    gpu.upload(initialState(cfg));
    return new GpuBackend(gpu, { kind: 'gpu', adapter });
  }

  get step(): number {
    return this.t;
  }

  get counts(): readonly number[] {
    return this.gpu.shape.counts;
  }

  async seek(n: number): Promise<void> {
    if (n < this.t) {
      this.gpu.upload(initialState(this.gpu.cfg));
      this.t = 0;
    }
    while (this.t < n) {
      const k = Math.min(STEPS_PER_SUBMIT, n - this.t);
      this.gpu.steps(k);
      this.t += k;
    }
    // Surfaces a lost device here, inside the request, so the host can replay on the CPU.
    await this.gpu.device.queue.onSubmittedWorkDone();
  }

  async measure(withFeatures: boolean): Promise<Measured> {
    const m = await this.gpu.measure(0, withFeatures);
    return {
      loss: m.objective,
      stats: m.stats,
      W: m.W,
      X: m.H ?? null,
      labels: this.gpu.shape.labels,
    };
  }

  destroy(): void {
    this.gpu.destroy();
  }
}
