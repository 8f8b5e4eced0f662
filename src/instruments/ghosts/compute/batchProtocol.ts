/**
 * The batch model on the engine host (src/worker/engineHost.ts): each request names the model
 * it wants — data, seed, lr, where it trains, how many steps — and one job to run on it. The
 * host brings its one model there (training on, or replaying from the seed when it must go
 * back) and runs the job; a newer request cancels an older one between training chunks.
 */
import { chooseOps } from '../../../models/mlp/gpuOps';
import type { TrainOnId } from '../../../models/mlp/ops';
import { loadDigits } from '../../../worker/loadDigits';
import { CANCELLED, yieldToMessages, type Engine } from '../../../worker/engineHost';
import {
  BatchEngine,
  type BatchAnalysis,
  type BatchData,
  type BatchDirection,
  type SweepCurve,
  type SweepDirection,
} from './batchEngine';

/** Steps per slice of training between looks at the message queue (~60 ms for the digits). */
export const ADVANCE_CHUNK = 20;

export interface BatchTarget {
  data: BatchData;
  seed: number;
  /** Training steps taken before the job runs. */
  step: number;
  /** Adam's learning rate; the data set's recipe (RECIPES) unless given. */
  lr?: number | undefined;
  /** Where to train: the GPU when there is one ('auto') or the f64 oracle ('cpu'). */
  train: TrainOnId;
  digitsUrl: string;
}

export type BatchJob =
  | { kind: 'train' }
  | { kind: 'analyze'; direction: BatchDirection }
  | { kind: 'sweep'; direction: SweepDirection; rs: Float64Array };

export interface BatchRequest {
  id: number;
  target: BatchTarget;
  job: BatchJob;
}

export type BatchResult =
  | { kind: 'train'; step: number }
  | { kind: 'analyze'; result: BatchAnalysis }
  | { kind: 'sweep'; curve: SweepCurve; step: number };

/** Training progress: the step the model stands at. */
export interface BatchEvent {
  step: number;
}

const modelKey = (t: BatchTarget): string => `${t.data}:${t.seed}:${t.lr ?? 'recipe'}:${t.train}`;

function transferables(res: BatchResult): Transferable[] {
  if (res.kind === 'analyze') {
    const r = res.result;
    return [r.logits, r.a, r.labels, r.deltaA, r.rhoA].map((t) => t.buffer);
  }
  if (res.kind === 'sweep') return [res.curve.accRetained.buffer, res.curve.lossRatio.buffer];
  return [];
}

/** `choose` picks where the model trains (chooseOps; tests pass their own). */
export function batchEngine(
  choose: typeof chooseOps = chooseOps,
): Engine<BatchRequest, BatchResult, BatchEvent> {
  let model: { key: string; engine: BatchEngine } | null = null;

  const modelFor = async (t: BatchTarget, gpuBroken: string | null): Promise<BatchEngine> => {
    const key = modelKey(t);
    if (model && model.key === key && model.engine.step <= t.step) return model.engine;
    model = null;
    const digits = t.data === 'digits' ? await loadDigits(t.digitsUrl) : undefined;
    const { makeOps, note } = await choose(t.train, gpuBroken);
    const engine = new BatchEngine({
      data: t.data,
      seed: t.seed,
      digits,
      lr: t.lr,
      makeOps,
      backendNote: note,
    });
    model = { key, engine };
    return engine;
  };

  return {
    onGpu: () => model?.engine.ops.backend === 'gpu',
    reset: () => {
      model = null;
    },
    transfer: transferables,
    async serve({ target, job }, host) {
      const engine = await modelFor(target, host.gpuBroken);
      while (engine.step < target.step) {
        await engine.advance(Math.min(ADVANCE_CHUNK, target.step - engine.step));
        host.event({ step: engine.step });
        await yieldToMessages();
        if (host.superseded()) return CANCELLED;
      }
      if (job.kind === 'train') return { kind: 'train', step: engine.step };
      if (job.kind === 'analyze') {
        return { kind: 'analyze', result: await engine.analyze(job.direction) };
      }
      return { kind: 'sweep', curve: await engine.sweep(job.direction, job.rs), step: engine.step };
    },
  };
}
