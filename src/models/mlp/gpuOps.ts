/**
 * MlpOps on the WGSL kernels (src/kernels/mlpGrad.ts, mlpJvp.ts), and the choice between them
 * and the CPU oracle for a training engine. Runs in a worker as well as on the page: it acquires
 * its own device there.
 */
import { acquireGpu } from '../../gpu/device';
import { mlpEvalGpu, mlpGradGpu } from './kernels/mlpGrad';
import { mlpJvpGpu } from './kernels/mlpJvp';
import type { Mlp, ParamArray } from './mlp';
import { cpuOps, type MlpOps, type OpsBackend } from './ops';
import type { TrainOnId } from './ops';

const f32 = (v: ParamArray): Float32Array => (v instanceof Float32Array ? v : Float32Array.from(v));

let lanes = 0;

/** Each ops object takes its own kernel lane, so several runs overlap their GPU round trips. */
export function gpuOps(device: GPUDevice, mlp: Mlp): MlpOps {
  const { shape } = mlp;
  const lane = ++lanes;
  return {
    backend: 'gpu',
    mlp,
    lossAndGrad: (params, x, y, n) => mlpGradGpu(device, shape, params, x, y, n, lane),
    deltaA: async (params, x, n, v) =>
      (await mlpJvpGpu(device, shape, params, x, n, f32(v), lane)).deltaA,
    jvp: async (params, x, n, v) => {
      const r = await mlpJvpGpu(device, shape, f32(params), x, n, f32(v), lane);
      return { logits: Float64Array.from(r.logits), a: Float64Array.from(r.a) };
    },
    evaluate: (params, x, y, n) => mlpEvalGpu(device, shape, f32(params), x, y, n, lane),
  };
}

export interface OpsChoice {
  backend: OpsBackend;
  makeOps: (mlp: Mlp) => MlpOps;
  /** The adapter's name, or why the CPU runs instead. */
  note: string;
}

/** 'auto': the GPU when one is offered, else the CPU oracle; 'cpu': the oracle. */
export async function chooseOps(train: TrainOnId, gpuBroken: string | null): Promise<OpsChoice> {
  if (train === 'cpu')
    return { backend: 'cpu', makeOps: cpuOps, note: 'CPU, f64 (chosen: exact on any machine)' };
  if (gpuBroken) return { backend: 'cpu', makeOps: cpuOps, note: `CPU, f64 (${gpuBroken})` };
  const gpu = await acquireGpu();
  if (gpu.kind !== 'gpu')
    return { backend: 'cpu', makeOps: cpuOps, note: `CPU, f64 (${gpu.reason})` };
  const { device, adapterName } = gpu.ctx;
  return {
    backend: 'gpu',
    makeOps: (mlp) => gpuOps(device, mlp),
    note: `GPU, f32 (${adapterName})`,
  };
}
