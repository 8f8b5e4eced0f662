import type { ViewExport } from '../../../app/exportJson';
import { describeProvenance } from '../../../gpu/choice';
import type { GhostsParams } from '../link';
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

/** The plane's numbers: the same values the readouts show, unrounded. */
export function ghostsJson(
  params: GhostsParams,
  readouts: GhostsReadouts,
  result: GhostsResult | null,
): ViewExport {
  return {
    mode: params.mode,
    backend: result ? describeProvenance(result.plane.provenance) : null,
    results: {
      readouts,
      zeros: result?.analysis.zeros ?? [],
      certified: result?.analysis.certified ?? null,
      window: result?.plane.grid ?? null,
    },
  };
}
