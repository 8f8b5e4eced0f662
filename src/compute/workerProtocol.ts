import type { PlaneGrid } from '../science/ghosts';
import type { LineAnalysis } from './analysis';

export type WorkerRequest =
  | { id: number; kind: 'analyze'; z: number[]; a: number[] }
  | { id: number; kind: 'plane'; grid: PlaneGrid; z: number[]; a: number[] };

export type WorkerResponse =
  | { id: number; ok: true; kind: 'analyze'; result: LineAnalysis }
  | { id: number; ok: true; kind: 'plane'; field: Float32Array }
  | { id: number; ok: false; error: string };
