/** Promise client of the spike worker: replay to a step, with progress; null when superseded. */
import type { SpikeSeries, SpikeSettings } from './spikeEngine';
import {
  isFinalSpikeResponse,
  spikeHandler,
  type SpikeRequest,
  type SpikeResponse,
} from './spikeProtocol';
import { workerClient } from '../../../worker/workerClient';

const client = workerClient<SpikeRequest, SpikeResponse>({
  name: 'spike worker',
  start: () => new Worker(new URL('./spike.worker.ts', import.meta.url), { type: 'module' }),
  inline: spikeHandler,
  isFinal: isFinalSpikeResponse,
});

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
  const id = client.nextId();
  const req: SpikeRequest =
    n === 'next'
      ? { id, kind: 'step', settings, dataUrl }
      : { id, kind: 'runTo', settings, dataUrl, n };
  const res = await client.call(req, (ev) => {
    if (ev.kind === 'progress') onProgress?.(ev);
  });
  if (res.kind === 'error') throw new Error(res.error);
  if (res.kind === 'cancelled') return null;
  if (res.kind !== 'series') throw new Error('the spike worker answered the wrong request');
  return res.series;
}

/** Loads the data and builds the runs ahead of the first replay. */
export async function spikeConfigure(settings: SpikeSettings, dataUrl: string): Promise<number> {
  const res = await client.call({ id: client.nextId(), kind: 'configure', settings, dataUrl });
  if (res.kind === 'error') throw new Error(res.error);
  return res.kind === 'ready' ? res.total : 0;
}
