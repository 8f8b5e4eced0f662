/**
 * A small kernel runner: compiles WGSL once per source (failing loudly with line and column),
 * creates buffers, dispatches and reads back. Kernels in src/kernels/ build on this.
 */
export class ShaderCompileError extends Error {}

const moduleCache = new WeakMap<GPUDevice, Map<string, Promise<GPUComputePipeline>>>();

export function computePipeline(
  device: GPUDevice,
  code: string,
  entryPoint = 'main',
): Promise<GPUComputePipeline> {
  let perDevice = moduleCache.get(device);
  if (!perDevice) {
    perDevice = new Map();
    moduleCache.set(device, perDevice);
  }
  const key = `${entryPoint}\n${code}`;
  let pipeline = perDevice.get(key);
  if (!pipeline) {
    pipeline = compile(device, code, entryPoint);
    perDevice.set(key, pipeline);
  }
  return pipeline;
}

async function compile(
  device: GPUDevice,
  code: string,
  entryPoint: string,
): Promise<GPUComputePipeline> {
  const module = device.createShaderModule({ code });
  await checkCompilation(module, code, entryPoint);
  return device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint } });
}

/** Throws ShaderCompileError naming each WGSL error's line and its source text. */
export async function checkCompilation(
  module: GPUShaderModule,
  code: string,
  entryPoint: string,
): Promise<void> {
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    const lines = code.split('\n');
    const text = errors
      .map((m) => `${m.lineNum}:${m.linePos} ${m.message}\n  ${lines[m.lineNum - 1] ?? ''}`)
      .join('\n');
    throw new ShaderCompileError(`WGSL compile error in entry ${entryPoint}:\n${text}`);
  }
}

export function storageBuffer(device: GPUDevice, data: Float32Array | Uint32Array): GPUBuffer {
  const buffer = device.createBuffer({
    size: Math.max(16, align4(data.byteLength)),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  return buffer;
}

export function outputBuffer(device: GPUDevice, byteLength: number): GPUBuffer {
  return device.createBuffer({
    size: Math.max(16, align4(byteLength)),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
}

export function uniformBuffer(device: GPUDevice, data: ArrayBuffer): GPUBuffer {
  const buffer = device.createBuffer({
    size: Math.max(16, Math.ceil(data.byteLength / 16) * 16),
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/**
 * Submits the encoder's work with a copy of `source` into a mappable buffer, and returns the
 * bytes. A kernel that runs often passes its own `staging` buffer (MAP_READ | COPY_DST, at least
 * byteLength rounded up to 4), which is kept; otherwise one is made and destroyed.
 */
export async function readBack(
  device: GPUDevice,
  encoder: GPUCommandEncoder,
  source: GPUBuffer,
  byteLength: number,
  staging?: GPUBuffer,
): Promise<ArrayBuffer> {
  const target =
    staging ??
    device.createBuffer({
      size: align4(byteLength),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
  encoder.copyBufferToBuffer(source, 0, target, 0, align4(byteLength));
  device.queue.submit([encoder.finish()]);
  await target.mapAsync(GPUMapMode.READ);
  const bytes = target.getMappedRange().slice(0, byteLength);
  target.unmap();
  if (!staging) target.destroy();
  return bytes;
}

export function bindGroup(
  device: GPUDevice,
  pipeline: GPUComputePipeline,
  buffers: Readonly<Record<number, GPUBuffer>>,
): GPUBindGroup {
  // Explicit binding numbers: with layout 'auto' an entry point's layout holds only the
  // bindings it uses, so two entry points of one module may need different subsets.
  return device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: Object.entries(buffers).map(([binding, buffer]) => ({
      binding: Number(binding),
      resource: { buffer },
    })),
  });
}

const align4 = (n: number): number => Math.ceil(n / 4) * 4;
