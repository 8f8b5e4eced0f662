/**
 * The complex-plane kernel: per pixel (log|F e^{-s}|, arg F) for F(t) = sum_k e^{z_k + t a_k}.
 * Must agree with planeField() in src/science/ghosts/partition.ts (its CPU oracle).
 */
import complexLib from '../../shaders/lib/complex.wgsl?raw';
import gridLib from '../../shaders/lib/plane_grid.wgsl?raw';
import factorsSrc from '../../shaders/plane_factors.wgsl?raw';
import planeSrc from '../../shaders/plane.wgsl?raw';
import type { PlaneGrid } from '../science/ghosts';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  storageBuffer,
  uniformBuffer,
} from '../gpu/runner';

const FACTORS_CODE = `${complexLib}\n${gridLib}\n${factorsSrc}`;
const PLANE_CODE = `${gridLib}\n${planeSrc}`;

export const PLANE_KERNEL_SOURCES = { factors: FACTORS_CODE, plane: PLANE_CODE };

function gridUniform(grid: PlaneGrid, k: number): ArrayBuffer {
  const bytes = new ArrayBuffer(32);
  const u32 = new Uint32Array(bytes, 0, 4);
  const f32 = new Float32Array(bytes, 16, 4);
  u32.set([grid.width, grid.height, k, 0]);
  f32.set([grid.reMin, grid.reMax, grid.imMin, grid.imMax]);
  return bytes;
}

/** Runs the plane kernel and returns 2 floats per pixel, row-major, row 0 at the top. */
export async function planeFieldGpu(
  device: GPUDevice,
  grid: PlaneGrid,
  z: readonly number[],
  a: readonly number[],
): Promise<Float32Array> {
  const k = z.length;
  const [columns, rows, plane] = await Promise.all([
    computePipeline(device, FACTORS_CODE, 'columns'),
    computePipeline(device, FACTORS_CODE, 'rows'),
    computePipeline(device, PLANE_CODE, 'main'),
  ]);
  const za = new Float32Array(2 * k);
  for (let i = 0; i < k; i++) {
    za[2 * i] = z[i] ?? 0;
    za[2 * i + 1] = a[i] ?? 0;
  }
  const uniform = uniformBuffer(device, gridUniform(grid, k));
  const zaBuf = storageBuffer(device, za);
  const colExp = outputBuffer(device, grid.width * k * 4);
  const rowPhase = outputBuffer(device, grid.height * k * 8);
  const fieldBytes = grid.width * grid.height * 8;
  const field = outputBuffer(device, fieldBytes);

  const encoder = device.createCommandEncoder({ label: 'plane' });
  const pass = encoder.beginComputePass();
  pass.setPipeline(columns);
  pass.setBindGroup(0, bindGroup(device, columns, { 0: uniform, 1: zaBuf, 2: colExp }));
  pass.dispatchWorkgroups(Math.ceil(grid.width / 64));
  pass.setPipeline(rows);
  pass.setBindGroup(0, bindGroup(device, rows, { 0: uniform, 1: zaBuf, 3: rowPhase }));
  pass.dispatchWorkgroups(Math.ceil(grid.height / 64));
  pass.setPipeline(plane);
  pass.setBindGroup(0, bindGroup(device, plane, { 0: uniform, 1: colExp, 2: rowPhase, 3: field }));
  pass.dispatchWorkgroups(Math.ceil(grid.width / 8), Math.ceil(grid.height / 8));
  pass.end();
  try {
    return new Float32Array(await readBack(device, encoder, field, fieldBytes));
  } finally {
    for (const b of [uniform, zaBuf, colExp, rowPhase, field]) b.destroy();
  }
}
