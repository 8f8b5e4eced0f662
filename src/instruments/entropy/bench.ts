/**
 * The entropy instrument's bench module (see bench/types.ts): one update step of B = 4096
 * prompts × K = 256 actions, exact PG and GRPO with G = 8, the WGSL kernel against the f64 CPU
 * path; the view's own step (both runs, B = 512, K = 64) in steps per second; and the GPU/CPU
 * agreement checks (e2e/entropy-kernels.gpu.spec.ts calls them through window.atlasBench).
 */
import type { BenchContext, BenchModule, BenchSides, BenchWorkload } from '../../../bench/types';
import { CpuRuns, GpuRuns } from './compute/sides';
import { entropyStepAgreement, type AgreementOptions } from './kernels/agreement';
import { EntropyGpu } from './kernels/entropyGpu';
import { counterRngGpu, rngTestKeys } from './kernels/rngGpu';
import { counterU32 } from '../../science/counterRng';
import { DEFAULT_UPDATE, EntropyEngine, buildProblem, type Alg, type StepMeans } from './science';

type StepParams = { B: number; K: number; alg: Alg; G: number };

/** One update of every prompt; a GPU rep includes its submission and one readback. */
function stepWorkload(id: string, name: string, alg: Alg, reps: number): BenchWorkload<StepParams> {
  return {
    id,
    name,
    params: { B: 4096, K: 256, alg, G: 8 },
    reps,
    async setup(ctx, { B, K, G }): Promise<BenchSides> {
      const problem = buildProblem({ seed: 1, B, K, init: 'random', initScale: 1 });
      const params = { ...DEFAULT_UPDATE, alg, G, lr: 0.5 };
      const gpu = await EntropyGpu.create(ctx.device, problem, params, 1);
      const cpu = new EntropyEngine(problem, params, 1);
      const m: StepMeans = { H: 0, R: 0, C: 0, P: 0 };
      return { gpu: () => gpu.run(1), cpu: () => cpu.advance(m) };
    },
  };
}

/** The view's step: both runs (method and baseline) one update on, as the play loop asks. */
const viewStep: BenchWorkload<{ B: number; K: number }> = {
  id: 'entropy-view-step',
  name: 'entropy view step, B=512 K=64 (method + baseline, pg)',
  params: { B: 512, K: 64 },
  reps: 30,
  perSecond: true,
  async setup(ctx, { B, K }): Promise<BenchSides> {
    const config = {
      problem: { seed: 0, B, K, init: 'zero' as const, initScale: 1 },
      update: { ...DEFAULT_UPDATE, method: 'bonus' as const },
    };
    const gpu = await GpuRuns.create(ctx.device, config);
    const cpu = new CpuRuns(config);
    return { gpu: () => gpu.advance(1), cpu: () => cpu.advance(1) };
  },
};

/** The kernel against the CPU path (the big per-step arrays are left out of the answer). */
async function entropyStepAgreementCheck(ctx: BenchContext, o: AgreementOptions) {
  const a = await entropyStepAgreement(ctx.device, o);
  const rest = {
    maxRelErrH: a.maxRelErrH,
    maxRelErrR: a.maxRelErrR,
    maxRelErrP: a.maxRelErrP,
    maxRelErrC: a.maxRelErrC,
    maxAbsErrPi: a.maxAbsErrPi,
    mismatchedPrompts: a.mismatchedPrompts,
    nonFinite: a.nonFinite,
  };
  ctx.show(
    `entropyStepAgreement(${o.alg ?? 'pg'} ${o.method ?? 'none'}, B ${o.B}, K ${o.K})`,
    `H ${rest.maxRelErrH.toExponential(2)}, R ${rest.maxRelErrR.toExponential(2)}, C ${rest.maxRelErrC.toExponential(2)}, mismatched ${rest.mismatchedPrompts}`,
  );
  return { ...rest, adapter: ctx.adapter };
}

/** The WGSL counter RNG against the TypeScript one: how many of n draws differ (want 0). */
async function counterRngAgreement(ctx: BenchContext, n: number) {
  const keys = rngTestKeys(n);
  const gpu = await counterRngGpu(ctx.device, keys);
  let differ = 0;
  keys.forEach((k, i) => {
    if (gpu.u32[i] !== counterU32(...k)) differ++;
  });
  ctx.show(`counterRngAgreement(${n})`, `${differ} of ${n} draws differ`);
  return { n, differ };
}

export const bench = {
  id: 'entropy',
  workloads: [
    stepWorkload('entropy-pg', 'entropy step B=4096 K=256, exact PG', 'pg', 9),
    stepWorkload('entropy-grpo', 'entropy step B=4096 K=256, GRPO G=8', 'grpo', 9),
    viewStep,
  ],
  checks: { entropyStepAgreement: entropyStepAgreementCheck, counterRngAgreement },
} satisfies BenchModule;
