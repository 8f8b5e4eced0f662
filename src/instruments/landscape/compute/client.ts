/**
 * The page's side of the landscape worker. The page keeps one copy of the batch-loss history,
 * grown by the rows each state carries (append-only: a state carries only what is new).
 */
import { engineClient } from '../../../worker/engineClient';
import { landscapeEngine } from './engine';
import type { LandscapeEvent, LandscapeRequest, LandscapeState } from './protocol';

const client = engineClient<LandscapeRequest, LandscapeState, LandscapeEvent>({
  name: 'landscape worker',
  start: () => new Worker(new URL('./landscape.worker.ts', import.meta.url), { type: 'module' }),
  inline: () => landscapeEngine(),
});

export interface Shown extends LandscapeState {
  /** The whole history (steps 0 … step−1). */
  fullHistory: Float64Array;
}

let mirror: Shown | null = null;

/** The state with its history joined onto the page's copy. */
function joined(s: LandscapeState): Shown {
  const prev = mirror && mirror.key === s.key ? mirror.fullHistory : new Float64Array(0);
  const keep = Math.min(prev.length, s.historyFrom);
  const out = new Float64Array(keep + s.history.length);
  out.set(prev.subarray(0, keep));
  out.set(s.history, keep);
  mirror = { ...s, fullHistory: out };
  return mirror;
}

export async function landscapeRunTo(
  body: Omit<LandscapeRequest, 'id'>,
  onEvent: (
    e: { kind: 'progress'; step: number; target: number } | { kind: 'state'; state: Shown },
  ) => void,
): Promise<Shown | null> {
  const res = await client.call(body, (ev) => {
    if (ev.kind === 'state') onEvent({ kind: 'state', state: joined(ev.state) });
    else onEvent(ev);
  });
  return res === null ? null : joined(res);
}
