/**
 * The plane view's CPU work on the engine host: the nearest zero (f64, always here) and the
 * plane field when there is no GPU. Stateless, so newest-wins only skips requests a drag has
 * already made stale.
 */
import { nearestZero, planeField, type NearestZero, type PlaneGrid } from '../science';
import type { Engine } from '../../../worker/engineHost';

/** What the readouts and overlays of one logit line need beyond Δ_a and ρ_a (which are O(K)). */
export type LineAnalysis = NearestZero;

export type CpuRequest =
  | { id: number; kind: 'analyze'; z: number[]; a: number[] }
  | { id: number; kind: 'plane'; grid: PlaneGrid; z: number[]; a: number[] };

export type CpuResult =
  { kind: 'analyze'; analysis: LineAnalysis } | { kind: 'plane'; field: Float32Array };

export function cpuEngine(): Engine<CpuRequest, CpuResult, never> {
  return {
    onGpu: () => false,
    reset: () => undefined,
    transfer: (r) => (r.kind === 'plane' ? [r.field.buffer] : []),
    serve: (req) =>
      Promise.resolve(
        req.kind === 'analyze'
          ? { kind: 'analyze', analysis: nearestZero(req.z, req.a) }
          : { kind: 'plane', field: planeField(req.grid, req.z, req.a) },
      ),
  };
}
