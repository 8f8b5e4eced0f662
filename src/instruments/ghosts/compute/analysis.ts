import { deltaA, nearestZero, rhoA, type NearestZero } from '../science';

/** What the readouts and overlays of one logit line need; all of it is f64 CPU work. */
export interface LineAnalysis extends NearestZero {
  deltaA: number;
  rhoA: number;
}

export function analyzeLine(z: readonly number[], a: readonly number[]): LineAnalysis {
  return { ...nearestZero(z, a), deltaA: deltaA(a), rhoA: rhoA(a) };
}
