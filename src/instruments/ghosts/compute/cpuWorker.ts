/** Promise wrapper around the CPU worker (inline where a worker cannot start). */
import type { PlaneGrid } from '../science';
import {
  handleRequest,
  type LineAnalysis,
  type WorkerRequest,
  type WorkerResponse,
} from './workerProtocol';
import { workerClient } from '../../../worker/workerClient';

const client = workerClient<WorkerRequest, WorkerResponse>({
  name: 'CPU worker',
  start: () => new Worker(new URL('./cpu.worker.ts', import.meta.url), { type: 'module' }),
  inline: (post) => (req) => post(handleRequest(req)),
});

export async function analyzeOnWorker(z: number[], a: number[]): Promise<LineAnalysis> {
  const res = await client.call({ id: client.nextId(), kind: 'analyze', z, a });
  if (!res.ok) throw new Error(res.error);
  if (res.kind !== 'analyze') throw new Error('CPU worker answered the wrong request');
  return res.result;
}

export async function planeOnWorker(
  grid: PlaneGrid,
  z: number[],
  a: number[],
): Promise<Float32Array> {
  const res = await client.call({ id: client.nextId(), kind: 'plane', grid, z, a });
  if (!res.ok) throw new Error(res.error);
  if (res.kind !== 'plane') throw new Error('CPU worker answered the wrong request');
  return res.field;
}
