/** The slice kernel against lossSlice on seeded inputs (see agreement.ts). */
import { sliceDirections } from '../science/directions';
import { initParams } from '../science/init';
import { axis, lossSlice } from '../science/slice';
import { agreementData, relErr, type Agreement, type AgreementOptions } from './agreement';
import { SliceKernel } from './slice';

export interface SliceAgreementOptions extends AgreementOptions {
  /** Points per axis. */
  grid: number;
  /** Half-width of the slice; 1 unless given. */
  span?: number;
}

export interface SliceAgreement extends Agreement {
  /** Worst |gpu − cpu| of the accuracies (a sample on a tie can flip: ≤ a few 1/n). */
  maxAccErr: number;
  gpuMs: number;
  cpuMs: number;
}

export async function sliceAgreement(
  device: GPUDevice,
  opts: SliceAgreementOptions,
): Promise<SliceAgreement> {
  const { data, shape } = agreementData(opts);
  const theta = initParams(shape, opts.seed);
  const [delta, eta] = sliceDirections(shape, theta, {
    seed: opts.seed + 1,
    norm: 'filter',
    bias: 'ignore',
  });
  const ax = axis(opts.span ?? 1, opts.grid);
  const kernel = await SliceKernel.create(device, shape, data, opts.grid);
  try {
    const t0 = performance.now();
    const gpu = await kernel.evaluate(theta, delta, eta, ax, ax);
    const t1 = performance.now();
    const cpu = lossSlice(shape, theta, delta, eta, data, ax, ax);
    const t2 = performance.now();
    let maxRelErr = 0;
    let maxAccErr = 0;
    let nonFinite = 0;
    for (let g = 0; g < cpu.loss.length; g++) {
      const v = gpu.loss[g] ?? NaN;
      if (!Number.isFinite(v)) nonFinite++;
      else maxRelErr = Math.max(maxRelErr, relErr(v, cpu.loss[g] ?? NaN));
      maxAccErr = Math.max(
        maxAccErr,
        Math.abs((gpu.accuracy[g] ?? NaN) - (cpu.accuracy[g] ?? NaN)),
      );
    }
    return {
      maxRelErr,
      maxAccErr,
      nonFinite,
      compared: cpu.loss.length,
      gpuMs: t1 - t0,
      cpuMs: t2 - t1,
    };
  } finally {
    kernel.destroy();
  }
}
