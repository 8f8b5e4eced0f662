/**
 * Per-device GPU resources keyed by problem size, the few most recently used kept alive.
 * Creating buffers and bind groups costs more than a small kernel on a software adapter, and a
 * training step alternates sizes (a mini-batch, the test split, a short last batch).
 */
export interface SizedResources {
  /** Everything to destroy when the entry is evicted. */
  readonly buffers: readonly GPUBuffer[];
}

export function resourceCache<R extends SizedResources>(
  limit: number,
): (device: GPUDevice, key: string, make: () => R) => R {
  const perDevice = new WeakMap<GPUDevice, Map<string, R>>();
  return (device, key, make) => {
    let entries = perDevice.get(device);
    if (!entries) {
      entries = new Map();
      perDevice.set(device, entries);
    }
    const hit = entries.get(key);
    if (hit) {
      // Re-inserted so the Map's order is least recently used first.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const made = make();
    entries.set(key, made);
    for (const [oldKey, old] of entries) {
      if (entries.size <= limit) break;
      entries.delete(oldKey);
      for (const b of old.buffers) b.destroy();
    }
    return made;
  };
}
