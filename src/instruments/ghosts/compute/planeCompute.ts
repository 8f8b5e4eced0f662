/** The plane field as a WGSL kernel, or on the CPU worker without a GPU; the result says which. */
import { gpuChoice, type Provenance } from '../../../gpu/choice';
import { planeFieldGpu } from '../kernels/plane';
import type { PlaneGrid } from '../science';
import { planeOnWorker } from './cpuWorker';

export interface PlaneResult {
  grid: PlaneGrid;
  field: Float32Array;
  provenance: Provenance;
}

const choice = gpuChoice();

export async function computePlane(
  grid: PlaneGrid,
  z: number[],
  a: number[],
): Promise<PlaneResult> {
  const { value, provenance } = await choice.run(
    (device) => planeFieldGpu(device, grid, z, a),
    () => planeOnWorker(grid, z, a),
  );
  return { grid, field: value, provenance };
}
