/**
 * The complex-plane kernel: per pixel (log|F e^{-s}|, arg F) for F(t) = sum_k e^{z_k + t a_k}.
 * Must agree with planeField() in src/science/ghosts/partition.ts (its CPU oracle).
 */
import complexLib from '../../../../shaders/lib/complex.wgsl?raw';
import gridLib from '../../../../shaders/ghosts/plane_grid.wgsl?raw';
import factorsSrc from '../../../../shaders/ghosts/plane_factors.wgsl?raw';
import planeSrc from '../../../../shaders/ghosts/plane.wgsl?raw';
import type { PlaneGrid } from '../science';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  storageBuffer,
  readBack,
  uniformBuffer,
} from '../../../gpu/runner';

const FACTORS_CODE = `${complexLib}\n${gridLib}\n${factorsSrc}`;
const PLANE_CODE = `${gridLib}\n${planeSrc}`;

function gridUniform(grid: PlaneGrid, k: number): ArrayBuffer {
  const bytes = new ArrayBuffer(32);
  const u32 = new Uint32Array(bytes, 0, 4);
  const f32 = new Float32Array(bytes, 16, 4);
  u32.set([grid.width, grid.height, k, 0]);
  f32.set([grid.reMin, grid.reMax, grid.imMin, grid.imMax]);
  return bytes;
}

interface PlaneResources {
  width: number;
  height: number;
  k: number;
  uniform: GPUBuffer;
  za: GPUBuffer;
  colExp: GPUBuffer;
  rowPhase: GPUBuffer;
  field: GPUBuffer;
  staging: GPUBuffer;
  bindings: [GPUBindGroup, GPUBindGroup, GPUBindGroup];
}

// Buffers and bind groups live as long as the grid size and K do: creating them per call
// costs more than the kernel itself on a software adapter.
const resources = new WeakMap<GPUDevice, PlaneResources>();
// One plane at a time per page: the staging buffer cannot be mapped twice.
let queue: Promise<unknown> = Promise.resolve();

function resourcesFor(
  device: GPUDevice,
  grid: PlaneGrid,
  k: number,
  pipelines: readonly [GPUComputePipeline, GPUComputePipeline, GPUComputePipeline],
): PlaneResources {
  const old = resources.get(device);
  if (old && old.width === grid.width && old.height === grid.height && old.k === k) return old;
  if (old)
    for (const b of [old.uniform, old.za, old.colExp, old.rowPhase, old.field, old.staging])
      b.destroy();
  const fieldBytes = grid.width * grid.height * 8;
  const uniform = uniformBuffer(device, gridUniform(grid, k));
  const za = storageBuffer(device, new Float32Array(2 * k));
  const colExp = outputBuffer(device, Math.ceil(grid.width / 4) * k * 16);
  const rowPhase = outputBuffer(device, grid.height * k * 8);
  const field = outputBuffer(device, fieldBytes);
  const staging = device.createBuffer({
    size: fieldBytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const [columns, rows, plane] = pipelines;
  const r: PlaneResources = {
    width: grid.width,
    height: grid.height,
    k,
    uniform,
    za,
    colExp,
    rowPhase,
    field,
    staging,
    bindings: [
      bindGroup(device, columns, { 0: uniform, 1: za, 2: colExp }),
      bindGroup(device, rows, { 0: uniform, 1: za, 3: rowPhase }),
      bindGroup(device, plane, { 0: uniform, 1: colExp, 2: rowPhase, 3: field }),
    ],
  };
  resources.set(device, r);
  return r;
}

/** Runs the plane kernel and returns 2 floats per pixel, row-major, row 0 at the top. */
export function planeFieldGpu(
  device: GPUDevice,
  grid: PlaneGrid,
  z: readonly number[],
  a: readonly number[],
): Promise<Float32Array> {
  const run = queue.then(() => runPlane(device, grid, z, a));
  queue = run.catch(() => undefined);
  return run;
}

async function runPlane(
  device: GPUDevice,
  grid: PlaneGrid,
  z: readonly number[],
  a: readonly number[],
): Promise<Float32Array> {
  const k = z.length;
  const pipelines = await Promise.all([
    computePipeline(device, FACTORS_CODE, 'columns'),
    computePipeline(device, FACTORS_CODE, 'rows'),
    computePipeline(device, PLANE_CODE, 'main'),
  ]);
  const r = resourcesFor(device, grid, k, pipelines);
  const za = new Float32Array(2 * k);
  for (let i = 0; i < k; i++) {
    za[2 * i] = z[i] ?? 0;
    za[2 * i + 1] = a[i] ?? 0;
  }
  device.queue.writeBuffer(r.uniform, 0, gridUniform(grid, k));
  device.queue.writeBuffer(r.za, 0, za);
  const quads = Math.ceil(grid.width / 4);
  const encoder = device.createCommandEncoder({ label: 'plane' });
  const pass = encoder.beginComputePass();
  const [columns, rows, plane] = pipelines;
  pass.setPipeline(columns);
  pass.setBindGroup(0, r.bindings[0]);
  pass.dispatchWorkgroups(Math.ceil(quads / 64));
  pass.setPipeline(rows);
  pass.setBindGroup(0, r.bindings[1]);
  pass.dispatchWorkgroups(Math.ceil(grid.height / 64));
  pass.setPipeline(plane);
  pass.setBindGroup(0, r.bindings[2]);
  // 8×8 invocations per workgroup, 4×4 pixels per invocation.
  pass.dispatchWorkgroups(Math.ceil(quads / 8), Math.ceil(grid.height / 32));
  pass.end();
  const bytes = grid.width * grid.height * 8;
  return new Float32Array(await readBack(device, encoder, r.field, bytes, r.staging));
}
