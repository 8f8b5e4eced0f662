/**
 * Messages of the spike worker, and the handler behind them (run in spike.worker.ts, or inline
 * where no worker starts). Requests are served one after another; a newer request cancels an
 * older one still replaying, so dragging a slider never queues minutes of training.
 */
import type { Dataset } from '../../../science/data/digits';
import { chooseOps } from '../../../models/mlp/gpuOps';
import { loadDigits } from '../../../worker/loadDigits';
import { SpikeEngine, sameSettings, type SpikeSeries, type SpikeSettings } from './spikeEngine';
import type { Post } from '../../../worker/workerClient';

export type SpikeRequest =
  /** Loads the data and builds the three runs at step 0 (answers 'ready'). */
  | { id: number; kind: 'configure'; settings: SpikeSettings; dataUrl: string }
  /** Moves to step n, replaying from the seed (or a snapshot) as needed. */
  | { id: number; kind: 'runTo'; settings: SpikeSettings; dataUrl: string; n: number }
  /** One step forward. */
  | { id: number; kind: 'step'; settings: SpikeSettings; dataUrl: string };

export type SpikeResponse =
  | { id: number; kind: 'ready'; total: number }
  /** Every PARTIAL_EVERY steps of a replay, the series so far rides along, so charts grow. */
  | { id: number; kind: 'progress'; step: number; target: number; series?: SpikeSeries }
  | { id: number; kind: 'series'; series: SpikeSeries }
  | { id: number; kind: 'cancelled' }
  | { id: number; kind: 'error'; error: string };

export const isFinalSpikeResponse = (r: SpikeResponse): boolean => r.kind !== 'progress';

/** Steps between yields to the message queue (each is ~25 ms for the three runs). */
const STEPS_PER_SLICE = 2;
const PARTIAL_EVERY = 10;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function transferables(s: SpikeSeries): Transferable[] {
  return [
    s.lr.buffer,
    ...s.runs.flatMap((r) => [r.loss, r.testAcc, r.tau, r.rhoA].map((a) => a.buffer)),
  ];
}

/** Picks where the runs train (chooseOps; tests pass their own). */
export type ChooseOps = typeof chooseOps;

export function spikeHandler(
  post: Post<SpikeResponse>,
  choose: ChooseOps = chooseOps,
): (req: SpikeRequest) => void {
  let engine: SpikeEngine | null = null;
  /** Why the GPU is no longer used (a failed kernel, a lost device); null while it is fine. */
  let gpuBroken: string | null = null;
  /** Whether the engine being built or run uses the GPU. */
  let onGpu = false;
  let latest = 0;
  let queue: Promise<void> = Promise.resolve();
  const data = new Map<string, Promise<Dataset>>();

  const engineFor = async (settings: SpikeSettings, url: string): Promise<SpikeEngine> => {
    if (engine && sameSettings(engine.settings, settings)) return engine;
    engine = null;
    const cached = data.get(url) ?? loadDigits(url);
    data.set(url, cached);
    const { backend, makeOps, note } = await choose(settings.train, gpuBroken);
    onGpu = backend === 'gpu';
    engine = await SpikeEngine.create(settings, await cached, makeOps, note);
    return engine;
  };

  const serve = async (req: SpikeRequest): Promise<void> => {
    if (req.id !== latest) {
      post({ id: req.id, kind: 'cancelled' });
      return;
    }
    const e = await engineFor(req.settings, req.dataUrl);
    if (req.kind === 'configure') {
      post({ id: req.id, kind: 'ready', total: e.total });
      return;
    }
    const target = Math.min(e.total, req.kind === 'step' ? e.step + 1 : Math.max(0, req.n));
    if (target < e.step) await e.seek(target);
    let slice = 0;
    while (e.step < target) {
      await e.advance();
      if (e.step % PARTIAL_EVERY === 0 && e.step < target) {
        const partial = e.series();
        post(
          { id: req.id, kind: 'progress', step: e.step, target, series: partial },
          transferables(partial),
        );
      } else {
        post({ id: req.id, kind: 'progress', step: e.step, target });
      }
      if (++slice % STEPS_PER_SLICE === 0 && e.step < target) {
        await pause();
        if (req.id !== latest) {
          post({ id: req.id, kind: 'cancelled' });
          return;
        }
      }
    }
    const series = e.series();
    post({ id: req.id, kind: 'series', series }, transferables(series));
  };

  const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

  /** A GPU failure mid-run replays the request on the CPU oracle; anything else is reported. */
  const serveOrFallBack = async (req: SpikeRequest): Promise<void> => {
    try {
      await serve(req);
    } catch (err) {
      if (!onGpu) throw err;
      gpuBroken = `the GPU failed: ${message(err)}`;
      engine = null;
      await serve(req);
    }
  };

  return (req) => {
    latest = Math.max(latest, req.id);
    queue = queue.then(() =>
      serveOrFallBack(req).catch((err: unknown) => {
        engine = null;
        post({ id: req.id, kind: 'error', error: message(err) });
      }),
    );
  };
}
