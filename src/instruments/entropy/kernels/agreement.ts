/**
 * Kernel against the CPU path on the same seeded inputs: runs EntropyGpu and EntropyEngine for
 * `steps` updates and compares the per-step means and the final logits. For the bench page,
 * Playwright and the Node kernel tests.
 */
import { EntropyEngine, type StepMeans } from '../science/engine';
import { buildProblem } from '../science/problem';
import { softmaxRow } from '../science/policy';
import { DEFAULT_UPDATE, type ProblemSpec, type UpdateParams } from '../science/types';
import { EntropyGpu } from './entropyGpu';

export interface AgreementOptions extends Partial<UpdateParams> {
  readonly seed: number;
  readonly B: number;
  readonly K: number;
  readonly steps?: number;
  readonly init?: ProblemSpec['init'];
  readonly initScale?: number;
  readonly rewards?: readonly number[];
  readonly z0?: readonly number[];
}

export interface EntropyAgreement {
  /** Largest relative error over steps of the mean H, R and P, and of C (scaled by max|C|). */
  readonly maxRelErrH: number;
  readonly maxRelErrR: number;
  readonly maxRelErrP: number;
  readonly maxRelErrC: number;
  /** Largest |π_gpu − π_cpu| over all prompts and actions after the last step. */
  readonly maxAbsErrPi: number;
  /** Prompts whose policy differs by more than 1e-3 (a sampled token that fell the other way). */
  readonly mismatchedPrompts: number;
  readonly nonFinite: number;
  readonly gpuHistory: Float32Array;
  readonly cpuHistory: Float64Array;
}

export async function entropyStepAgreement(
  device: GPUDevice,
  o: AgreementOptions,
): Promise<EntropyAgreement> {
  const steps = o.steps ?? 5;
  const spec: ProblemSpec = {
    seed: o.seed,
    B: o.B,
    K: o.K,
    init: o.init ?? 'random',
    initScale: o.initScale ?? 1,
    ...(o.rewards ? { rewards: o.rewards } : {}),
    ...(o.z0 ? { z0: o.z0 } : {}),
  };
  const problem = buildProblem(spec);
  const params: UpdateParams = { ...DEFAULT_UPDATE, ...stripOptions(o) };
  const gpu = await EntropyGpu.create(device, problem, params, o.seed);
  const cpu = new EntropyEngine(problem, params, o.seed);
  try {
    const { history } = await gpu.run(steps);
    const zGpu = await gpu.readLogits();
    const cpuHistory = new Float64Array(4 * (steps + 1));
    const m: StepMeans = { H: 0, R: 0, C: 0, P: 0 };
    for (let t = 0; t <= steps; t++) {
      if (t < steps) cpu.advance(m);
      else cpu.measure(m);
      cpuHistory.set([m.H, m.R, m.C, m.P], 4 * t);
    }
    return {
      ...compare(history, cpuHistory, steps),
      ...comparePolicies(zGpu, cpu, params),
      gpuHistory: history,
      cpuHistory,
    };
  } finally {
    gpu.destroy();
  }
}

/** The UpdateParams fields of the options (the others describe the problem). */
function stripOptions(o: AgreementOptions): Partial<UpdateParams> {
  return Object.fromEntries(
    Object.entries(o).filter(([key]) => key in DEFAULT_UPDATE),
  ) as Partial<UpdateParams>;
}

function compare(g: Float32Array, c: Float64Array, steps: number) {
  const err = [0, 0, 0, 0];
  let cScale = 0;
  for (let t = 0; t < steps; t++) cScale = Math.max(cScale, Math.abs(c[4 * t + 2] ?? 0));
  let nonFinite = 0;
  for (let t = 0; t <= steps; t++)
    for (let q = 0; q < 4; q++) {
      const gv = g[4 * t + q] ?? NaN;
      const cv = c[4 * t + q] ?? NaN;
      if (!Number.isFinite(gv)) nonFinite++;
      const scale = q === 2 ? Math.max(cScale, 1e-12) : Math.max(Math.abs(cv), 1e-12);
      err[q] = Math.max(err[q] ?? 0, Math.abs(gv - cv) / scale);
    }
  return {
    maxRelErrH: err[0] ?? NaN,
    maxRelErrR: err[1] ?? NaN,
    maxRelErrC: err[2] ?? NaN,
    maxRelErrP: err[3] ?? NaN,
    nonFinite,
  };
}

function comparePolicies(zGpu: Float32Array, cpu: EntropyEngine, p: UpdateParams) {
  const { B, K } = cpu.problem;
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  const scratch = new Float64Array(K);
  let maxAbsErrPi = 0;
  let mismatchedPrompts = 0;
  let nonFinite = 0;
  for (let r = 0; r < B; r++) {
    softmaxRow(zGpu, r * K, K, 1 / p.temp, a, scratch);
    softmaxRow(cpu.z, r * K, K, 1 / p.temp, b, scratch);
    let worst = 0;
    for (let j = 0; j < K; j++) {
      const d = Math.abs((a[j] ?? NaN) - (b[j] ?? NaN));
      if (!Number.isFinite(d)) nonFinite++;
      worst = Math.max(worst, d);
    }
    if (worst > 1e-3) mismatchedPrompts++;
    maxAbsErrPi = Math.max(maxAbsErrPi, worst);
  }
  return { maxAbsErrPi, mismatchedPrompts, nonFinite };
}
