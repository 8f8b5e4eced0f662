/**
 * The landscape engine on the engine host (src/worker/engineHost.ts): a request moves the run to
 * a step (training forward, or replaying from the seed when it goes back), then draws the
 * pictures — a coarse slice at once (streamed as an event), then the refined one, unless a newer
 * request (the next play step, a moved slider) superseded it. The 1-D interpolation runs between
 * the pair of ends the request names (θ₀, the current θ, or θ's the page pinned and sends). The
 * gradient and the slice run on the GPU when one is offered; a GPU failure replays the request on
 * the CPU (the host's rule).
 */
import { acquireGpu } from '../../../gpu/device';
import type { Provenance } from '../../../gpu/choice';
import { CANCELLED, yieldToMessages, type Engine } from '../../../worker/engineHost';
import { GradKernel } from '../kernels/grad';
import { SliceKernel } from '../kernels/slice';
import { lossAndAccuracy } from '../science/forward';
import type { MlpShape, Samples } from '../science/shape';
import { runData } from './data';
import { COARSE_GRID, directions, interp, regions, slice, type SliceEvaluator } from './picture';
import {
  REGION_GRID,
  trainKey,
  type LandscapeEvent,
  type LandscapeRequest,
  type LandscapeState,
} from './protocol';
import { LandscapeRun, type GradEvaluator } from './run';

/** Steps between yields to the message queue, and between progress events. */
const STEPS_PER_SLICE = 4;

interface Held {
  key: string;
  run: LandscapeRun;
  slice: SliceEvaluator | null;
  provenance: Provenance;
  classes: number;
  /** History entries the page has: the next state starts there. */
  sent: number;
}

/** The GPU side of a run: its two kernels and the adapter's name, or why there is none. */
export type RunKernels =
  | { kind: 'gpu'; grad: GradEvaluator; slice: SliceEvaluator; adapter: string }
  | { kind: 'none'; reason: string };

/** Where the kernels come from: WebGPU in the page; tests pass a stand-in that fails on cue. */
export type AcquireKernels = (shape: MlpShape, samples: Samples) => Promise<RunKernels>;

export const webgpuKernels: AcquireKernels = async (shape, samples) => {
  const gpu = await acquireGpu();
  if (gpu.kind === 'none') return gpu;
  const [grad, slice] = await Promise.all([
    GradKernel.create(gpu.ctx.device, shape, samples),
    SliceKernel.create(gpu.ctx.device, shape, samples),
  ]);
  return { kind: 'gpu', grad, slice, adapter: gpu.ctx.adapterName };
};

async function build(
  req: LandscapeRequest,
  gpuBroken: string | null,
  acquire: AcquireKernels,
): Promise<Held> {
  const { samples, classes } = await runData(req.train, req.dataUrl);
  const shape: MlpShape = {
    inputs: samples.d,
    hidden: req.train.hidden,
    classes,
    act: req.train.act,
  };
  let provenance: Provenance = { kind: 'cpu', reason: 'train=cpu: f64, exact on any machine' };
  let kernels: RunKernels | null = null;
  if (req.train.train === 'auto') {
    kernels = gpuBroken ? { kind: 'none', reason: gpuBroken } : await acquire(shape, samples);
    provenance =
      kernels.kind === 'gpu'
        ? { kind: 'gpu', adapter: kernels.adapter }
        : { kind: 'cpu', reason: kernels.reason };
  }
  const gpu = kernels?.kind === 'gpu' ? kernels : null;
  return {
    key: trainKey(req.train),
    run: new LandscapeRun(req.train, shape, samples, gpu?.grad ?? null),
    slice: gpu?.slice ?? null,
    provenance,
    classes,
    sent: 0,
  };
}

export function landscapeEngine(
  acquire: AcquireKernels = webgpuKernels,
): Engine<LandscapeRequest, LandscapeState, LandscapeEvent> {
  let held: Held | null = null;

  const state = async (
    h: Held,
    req: LandscapeRequest,
    coarse: boolean,
  ): Promise<LandscapeState> => {
    const { run } = h;
    const full = lossAndAccuracy(run.shape, run.theta, run.data);
    const dirs = directions(run, req.slice);
    const grid = coarse ? Math.min(COARSE_GRID, req.slice.grid) : req.slice.grid;
    const sl = await slice(run, dirs, grid, req.slice.span, h.slice, h.provenance);
    const ip = await interp(run, h.slice, req.pair);
    const reg = regions(run.shape, run.theta, run.data, REGION_GRID);
    const from = Math.min(h.sent, run.history.length);
    h.sent = run.history.length;
    return {
      key: h.key,
      step: run.step,
      trainLoss: full.loss,
      trainAcc: full.accuracy,
      historyFrom: from,
      history: Float64Array.from(run.history.slice(from)),
      theta: run.theta.slice(),
      theta0: run.theta0.slice(),
      slice: sl,
      coarse,
      interp: ip,
      pca: dirs.pca,
      dirsNote: dirs.note,
      regions: reg.regions,
      bounds: reg.bounds,
      samples: run.data,
      classes: h.classes,
      trainProvenance: h.provenance,
    };
  };

  return {
    onGpu: () => held?.run.onGpu ?? false,
    reset: () => {
      held = null;
    },
    async serve(req, job) {
      const key = trainKey(req.train);
      if (!held || held.key !== key) held = await build(req, job.gpuBroken, acquire);
      const h = held;
      const target = Math.max(0, Math.floor(req.step));
      if (target < h.run.step) {
        h.run.rewind();
        h.sent = 0;
      }
      let n = 0;
      while (h.run.step < target) {
        await h.run.advance();
        if (++n % STEPS_PER_SLICE === 0 && h.run.step < target) {
          job.event({ kind: 'progress', step: h.run.step, target });
          await yieldToMessages();
          if (job.superseded()) return CANCELLED;
        }
      }
      if (!req.refine || req.slice.grid <= COARSE_GRID) return state(h, req, !req.refine);
      job.event({ kind: 'state', state: await state(h, req, true) });
      await yieldToMessages();
      if (job.superseded()) return CANCELLED;
      return state(h, req, false);
    },
  };
}
