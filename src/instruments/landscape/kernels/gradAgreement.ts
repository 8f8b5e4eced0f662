/** The gradient kernel against lossAndGradient on seeded inputs (see agreement.ts). */
import { Rng } from '../../../science/rng';
import { lossAndGradient } from '../science/gradient';
import { initParams } from '../science/init';
import { agreementData, relErr, type Agreement, type AgreementOptions } from './agreement';
import { GradKernel } from './grad';

export interface GradAgreementOptions extends AgreementOptions {
  /** Mini-batch rows drawn from the seed; the full batch when omitted. */
  batch?: number;
}

export interface GradAgreement extends Agreement {
  /** Relative error of the loss alone. */
  lossRelErr: number;
  gpuMs: number;
  cpuMs: number;
}

export async function gradAgreement(
  device: GPUDevice,
  opts: GradAgreementOptions,
): Promise<GradAgreement> {
  const { data, shape } = agreementData(opts);
  const theta = initParams(shape, opts.seed);
  const rows =
    opts.batch !== undefined && opts.batch < data.n
      ? new Rng(opts.seed + 7).permutation(data.n).subarray(0, opts.batch)
      : undefined;
  const kernel = await GradKernel.create(device, shape, data);
  try {
    const t0 = performance.now();
    const gpu = await kernel.evaluate(theta, rows);
    const t1 = performance.now();
    const cpu = lossAndGradient(shape, theta, data, rows);
    const t2 = performance.now();
    // Entries are compared against the gradient's scale: a near-zero entry is a difference of
    // large f32 terms, so its own relative error is meaningless.
    let scale = 0;
    for (const g of cpu.grad) scale = Math.max(scale, Math.abs(g));
    let maxRelErr = 0;
    let nonFinite = 0;
    for (let i = 0; i < cpu.grad.length; i++) {
      const v = gpu.grad[i] ?? NaN;
      if (!Number.isFinite(v)) nonFinite++;
      else maxRelErr = Math.max(maxRelErr, Math.abs(v - (cpu.grad[i] ?? NaN)) / scale);
    }
    return {
      maxRelErr,
      lossRelErr: relErr(gpu.loss, cpu.loss),
      nonFinite,
      compared: cpu.grad.length,
      gpuMs: t1 - t0,
      cpuMs: t2 - t1,
    };
  } finally {
    kernel.destroy();
  }
}
