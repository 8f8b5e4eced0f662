/** Test doubles for the GPU side of training: no WebGPU in Node, so failures are staged. */
import { cpuOps, type MlpOps } from './ops';
import type { chooseOps } from './gpuOps';

/**
 * A stand-in for the GPU: the CPU oracle labelled 'gpu' whose gradient pass throws from the
 * `failAt`-th call on, as a lost device would.
 */
export function failingGpu(failAt: number): typeof chooseOps {
  let calls = 0;
  return (train, broken) => {
    if (train === 'cpu' || broken) {
      return Promise.resolve({
        backend: 'cpu',
        makeOps: cpuOps,
        note: `CPU (${broken ?? 'chosen'})`,
      });
    }
    const makeOps = (mlp: Parameters<typeof cpuOps>[0]): MlpOps => {
      const cpu = cpuOps(mlp);
      return {
        ...cpu,
        backend: 'gpu',
        lossAndGrad: (...args) => {
          if (++calls >= failAt) return Promise.reject(new Error('device lost'));
          return cpu.lossAndGrad(...args);
        },
      };
    };
    return Promise.resolve({ backend: 'gpu', makeOps, note: 'GPU (fake)' });
  };
}
