/**
 * The entropy view's engine on the engine host (src/worker/engineHost.ts): a request moves both
 * runs to a step — forward by training, backward by replaying from the seed — on the GPU when
 * there is one and the settings allow it, else on the CPU. Rows stream append-only; progress
 * events let the page draw a bar while a long link replays.
 */
import { acquireGpu } from '../../../gpu/device';
import { GPU_MAX_G, GPU_MAX_K } from '../kernels/entropyGpu';
import { CANCELLED, yieldToMessages, type Engine } from '../../../worker/engineHost';
import { snapshotTransfer, type EntropySnapshot } from './rows';
import { runConfig, settingsKey, type EntropySettings } from './settings';
import { CpuRuns, GpuRuns, type Runs } from './sides';

export interface EntropyRequest {
  id: number;
  settings: EntropySettings;
  n: number;
}

/** How far a replay is; rows ride along every few slices, so the charts grow while it runs. */
export interface EntropyEvent {
  step: number;
  target: number;
  rows?: EntropySnapshot;
}

/** Updates per slice: one GPU submission, or CPU work of about 20 ms at the default size. */
const GPU_SLICE = 32;
const CPU_WORK_PER_SLICE = 2e6;
const ROWS_EVERY = 4;

/** Why these settings cannot run on the GPU (null: they can). */
export function gpuUnsupported(s: EntropySettings): string | null {
  if (s.train === 'cpu') return 'CPU, f64 (chosen: exact on any machine)';
  if (s.task === 'seq' && !s.rewards) return 'CPU, f64 (task=seq has no GPU path yet)';
  const K = s.rewards ? s.rewards.length : s.K;
  if (K > GPU_MAX_K) return `CPU, f64 (K > ${GPU_MAX_K})`;
  if (s.alg === 'grpo' && s.G > GPU_MAX_G) return `CPU, f64 (G > ${GPU_MAX_G})`;
  return null;
}

export function entropyEngine(): Engine<EntropyRequest, EntropySnapshot, EntropyEvent> {
  let runs: Runs | null = null;
  let key = '';
  let backend: 'gpu' | 'cpu' = 'cpu';
  let note = '';
  /** Steps whose rows the page has. */
  let sent = 0;

  const build = async (s: EntropySettings, gpuBroken: string | null): Promise<Runs> => {
    runs?.destroy();
    runs = null;
    sent = 0;
    key = settingsKey(s);
    const config = runConfig(s);
    const why = gpuUnsupported(s) ?? (gpuBroken ? `CPU, f64 (${gpuBroken})` : null);
    if (why === null) {
      const gpu = await acquireGpu();
      if (gpu.kind === 'gpu') {
        backend = 'gpu';
        note = `GPU, f32 (${gpu.ctx.adapterName})`;
        runs = await GpuRuns.create(gpu.ctx.device, config);
        return runs;
      }
      note = `CPU, f64 (${gpu.reason})`;
    } else {
      note = why;
    }
    backend = 'cpu';
    runs = new CpuRuns(config);
    return runs;
  };

  const snapshot = async (r: Runs): Promise<EntropySnapshot> => {
    const from = Math.min(sent, r.step);
    const rows = r.rows(from);
    sent = r.step;
    return {
      key,
      backend,
      note,
      step: r.step,
      from,
      B: r.B,
      K: r.K,
      ...rows,
      pass: await r.pass(),
      points: await r.points(),
    };
  };

  return {
    onGpu: () => runs !== null && backend === 'gpu',
    reset: () => {
      runs?.destroy();
      runs = null;
      key = '';
      sent = 0;
    },
    transfer: snapshotTransfer,
    async serve(req, job) {
      const target = Math.max(0, Math.floor(req.n));
      let r = runs;
      if (r === null || key !== settingsKey(req.settings) || target < r.step)
        r = await build(req.settings, job.gpuBroken);
      const perSlice =
        backend === 'gpu'
          ? GPU_SLICE
          : Math.max(1, Math.floor(CPU_WORK_PER_SLICE / Math.max(1, 2 * r.B * r.K)));
      let slices = 0;
      while (r.step < target) {
        await r.advance(Math.min(perSlice, target - r.step));
        if (r.step >= target) break;
        const rows = ++slices % ROWS_EVERY === 0 ? await snapshot(r) : undefined;
        job.event(rows ? { step: r.step, target, rows } : { step: r.step, target });
        await yieldToMessages();
        if (job.superseded()) return CANCELLED;
      }
      return snapshot(r);
    },
  };
}
