/**
 * Ghosts' bench module (see bench/types.ts): the complex-plane kernel against planeField, timed
 * and checked for agreement (e2e/kernels.gpu.spec.ts), and the spike engine's training step on
 * the kernels against the CPU oracle.
 */
import type { BenchContext, BenchModule, BenchSides, BenchWorkload } from '../../../bench/types';
import { gpuOps } from '../../models/mlp/gpuOps';
import type { Mlp } from '../../models/mlp/mlp';
import { cpuOps } from '../../models/mlp/ops';
import { Rng } from '../../science/rng';
import { digitsUrl, loadDigits } from '../../worker/loadDigits';
import { SpikeEngine, type SpikeSettings } from './compute/spikeEngine';
import { planeFieldGpu } from './kernels/plane';
import { planeField, type PlaneGrid } from './science';

/** One pixel of a GPU/CPU comparison: where it is and what each side computed. */
export interface PixelReport {
  i: number;
  j: number;
  re: number;
  im: number;
  /** [log|F e^{-s}|, arg F] from the kernel. */
  gpu: [number, number];
  /** [log|F e^{-s}|, arg F] from the CPU oracle. */
  cpu: [number, number];
  diff: number;
}

export interface PlaneAgreement {
  seed: number;
  k: number;
  size: number;
  adapter: string;
  /** Largest |log-modulus difference| over the checked pixels. */
  maxAbsLogDiff: number;
  /** Largest wrapped phase difference (radians, in [0, π]) over the checked pixels. */
  maxPhaseDiff: number;
  /** Pixels compared: those where the CPU log-modulus exceeds LOG_CHECK_FLOOR. */
  checked: number;
  /** Pixels near a zero of F, where f32 cancellation dominates; not compared. */
  skipped: number;
  /** Kernel outputs that are NaN or ±Inf, anywhere in the image (should be 0). */
  nonFinite: number;
  total: number;
  worst: { log: PixelReport | null; phase: PixelReport | null };
}

/** Below this CPU log-modulus a pixel sits so close to a zero of F that f32 cancellation rules. */
const LOG_CHECK_FLOOR = -6;
/** The plane window used by the agreement check and the bench: ±4 around the origin. */
const HALF_SPAN = 4;

interface PlaneInputs {
  grid: PlaneGrid;
  z: number[];
  a: number[];
}

/**
 * z ∈ [−8, 8]^K, a ∈ [−5, 5]^K, rounded to f32 so that the kernel and the oracle see exactly
 * the same inputs and any difference is the kernel's own arithmetic.
 */
function planeInputs(seed: number, k: number, size: number): PlaneInputs {
  const rng = new Rng(seed);
  const z = Array.from({ length: k }, () => Math.fround(-8 + 16 * rng.uniform()));
  const a = Array.from({ length: k }, () => Math.fround(-5 + 10 * rng.uniform()));
  const grid: PlaneGrid = {
    width: size,
    height: size,
    reMin: -HALF_SPAN,
    reMax: HALF_SPAN,
    imMin: -HALF_SPAN,
    imMax: HALF_SPAN,
  };
  return { grid, z, a };
}

/** |x − y| for angles, wrapped into [0, π]: arg F = π and −π are the same phase. */
function phaseDiff(x: number, y: number): number {
  let d = (x - y) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d < -Math.PI) d += 2 * Math.PI;
  return Math.abs(d);
}

