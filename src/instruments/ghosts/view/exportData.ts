import type { GhostsParams } from '../../../state/params';
import type { GhostsResult } from './useGhostsCompute';

export interface GhostsReadouts {
  'delta-a': number;
  'rho-a': number;
  'rho-star': number | null;
  'zero-re': number | null;
  'zero-im': number | null;
  'r-ratio': number;
  'tau-over-rho-star': number | null;
  /** The true line loss L(τ), at temperature T. */
  'loss-at-tau': number;
  /** The Taylor polynomial T_n(τ). */
  'taylor-at-tau': number;
  /** |T_n(τ) − L(τ)| / |L(τ)|. */
  'taylor-rel-error': number;
}

/** The view's numbers as one JSON document: the same values the readouts show, unrounded. */
export function ghostsJson(
  params: GhostsParams,
  readouts: GhostsReadouts,
  result: GhostsResult | null,
  permalink: string,
  backend: string,
): string {
  return JSON.stringify(
    {
      app: 'softmax-atlas',
      view: 'ghosts',
      permalink,
      backend,
      params,
      readouts,
      zeros: result?.analysis.zeros ?? [],
      certified: result?.analysis.certified ?? null,
      window: result?.plane.grid ?? null,
    },
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}
