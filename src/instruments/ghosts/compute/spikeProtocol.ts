/**
 * The spike experiment on the engine host (src/worker/engineHost.ts): requests move the three
 * runs to a step, replaying from the seed (or a snapshot) as needed; a newer request cancels an
 * older one. Rows stream append-only: each message carries only the steps the page has not had,
 * so a long run posts O(steps) numbers in all, not O(steps²).
 */
import type { Dataset } from '../../../science/data/digits';
import { chooseOps } from '../../../models/mlp/gpuOps';
import { loadDigits } from '../../../worker/loadDigits';
import { CANCELLED, yieldToMessages, type Engine } from '../../../worker/engineHost';
import { SpikeEngine, sameSettings, type SpikeSeries, type SpikeSettings } from './spikeEngine';

export type SpikeRequest =
  /** Moves to step n, replaying from the seed (or a snapshot) as needed. */
  | { id: number; kind: 'runTo'; settings: SpikeSettings; dataUrl: string; n: number }
  /** One step forward. */
  | { id: number; kind: 'step'; settings: SpikeSettings; dataUrl: string };

/** Every step of a replay; every PARTIAL_EVERY steps the new rows ride along, so charts grow. */
export interface SpikeEvent {
  step: number;
  target: number;
  rows?: SpikeSeries;
}

/** Steps between yields to the message queue (each is ~25 ms for the three runs). */
const STEPS_PER_SLICE = 2;
const PARTIAL_EVERY = 10;

function transferables(s: SpikeSeries): Transferable[] {
  return [
    s.lr.buffer,
    ...s.runs.flatMap((r) => [r.loss, r.testAcc, r.tau, r.rhoA].map((a) => a.buffer)),
  ];
}

/** Picks where the runs train (chooseOps; tests pass their own). */
export type ChooseOps = typeof chooseOps;

export function spikeEngine(
  choose: ChooseOps = chooseOps,
): Engine<SpikeRequest, SpikeSeries, SpikeEvent> {
  let engine: SpikeEngine | null = null;
  /** Whether the engine being built or run uses the GPU. */
  let onGpu = false;
  /** Steps whose rows the page has: the next message starts there. */
  let sent = 0;
  const data = new Map<string, Promise<Dataset>>();

  const engineFor = async (
    settings: SpikeSettings,
    url: string,
    gpuBroken: string | null,
  ): Promise<SpikeEngine> => {
    if (engine && sameSettings(engine.settings, settings)) return engine;
    engine = null;
    sent = 0;
    const cached = data.get(url) ?? loadDigits(url);
    data.set(url, cached);
    const { backend, makeOps, note } = await choose(settings.train, gpuBroken);
    onGpu = backend === 'gpu';
    engine = await SpikeEngine.create(settings, await cached, makeOps, note);
    return engine;
  };

  const newRows = (e: SpikeEngine): SpikeSeries => {
    const rows = e.rows(sent);
    sent = e.step;
    return rows;
  };

  return {
    onGpu: () => onGpu,
    reset: () => {
      engine = null;
      sent = 0;
    },
    transfer: transferables,
    async serve(req, job) {
      const e = await engineFor(req.settings, req.dataUrl, job.gpuBroken);
      const target = Math.min(e.total, req.kind === 'step' ? e.step + 1 : Math.max(0, req.n));
      if (target < e.step) {
        await e.seek(target);
        sent = Math.min(sent, target);
      }
      let slice = 0;
      while (e.step < target) {
        await e.advance();
        if (e.step % PARTIAL_EVERY === 0 && e.step < target) {
          const rows = newRows(e);
          job.event({ step: e.step, target, rows }, transferables(rows));
        } else {
          job.event({ step: e.step, target });
        }
        if (++slice % STEPS_PER_SLICE === 0 && e.step < target) {
          await yieldToMessages();
          if (job.superseded()) return CANCELLED;
        }
      }
      return newRows(e);
    },
  };
}
