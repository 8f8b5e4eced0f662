import type { ViewExport } from '../../../app/exportJson';
import { describeProvenance } from '../../../gpu/choice';
import type { CollapseOutcome } from '../compute/collapseClient';
import type { HistoryRows } from '../compute/collapseEngine';
import { collapseReadouts } from '../readouts';

/** The view's numbers: the readouts unrounded, the metric history and the 3-D coordinates. */
export function collapseJson(
  result: CollapseOutcome | null,
  history: HistoryRows | null,
  target: number,
): ViewExport {
  const frame = result?.frame ?? null;
  const cols = history
    ? Object.fromEntries(Object.entries(history.cols).map(([k, v]) => [k, Array.from(v)]))
    : {};
  return {
    mode: 'ufm',
    backend: result ? describeProvenance(result.provenance) : null,
    partial: frame === null || frame.step !== target,
    missing: `training had reached step ${frame?.step ?? 0} of ${target}`,
    results: {
      readouts: frame ? collapseReadouts(frame) : null,
      theory: frame?.theory ?? null,
      history: { steps: history ? Array.from(history.steps) : [], ...cols },
      display: frame
        ? {
            method: frame.method,
            means: Array.from(frame.means),
            classifiers: Array.from(frame.classifiers),
            etf: Array.from(frame.etf),
          }
        : null,
      cosines: frame ? Array.from(frame.metrics.cosM) : null,
    },
  };
}
