/**
 * The page's side of the spike worker: replay to a step, with progress. The page keeps one copy
 * of the series, grown by the rows the worker streams (whichever request they came with), so it
 * always mirrors the worker's runs.
 */
import { engineClient } from '../../../worker/engineClient';
import { appendRows, type SpikeSeries, type SpikeSettings } from './spikeEngine';
import { spikeEngine, type SpikeEvent, type SpikeRequest } from './spikeProtocol';

const client = engineClient<SpikeRequest, SpikeSeries, SpikeEvent>({
  name: 'spike worker',
  start: () => new Worker(new URL('./spike.worker.ts', import.meta.url), { type: 'module' }),
  inline: () => spikeEngine(),
});

let mirror: SpikeSeries | null = null;

export interface SpikeProgress {
  step: number;
  target: number;
  /** The series so far, on some progress events. */
  series?: SpikeSeries;
}

/**
 * Moves the three runs to step n (or one step on, with 'next') and returns their series; null
 * when a newer request cancelled this one.
 */
export async function spikeRunTo(
  settings: SpikeSettings,
  dataUrl: string,
  n: number | 'next',
  onProgress?: (p: SpikeProgress) => void,
): Promise<SpikeSeries | null> {
  const body =
    n === 'next'
      ? { kind: 'step' as const, settings, dataUrl }
      : { kind: 'runTo' as const, settings, dataUrl, n };
  const rows = await client.call(body, (ev) => {
    if (ev.rows) mirror = appendRows(mirror, ev.rows);
    onProgress?.(
      ev.rows && mirror ? { ...ev, series: mirror } : { step: ev.step, target: ev.target },
    );
  });
  if (rows === null) return null;
  mirror = appendRows(mirror, rows);
  return mirror;
}
