/** The page's side of the CPU worker; null when a newer request made this one stale. */
import type { PlaneGrid } from '../science';
import { cpuEngine, type CpuRequest, type CpuResult, type LineAnalysis } from './cpuProtocol';
import { engineClient } from '../../../worker/engineClient';

const client = engineClient<CpuRequest, CpuResult, never>({
  name: 'CPU worker',
  start: () => new Worker(new URL('./cpu.worker.ts', import.meta.url), { type: 'module' }),
  inline: cpuEngine,
});

export async function analyzeOnWorker(z: number[], a: number[]): Promise<LineAnalysis | null> {
  const r = await client.call({ kind: 'analyze', z, a });
  if (r === null) return null;
  if (r.kind !== 'analyze') throw new Error('the CPU worker answered the wrong request');
  return r.analysis;
}

export async function planeOnWorker(
  grid: PlaneGrid,
  z: number[],
  a: number[],
): Promise<Float32Array | null> {
  const r = await client.call({ kind: 'plane', grid, z, a });
  if (r === null) return null;
  if (r.kind !== 'plane') throw new Error('the CPU worker answered the wrong request');
  return r.field;
}
