/**
 * WebGPU device acquisition. Knows nothing of views: it hands out a device or says why
 * there is none, and tells subscribers when a device is lost so they can fall back.
 */
export interface GpuContext {
  device: GPUDevice;
  /** Adapter description for the badge and the bench ("swiftshader", a vendor name…). */
  adapterName: string;
}

export type GpuAvailability = { kind: 'gpu'; ctx: GpuContext } | { kind: 'none'; reason: string };

type LossListener = (reason: string) => void;
const lossListeners = new Set<LossListener>();

/** Called with a human-readable reason whenever the current device is lost. */
export function onDeviceLost(fn: LossListener): () => void {
  lossListeners.add(fn);
  return () => lossListeners.delete(fn);
}

let current: Promise<GpuAvailability> | null = null;

export function acquireGpu(): Promise<GpuAvailability> {
  current ??= requestGpu();
  return current;
}

async function requestGpu(): Promise<GpuAvailability> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) {
    return { kind: 'none', reason: 'this browser has no WebGPU' };
  }
  try {
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { kind: 'none', reason: 'WebGPU is present but no adapter was offered' };
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    const ctx: GpuContext = { device, adapterName: describeAdapter(adapter) };
    void device.lost.then((info) => {
      // The app never destroys its device itself, so even 'destroyed' is a loss to recover from.
      current = null;
      for (const fn of lossListeners) fn(info.message || 'the GPU device was lost');
    });
    return { kind: 'gpu', ctx };
  } catch (err) {
    return { kind: 'none', reason: `WebGPU failed to start: ${String(err)}` };
  }
}

function describeAdapter(adapter: GPUAdapter): string {
  const info = adapter.info;
  const parts = [info.vendor, info.architecture, info.device, info.description].filter(
    (s) => s && s.length > 0,
  );
  return parts.length > 0 ? parts.join(' ') : 'unknown adapter';
}

/** Destroys the current device, as a driver reset would; used by tests of the recovery path. */
export async function loseDeviceForTesting(): Promise<boolean> {
  const gpu = await acquireGpu();
  if (gpu.kind !== 'gpu') return false;
  gpu.ctx.device.destroy();
  return true;
}
