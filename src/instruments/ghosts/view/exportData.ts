import type { ViewExport } from '../../../app/exportJson';
import { describeProvenance } from '../../../gpu/choice';
import type { GhostsParams } from '../link';
import type { GhostsResult } from './useGhostsCompute';
import type { PlaneReadouts } from '../readouts';

/** The plane's numbers: the same values the readouts show, unrounded. */
export function ghostsJson(
  params: GhostsParams,
  readouts: PlaneReadouts,
  result: GhostsResult | null,
): ViewExport {
  return {
    mode: params.mode,
    backend: result ? describeProvenance(result.plane.provenance) : null,
    partial: result === null,
    missing: 'the plane was not computed yet',
    results: {
      readouts,
      zeros: result?.analysis.zeros ?? [],
      certified: result?.analysis.certified ?? null,
      window: result?.plane.grid ?? null,
    },
  };
}
