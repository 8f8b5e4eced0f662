/**
 * Collapse's bench module (see bench/types.ts): the workload — one gradient step plus
 * the NC metrics at K = 10, d = 64, N = 10,000 — on the WGSL kernels and on the f64 CPU path,
 * the view's own step (step + frame) at K = 10, d = 32, N = 2,000, and the GPU/CPU agreement
 * check that e2e/collapse-kernels.gpu.spec.ts calls.
 */
import type { BenchContext, BenchModule, BenchSides, BenchWorkload } from '../../../bench/types';
import { CpuBackend } from './compute/backend';
import { CollapseEngine, configOf, type CollapseSettings } from './compute/collapseEngine';
import { GpuBackend } from './compute/gpuBackend';
import { CollapseGpu } from './kernels/collapseGpu';
import { collapseStepAgreement, type AgreementOptions } from './kernels/agreement';
import { CollapseRun, gdStep, initialState, ncMetrics, ncStats } from './science';

const DEFAULT_AGREEMENT: AgreementOptions = {
  seed: 7,
  loss: 'ce',
  counts: { kind: 'balanced', K: 10, n: 40 },
  d: 32,
};

async function collapseStepAgreementCheck(ctx: BenchContext, opts?: AgreementOptions) {
  const o = opts ?? DEFAULT_AGREEMENT;
  const a = await collapseStepAgreement(ctx.device, o);
  ctx.show(
    `collapseStepAgreement(${o.loss}, ${JSON.stringify(o.counts)}, d ${String(o.d)})`,
    `worst normwise error ${a.worst.toExponential(2)}, non-finite ${String(a.nonFinite)}, ` +
      `NCC mismatch difference ${String(a.mismatchDiff)}`,
  );
  return { ...a, adapter: ctx.adapter };
}

const settings = (K: number, n: number, d: number): CollapseSettings => ({
  loss: 'ce',
  bias: false,
  lamW: 5e-3,
  lamH: 5e-3,
  alpha: 1,
  seed: 1,
  depth: 0,
  counts: { kind: 'balanced', K, n },
  d,
  train: 'cpu',
  model: 'ufm',
  dataUrl: null,
});

/** A rep: one gradient step and the NC statistics and metrics of the new state (one readback). */
const step: BenchWorkload<{ K: number; d: number; N: number }> = {
  id: 'collapse-step',
  name: 'collapse: GD step + NC metrics, K=10 d=64 N=10,000',
  params: { K: 10, d: 64, N: 10_000 },
  reps: 9,
  perSecond: true,
  async setup(ctx, { K, d, N }): Promise<BenchSides> {
    const cfg = configOf(settings(K, N / K, d));
    const gpu = await CollapseGpu.create(ctx.device, cfg);
    gpu.upload(initialState(cfg));
    const run = new CollapseRun(cfg);
    return {
      gpu: async () => {
        const m = await gpu.measure(1);
        return ncMetrics(m.stats, m.W);
      },
      cpu: () => {
        gdStep(cfg, run.shape, run.state);
        const st = run.state;
        const X = run.features();
        return ncMetrics(ncStats(X, run.shape.labels, run.shape.counts, st.W, st.b, cfg.d), st.W);
      },
    };
  },
};

/**
 * The view's play tick on the CPU path (one step, then the frame the view draws: metrics, 3-D
 * coordinates, 600 projected features); the GPU side is the same tick on the kernels.
 */
const viewStep: BenchWorkload<{ K: number; d: number; N: number }> = {
  id: 'collapse-view-step',
  name: 'collapse view: step + frame, K=10 d=32 N=2,000',
  params: { K: 10, d: 32, N: 2_000 },
  reps: 15,
  perSecond: true,
  async setup(ctx, { K, d, N }): Promise<BenchSides> {
    const s = settings(K, N / K, d);
    const cfg = configOf(s);
    const onGpu = new CollapseEngine(s, cfg, await GpuBackend.create(ctx.device, cfg, ctx.adapter));
    const onCpu = new CollapseEngine(s, cfg, new CpuBackend(cfg, { kind: 'cpu', reason: 'bench' }));
    const tick = async (e: CollapseEngine) => {
      await e.stepToward(e.step + 1);
      return e.frame();
    };
    return { gpu: () => tick(onGpu), cpu: () => tick(onCpu) };
  },
};

export const bench = {
  id: 'collapse',
  workloads: [step, viewStep],
  checks: { collapseStepAgreement: collapseStepAgreementCheck },
} satisfies BenchModule;
