/**
 * The batch worker (batch.worker.ts) behind a promise API, through the shared workerClient (inline
 * on the main thread where no worker starts). One worker and one model serve the page; jobs run
 * one at a time, each first bringing the model to its (data, seed, lr, step) — replayed from the
 * seed when it must go back — and a job whose caller moved on stops between messages.
 */
import {
  BatchHost,
  type BatchAnalysis,
  type BatchData,
  type BatchDirection,
  type BatchRequest,
  type BatchResponse,
  type SweepCurve,
  type SweepDirection,
} from './batch.worker';
import type { TrainOnId } from '../../../models/mlp/ops';
import { workerClient } from '../../../worker/workerClient';

/** Steps per `advance` message: about 60 ms of digits training (64→128→10, batch 64). */
export const ADVANCE_CHUNK = 20;

let inlineUsed = false;

const client = workerClient<BatchRequest, BatchResponse>({
  name: 'batch worker',
  start: () => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }),
  inline: (post) => {
    inlineUsed = true;
    const host = new BatchHost();
    return (req) => {
      void host.enqueue(req).then((res) => post(res));
    };
  },
});

type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

const call = (body: Body<BatchRequest>): Promise<BatchResponse> =>
  client.call({ ...body, id: client.nextId() } as BatchRequest);

/** The GPU broke mid-job; the worker has moved to the CPU, so the job can be run again. */
class GpuFailed extends Error {}

const fail = (res: BatchResponse): never => {
  if (res.ok) throw new Error(`batch worker answered the wrong request (${res.kind})`);
  throw res.gpuFailed ? new GpuFailed(res.error) : new Error(res.error);
};

/** Whether the work runs on a worker (false once it has fallen back to the main thread). */
export const batchOnWorker = (): boolean => !inlineUsed;

export interface ModelTarget {
  data: BatchData;
  seed: number;
  step: number;
  /** Adam's learning rate; the data set's recipe (RECIPES in batch.worker.ts) unless given. */
  lr?: number | undefined;
  /** Where to train: the GPU when there is one ('auto') or the f64 oracle ('cpu'). */
  train: TrainOnId;
}

/** What a job may ask of the model once it stands at its target. */
export interface ModelApi {
  analyze(direction: BatchDirection): Promise<BatchAnalysis>;
  sweep(direction: SweepDirection, rs: Float64Array): Promise<SweepCurve>;
}

const api: ModelApi = {
  async analyze(direction) {
    const res = await call({ kind: 'analyze', direction });
    return res.ok && res.kind === 'analyze' ? res.result : fail(res);
  },
  async sweep(direction, rs) {
    const res = await call({ kind: 'sweep', direction, rs });
    return res.ok && res.kind === 'sweep' ? res.curve : fail(res);
  },
};

/** The worker's model: which one, and how far it has been trained (null: none, or unknown). */
let model: { key: string; step: number } | null = null;
let queue: Promise<unknown> = Promise.resolve();

async function bringTo(
  target: ModelTarget,
  alive: () => boolean,
  onProgress: (step: number) => void,
): Promise<boolean> {
  const key = `${target.data}:${target.seed}:${target.lr ?? 'default'}:${target.train}`;
  if (!model || model.key !== key || model.step > target.step) {
    model = null;
    const res = await call({
      kind: 'init',
      data: target.data,
      seed: target.seed,
      train: target.train,
      digitsUrl: new URL('data/digits.csv.gz', document.baseURI).href,
      ...(target.lr === undefined ? {} : { lr: target.lr }),
    });
    if (!res.ok || res.kind !== 'init') return fail(res);
    model = { key, step: 0 };
  }
  while (model.step < target.step) {
    if (!alive()) return false;
    const count = Math.min(ADVANCE_CHUNK, target.step - model.step);
    const res = await call({ kind: 'advance', count });
    if (!res.ok || res.kind !== 'advance') return fail(res);
    model = { key, step: res.step };
    onProgress(model.step);
  }
  return alive();
}

/**
 * Runs `job` once the model stands at `target` (after any jobs queued before it). Resolves to
 * null when `alive()` turned false first: the caller no longer wants the answer.
 */
export function withModel<R>(
  target: ModelTarget,
  alive: () => boolean,
  onProgress: (step: number) => void,
  job: (model: ModelApi) => Promise<R>,
): Promise<R | null> {
  const attempt = async (): Promise<R | null> => {
    if (!alive()) return null;
    try {
      if (!(await bringTo(target, alive, onProgress))) return null;
      return await job(api);
    } catch (err) {
      model = null;
      throw err;
    }
  };
  // After a GPU failure the worker trains on the CPU: one replay from the seed there.
  const run = (): Promise<R | null> =>
    attempt().catch((err: unknown) => {
      if (err instanceof GpuFailed) return attempt();
      throw err;
    });
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
