/**
 * Promise wrapper around the CPU worker. Where a worker cannot start, the same science
 * functions run inline so the page still works (only less smoothly).
 */
import type { PlaneGrid } from '../science/ghosts';
import type { LineAnalysis } from './analysis';
import { handleRequest, type WorkerRequest, type WorkerResponse } from './workerProtocol';

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };

let worker: Worker | null | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./cpu.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(`CPU worker failed: ${e.message}`));
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

function call(req: WorkerRequest): Promise<WorkerResponse> {
  const w = getWorker();
  if (!w) return Promise.resolve(handleRequest(req));
  return new Promise((resolve, reject) => {
    pending.set(req.id, { resolve, reject });
    w.postMessage(req);
  });
}

export async function analyzeOnWorker(z: number[], a: number[]): Promise<LineAnalysis> {
  const res = await call({ id: nextId++, kind: 'analyze', z, a });
  if (!res.ok) throw new Error(res.error);
  if (res.kind !== 'analyze') throw new Error('CPU worker answered the wrong request');
  return res.result;
}

export async function planeOnWorker(
  grid: PlaneGrid,
  z: number[],
  a: number[],
): Promise<Float32Array> {
  const res = await call({ id: nextId++, kind: 'plane', grid, z, a });
  if (!res.ok) throw new Error(res.error);
  if (res.kind !== 'plane') throw new Error('CPU worker answered the wrong request');
  return res.field;
}
