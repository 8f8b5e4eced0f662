/**
 * The page's side of the entropy worker: move the runs to a step, with progress. The page keeps
 * one copy of the rows, grown by what the worker streams (whichever request it came with).
 */
import { engineClient } from '../../../worker/engineClient';
import { entropyEngine, type EntropyEvent, type EntropyRequest } from './engine';
import { appendSnapshot, type EntropySnapshot } from './rows';
import type { EntropySettings } from './settings';

const client = engineClient<EntropyRequest, EntropySnapshot, EntropyEvent>({
  name: 'entropy worker',
  start: () => new Worker(new URL('./entropy.worker.ts', import.meta.url), { type: 'module' }),
  inline: () => entropyEngine(),
});

let mirror: EntropySnapshot | null = null;

export interface EntropyProgress {
  step: number;
  target: number;
  snapshot?: EntropySnapshot;
}

/** Moves both runs to step n; null when a newer request cancelled this one. */
export async function entropyRunTo(
  settings: EntropySettings,
  n: number,
  onProgress?: (p: EntropyProgress) => void,
): Promise<EntropySnapshot | null> {
  const res = await client.call({ settings, n }, (ev) => {
    if (ev.rows) mirror = appendSnapshot(mirror, ev.rows);
    onProgress?.(
      ev.rows && mirror
        ? { step: ev.step, target: ev.target, snapshot: mirror }
        : { step: ev.step, target: ev.target },
    );
  });
  if (res === null) return null;
  mirror = appendSnapshot(mirror, res);
  return mirror;
}
