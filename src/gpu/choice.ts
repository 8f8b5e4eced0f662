/**
 * The GPU-or-CPU choice, with a sticky failure: once a kernel fails to compile, or no adapter
 * is offered, that consumer stays on the CPU path; a lost device is re-acquired on the next
 * call. Every result says where it was computed (its provenance), so each picture's badge is
 * about that picture.
 */
import { acquireGpu } from './device';
import { ShaderCompileError } from './runner';

export type Provenance = { kind: 'gpu'; adapter: string } | { kind: 'cpu'; reason: string };

export interface Computed<T> {
  value: T;
  provenance: Provenance;
}

export interface GpuChoice {
  run: <T>(
    onGpu: (device: GPUDevice) => Promise<T>,
    onCpu: () => Promise<T>,
  ) => Promise<Computed<T>>;
}

export function gpuChoice(): GpuChoice {
  let broken: string | null = null;
  return {
    async run(onGpu, onCpu) {
      let reason = broken;
      if (broken === null) {
        const gpu = await acquireGpu();
        if (gpu.kind === 'gpu') {
          try {
            const value = await onGpu(gpu.ctx.device);
            return { value, provenance: { kind: 'gpu', adapter: gpu.ctx.adapterName } };
          } catch (err) {
            if (err instanceof ShaderCompileError) {
              broken = `a GPU kernel failed to compile: ${err.message}`;
              reason = broken;
            } else {
              // The device was lost mid-run: this result comes from the CPU, the next asks again.
              reason = 'the GPU device is being re-acquired';
            }
          }
        } else {
          broken = gpu.reason;
          reason = broken;
        }
      }
      const value = await onCpu();
      return { value, provenance: { kind: 'cpu', reason: reason ?? 'no GPU' } };
    },
  };
}

/** `gpu: <adapter>` or `cpu: <reason>`, as exports and badges' titles say it. */
export const describeProvenance = (p: Provenance): string =>
  p.kind === 'gpu' ? `gpu: ${p.adapter}` : `cpu: ${p.reason}`;
