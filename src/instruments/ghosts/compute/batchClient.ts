/**
 * The page's side of the batch worker: one request per job, naming the model it needs; the
 * worker trains (or replays) to it and runs the job. A newer request cancels an older one, whose
 * promise then resolves to null.
 */
import { engineClient } from '../../../worker/engineClient';
import type { BatchAnalysis, BatchDirection, SweepCurve, SweepDirection } from './batchEngine';
import {
  batchEngine,
  type BatchEvent,
  type BatchRequest,
  type BatchResult,
  type BatchTarget,
} from './batchProtocol';

const client = engineClient<BatchRequest, BatchResult, BatchEvent>({
  name: 'batch worker',
  start: () => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }),
  inline: () => batchEngine(),
});

/** Whether the work runs on a worker (false once it has fallen back to the main thread). */
export const batchOnWorker = (): boolean => client.onWorker();

export type ModelTarget = Omit<BatchTarget, 'digitsUrl'>;

const withUrl = (t: ModelTarget): BatchTarget => ({
  ...t,
  digitsUrl: new URL('data/digits.csv.gz', document.baseURI).href,
});

const progress = (onStep?: (step: number) => void) => (ev: BatchEvent) => onStep?.(ev.step);

/** The batch analysis of the model at `target`; null when superseded. */
export async function analyzeModel(
  target: ModelTarget,
  direction: BatchDirection,
  onStep?: (step: number) => void,
): Promise<BatchAnalysis | null> {
  const r = await client.call(
    { target: withUrl(target), job: { kind: 'analyze', direction } },
    progress(onStep),
  );
  if (r === null) return null;
  if (r.kind !== 'analyze') throw new Error('the batch worker answered the wrong job');
  return r.result;
}

/** One sweep curve of the model at `target`; null when superseded. */
export async function sweepModel(
  target: ModelTarget,
  direction: SweepDirection,
  rs: Float64Array,
  onStep?: (step: number) => void,
): Promise<SweepCurve | null> {
  const r = await client.call(
    { target: withUrl(target), job: { kind: 'sweep', direction, rs } },
    progress(onStep),
  );
  if (r === null) return null;
  if (r.kind !== 'sweep') throw new Error('the batch worker answered the wrong job');
  return r.curve;
}
