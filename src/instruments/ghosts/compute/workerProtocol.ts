import { nearestZero, planeField, type NearestZero, type PlaneGrid } from '../science';

/** What the readouts and overlays of one logit line need beyond Δ_a and ρ_a (which are O(K)). */
export type LineAnalysis = NearestZero;

export type WorkerRequest =
  | { id: number; kind: 'analyze'; z: number[]; a: number[] }
  | { id: number; kind: 'plane'; grid: PlaneGrid; z: number[]; a: number[] };

export type WorkerResponse =
  | { id: number; ok: true; kind: 'analyze'; result: LineAnalysis }
  | { id: number; ok: true; kind: 'plane'; field: Float32Array }
  | { id: number; ok: false; error: string };

/** The CPU work behind each request: run in the worker, or inline where no worker starts. */
export function handleRequest(req: WorkerRequest): WorkerResponse {
  try {
    return req.kind === 'analyze'
      ? { id: req.id, ok: true, kind: 'analyze', result: nearestZero(req.z, req.a) }
      : { id: req.id, ok: true, kind: 'plane', field: planeField(req.grid, req.z, req.a) };
  } catch (err) {
    return { id: req.id, ok: false, error: String(err) };
  }
}
