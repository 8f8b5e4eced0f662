/**
 * The landscape view's key numbers by test id, as one pure function of the engine's state; it
 * feeds both the readouts and the JSON export.
 */
import type { LandscapeState } from './compute/protocol';

export const LANDSCAPE_READOUTS = {
  param: [
    'step',
    'train-loss',
    'train-acc',
    'loss-center',
    'grid-min',
    'grid-min-alpha',
    'grid-min-beta',
    'interp-at-1',
    'interp-min',
  ],
} as const;

export type LandscapeReadoutId = (typeof LANDSCAPE_READOUTS.param)[number];

/**
 * interp-at-1 is the interpolation at α = 1, i.e. the loss at the pair's second end: for the
 * default pair θ₀ → θ that is θ itself, the train-loss again by another pass; for a pinned pair
 * it is the loss at that pair's θ_b. interp-min is the lowest loss on the pair's line.
 */
export function landscapeReadouts(
  s: LandscapeState | null,
): Record<LandscapeReadoutId, number | null> {
  const at1 = s?.interp ? nearest(s.interp.alphas, s.interp.loss, 1) : null;
  return {
    step: s?.step ?? null,
    'train-loss': s?.trainLoss ?? null,
    'train-acc': s?.trainAcc ?? null,
    'loss-center': s?.slice?.center ?? null,
    'grid-min': s?.slice?.min.loss ?? null,
    'grid-min-alpha': s?.slice?.min.alpha ?? null,
    'grid-min-beta': s?.slice?.min.beta ?? null,
    'interp-at-1': at1,
    'interp-min': s?.interp?.min.loss ?? null,
  };
}

function nearest(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number | null {
  let best = -1;
  for (let i = 0; i < xs.length; i++) {
    if (best < 0 || Math.abs((xs[i] ?? NaN) - x) < Math.abs((xs[best] ?? NaN) - x)) best = i;
  }
  return best < 0 ? null : (ys[best] ?? null);
}
