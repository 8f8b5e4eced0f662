/**
 * The plane field as a WGSL kernel, or on the CPU worker without a GPU; the result says which.
 * Null when a newer request made this one stale.
 */
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
): Promise<PlaneResult | null> {
  const { value, provenance } = await choice.run<Float32Array | null>(
    (device) => planeFieldGpu(device, grid, z, a),
    () => planeOnWorker(grid, z, a),
  );
  return value === null ? null : { grid, field: value, provenance };
}
