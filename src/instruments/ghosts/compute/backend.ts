/**
 * Decides, per request, whether the plane runs as a WGSL kernel or on the CPU worker, and
 * keeps the store's backend badge and notices honest about it.
 */
import { acquireGpu, onDeviceLost } from '../../../gpu/device';
import { ShaderCompileError } from '../../../gpu/runner';
import { planeFieldGpu } from '../kernels/plane';
import type { PlaneGrid } from '../science';
import { useAtlas } from '../../../state/store';
import { planeOnWorker } from './cpuWorker';

export interface PlaneResult {
  grid: PlaneGrid;
  field: Float32Array;
  backend: 'gpu' | 'cpu';
}

let gpuBroken: string | null = null;

onDeviceLost((reason) => {
  const store = useAtlas.getState();
  store.notify(
    'warning',
    `The GPU device was lost (${reason}). Re-acquiring it; the CPU path covers meanwhile.`,
  );
  store.setBackend({ kind: 'pending' });
});

export async function computePlane(
  grid: PlaneGrid,
  z: number[],
  a: number[],
): Promise<PlaneResult> {
  const store = useAtlas.getState();
  if (!gpuBroken) {
    const gpu = await acquireGpu();
    if (gpu.kind === 'gpu') {
      try {
        const field = await planeFieldGpu(gpu.ctx.device, grid, z, a);
        if (store.backend.kind !== 'gpu')
          store.setBackend({ kind: 'gpu', adapter: gpu.ctx.adapterName });
        return { grid, field, backend: 'gpu' };
      } catch (err) {
        if (err instanceof ShaderCompileError) {
          gpuBroken = err.message;
          store.notify(
            'error',
            `A GPU kernel failed to compile; using the CPU path. ${err.message}`,
          );
        }
        // Otherwise the device was lost mid-run: this frame goes to the CPU, the next asks again.
      }
    } else {
      gpuBroken = gpu.reason;
    }
  }
  if (useAtlas.getState().backend.kind !== 'cpu') {
    store.setBackend({ kind: 'cpu', reason: gpuBroken ?? 'the GPU device is being re-acquired' });
  }
  const field = await planeOnWorker(grid, z, a);
  return { grid, field, backend: 'cpu' };
}
