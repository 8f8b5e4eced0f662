/**
 * The collapse run on the engine host (src/worker/engineHost.ts): a request moves the run to a
 * step (replaying from the seed, or a snapshot, as needed); a newer request cancels an older
 * one. History rows stream append-only: each message carries only rows the page has not had.
 */
import type { Provenance } from '../../../gpu/choice';
import { CANCELLED, yieldToMessages, type Engine } from '../../../worker/engineHost';
import { chooseBackend } from './chooseBackend';
import {
  CollapseEngine,
  HISTORY_KEYS,
  configOf,
  settingsKey,
  type CollapseFrame,
  type CollapseSettings,
  type HistoryRows,
} from './collapseEngine';

export interface CollapseRequest {
  id: number;
  settings: CollapseSettings;
  n: number;
}

export interface CollapseResult {
  readonly frame: CollapseFrame;
  readonly rows: HistoryRows;
  readonly provenance: Provenance;
}

export interface CollapseEvent {
  step: number;
  target: number;
  rows?: HistoryRows;
}

/** Time between yields to the message queue, and between streamed rows. */
const SLICE_MS = 40;
const ROWS_EVERY_MS = 250;

const rowBuffers = (r: HistoryRows): Transferable[] => [
  r.steps.buffer,
  ...HISTORY_KEYS.map((k) => r.cols[k].buffer),
];

export function collapseEngine(): Engine<CollapseRequest, CollapseResult, CollapseEvent> {
  let engine: CollapseEngine | null = null;
  let onGpu = false;
  /** History rows the page has. */
  let sent = 0;

  const engineFor = async (s: CollapseSettings, gpuBroken: string | null) => {
    if (engine && engine.key === settingsKey(s)) return engine;
    engine?.backend.destroy();
    engine = null;
    sent = 0;
    const cfg = configOf(s);
    const backend = await chooseBackend(s, cfg, gpuBroken);
    onGpu = backend.provenance.kind === 'gpu';
    const mlpTheory = { none: 'a trained MLP has no closed form' };
    engine = new CollapseEngine(s, cfg, backend, s.model === 'mlp' ? mlpTheory : undefined);
    return engine;
  };

  const newRows = (e: CollapseEngine): HistoryRows => {
    const rows = e.historyFrom(sent);
    sent = e.recorded;
    return rows;
  };

  return {
    onGpu: () => onGpu,
    reset: () => {
      engine?.backend.destroy();
      engine = null;
      sent = 0;
    },
    transfer: (res) => [...rowBuffers(res.rows), res.frame.points.buffer],
    async serve(req, job) {
      const e = await engineFor(req.settings, job.gpuBroken);
      const target = Math.max(0, req.n);
      if (target < e.step) {
        await e.stepToward(target);
        sent = Math.min(sent, e.recorded);
      }
      let sliceStart = performance.now();
      let rowsAt = sliceStart;
      // The first record (step 0) is taken even when the target is 0.
      await e.stepToward(target);
      while (e.step < target) {
        await e.stepToward(target);
        const now = performance.now();
        if (now - sliceStart < SLICE_MS) continue;
        if (now - rowsAt > ROWS_EVERY_MS) {
          rowsAt = now;
          const rows = newRows(e);
          job.event({ step: e.step, target, rows }, rowBuffers(rows));
        } else {
          job.event({ step: e.step, target });
        }
        await yieldToMessages();
        if (job.superseded()) return CANCELLED;
        sliceStart = performance.now();
      }
      const frame = await e.frame();
      return { frame, rows: newRows(e), provenance: e.backend.provenance };
    },
  };
}
