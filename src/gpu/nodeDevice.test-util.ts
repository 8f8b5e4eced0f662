/**
 * A WebGPU device for Vitest, from Dawn for Node (the `webgpu` package) on the same SwiftShader
 * Vulkan driver Chromium uses here (vite.config.ts puts Chromium's libvulkan on the library
 * path before the test workers start). Kernel tests call `describeGpu` so that a machine with
 * no Vulkan driver skips them with a reason instead of failing; the browser suite still runs
 * every kernel in real Chromium.
 */
import { create, globals } from 'webgpu';
import { afterAll, describe } from 'vitest';

let device: Promise<GPUDevice | null> | null = null;
// Held for the life of the process: if the instance is garbage-collected while its device
// lives, Dawn's threads abort the worker ("std::system_error: Invalid argument").
let instance: GPU | null = null;

/** One device per test file (Dawn is slow to start); null where no adapter is offered. */
export function nodeGpuDevice(): Promise<GPUDevice | null> {
  device ??= (async () => {
    Object.assign(globalThis, globals);
    instance = create([]);
    const adapter = await instance.requestAdapter();
    if (!adapter) return null;
    return adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
  })();
  return device;
}

const available = await nodeGpuDevice().then(
  (d) => d !== null,
  () => false,
);

/**
 * `describe` for kernel tests: skipped, and said so, where Node has no WebGPU adapter. The
 * device is destroyed after the file's tests, or Dawn takes the worker down as it exits.
 */
export function describeGpu(name: string, body: () => void): void {
  if (!available) {
    describe.skip(`${name} (no WebGPU adapter in Node)`, body);
    return;
  }
  describe(name, () => {
    afterAll(async () => (await nodeGpuDevice())?.destroy());
    body();
  });
}

/** The device, for tests inside `describeGpu` (where it is known to exist). */
export async function gpuDevice(): Promise<GPUDevice> {
  const d = await nodeGpuDevice();
  if (!d) throw new Error('no WebGPU adapter in Node');
  return d;
}
