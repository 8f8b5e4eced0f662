/**
 * The page's side of the collapse worker: move the run to a step, with progress. The page keeps
 * one copy of the history, grown by the rows the worker streams, so it mirrors the worker's run.
 */
import { engineClient } from '../../../worker/engineClient';
import { HISTORY_KEYS, type CollapseSettings, type HistoryRows } from './collapseEngine';
import {
  collapseEngine,
  type CollapseEvent,
  type CollapseRequest,
  type CollapseResult,
} from './collapseProtocol';

const client = engineClient<CollapseRequest, CollapseResult, CollapseEvent>({
  name: 'collapse worker',
  start: () => new Worker(new URL('./collapse.worker.ts', import.meta.url), { type: 'module' }),
  inline: () => collapseEngine(),
});

function joined(a: Float64Array, keep: number, b: Float64Array): Float64Array {
  const out = new Float64Array(keep + b.length);
  out.set(a.subarray(0, keep));
  out.set(b, keep);
  return out;
}

/** The page's history after `rows`: they replace everything from rows.from on. */
export function appendHistory(prev: HistoryRows | null, rows: HistoryRows): HistoryRows {
  if (prev === null || rows.from === 0 || prev.key !== rows.key || prev.steps.length < rows.from)
    return rows;
  const keep = rows.from;
  const cols = Object.fromEntries(
    HISTORY_KEYS.map((k) => [k, joined(prev.cols[k], keep, rows.cols[k])]),
  ) as HistoryRows['cols'];
  return { key: rows.key, from: 0, steps: joined(prev.steps, keep, rows.steps), cols };
}

let mirror: HistoryRows | null = null;

export interface CollapseProgress {
  step: number;
  target: number;
  history?: HistoryRows;
}

export interface CollapseOutcome extends CollapseResult {
  history: HistoryRows;
}

/** Moves the run to step n; null when a newer request cancelled this one. */
export async function collapseRunTo(
  settings: CollapseSettings,
  n: number,
  onProgress?: (p: CollapseProgress) => void,
): Promise<CollapseOutcome | null> {
  const res = await client.call({ settings, n }, (ev) => {
    if (ev.rows) mirror = appendHistory(mirror, ev.rows);
    onProgress?.(
      ev.rows && mirror
        ? { step: ev.step, target: ev.target, history: mirror }
        : { step: ev.step, target: ev.target },
    );
  });
  if (res === null) return null;
  mirror = appendHistory(mirror, res.rows);
  return { ...res, history: mirror };
}