async function planeAgreement(
  ctx: BenchContext,
  seed: number,
  k: number,
  size: number,
): Promise<PlaneAgreement> {
  const { grid, z, a } = planeInputs(seed, k, size);
  const gpuField = await planeFieldGpu(ctx.device, grid, z, a);
  const cpuField = planeField(grid, z, a);
  const total = grid.width * grid.height;
  if (gpuField.length !== 2 * total || cpuField.length !== 2 * total) {
    throw new Error(
      `field lengths ${String(gpuField.length)} (GPU), ${String(cpuField.length)} (CPU); expected ${String(2 * total)}`,
    );
  }
  let maxAbsLogDiff = 0;
  let maxPhaseDiff = 0;
  let checked = 0;
  let skipped = 0;
  let nonFinite = 0;
  let worstLog: PixelReport | null = null;
  let worstPhase: PixelReport | null = null;
  const dRe = (grid.reMax - grid.reMin) / grid.width;
  const dIm = (grid.imMax - grid.imMin) / grid.height;
  for (let p = 0; p < total; p++) {
    const gLog = gpuField[2 * p] ?? NaN;
    const gArg = gpuField[2 * p + 1] ?? NaN;
    const cLog = cpuField[2 * p] ?? NaN;
    const cArg = cpuField[2 * p + 1] ?? NaN;
    if (!Number.isFinite(gLog) || !Number.isFinite(gArg)) nonFinite++;
    if (!(cLog > LOG_CHECK_FLOOR)) {
      skipped++;
      continue;
    }
    checked++;
    // A NaN on either side must fail the comparison, never slip past Math.max.
    const logDiff = Number.isFinite(gLog) ? Math.abs(gLog - cLog) : Infinity;
    const argDiff =
      Number.isFinite(gArg) && Number.isFinite(cArg) ? phaseDiff(gArg, cArg) : Infinity;
    if (logDiff > maxAbsLogDiff || argDiff > maxPhaseDiff) {
      const i = p % grid.width;
      const j = Math.floor(p / grid.width);
      const pixel = (diff: number): PixelReport => ({
        i,
        j,
        re: grid.reMin + (i + 0.5) * dRe,
        im: grid.imMax - (j + 0.5) * dIm,
        gpu: [gLog, gArg],
        cpu: [cLog, cArg],
        diff,
      });
      if (logDiff > maxAbsLogDiff) {
        maxAbsLogDiff = logDiff;
        worstLog = pixel(logDiff);
      }
      if (argDiff > maxPhaseDiff) {
        maxPhaseDiff = argDiff;
        worstPhase = pixel(argDiff);
      }
    }
  }
  ctx.show(
    `planeAgreement(seed ${String(seed)}, K ${String(k)}, ${String(size)}²)`,
    `max |Δlog| ${maxAbsLogDiff.toExponential(2)}, max |Δarg| ${maxPhaseDiff.toExponential(2)}, ` +
      `checked ${String(checked)}, skipped ${String(skipped)}, non-finite ${String(nonFinite)}`,
  );
  return {
    seed,
    k,
    size,
    adapter: ctx.adapter,
    maxAbsLogDiff,
    maxPhaseDiff,
    checked,
    skipped,
    nonFinite,
    total,
    worst: { log: worstLog, phase: worstPhase },
  };
}

/** A GPU rep: kernel dispatch + readback to a Float32Array. A CPU rep: planeField on the main thread into a reused array. */
const plane: BenchWorkload<{ size: number; k: number }> = {
  id: 'plane',
  name: 'plane 512² K=10',
  params: { size: 512, k: 10 },
  reps: 15,
  setup(ctx, { size, k }): Promise<BenchSides> {
    const { grid, z, a } = planeInputs(1, k, size);
    const out = new Float32Array(2 * size * size);
    return Promise.resolve({
      gpu: () => planeFieldGpu(ctx.device, grid, z, a),
      cpu: () => planeField(grid, z, a, out),
    });
  },
};

/**
 * The app's training step on the digits (the spike engine: three runs of MLP 64→128→10, batch 64,
 * each step a gradient, Adam, a JVP along the update and a test evaluation), on the kernels and
 * on the CPU oracle: what limits the spike mode's play rate. A rep is one engine step.
 */
const training: BenchWorkload<{ seed: number }> = {
  id: 'training',
  name: 'training step, digits spike engine (3 runs × batch 64 + JVP + test eval)',
  params: { seed: 0 },
  reps: 30,
  perSecond: true,
  async setup(ctx, { seed }): Promise<BenchSides> {
    const digits = await loadDigits(digitsUrl(ctx.baseUrl));
    const settings: SpikeSettings = {
      seed,
      lr: 1e-3,
      at: 50,
      spike: 1000,
      hold: 150,
      train: 'auto',
    };
    const onGpu = await SpikeEngine.create(settings, digits, (mlp: Mlp) => gpuOps(ctx.device, mlp));
    const onCpu = await SpikeEngine.create(settings, digits, cpuOps);
    return { gpu: () => onGpu.advance(), cpu: () => onCpu.advance() };
  },
};

export const bench = {
  id: 'ghosts',
  workloads: [plane, training],
  checks: { planeAgreement },
} satisfies BenchModule;
