/**
 * The MLP's bench module (see bench/types.ts): its JVP and gradient kernels against Mlp on the
 * digits-sized network 64→128→10, timed over the 1,797 digits and checked for agreement
 * (e2e/mlp-kernels.gpu.spec.ts), and the JVP checked against finite differences of itself.
 */
import type { BenchContext, BenchModule, BenchSides, BenchWorkload } from '../../../bench/types';
import { Rng } from '../../science/rng';
import { mlpGradGpu } from './kernels/mlpGrad';
import { mlpJvpGpu } from './kernels/mlpJvp';
import { Mlp, type Activation, type MlpShape } from './mlp';
import { rowSpreads } from './ops';

export interface MlpJvpAgreement {
  seed: number;
  n: number;
  shape: MlpShape;
  adapter: string;
  /** max |z_gpu − z_cpu| / max |z_cpu|. */
  logitsRelErr: number;
  /** max |a_gpu − a_cpu| / max |a_cpu|. */
  aRelErr: number;
  /** max |Δa_gpu − Δa_cpu| / max |Δa_cpu|. */
  deltaARelErr: number;
  /** max |z_cpu|, max |a_cpu|, max Δa_cpu: the scales above, and proof the outputs are not trivial. */
  maxAbsLogit: number;
  maxAbsA: number;
  maxDeltaA: number;
  /** Kernel outputs that are NaN or ±Inf (should be 0). */
  nonFinite: number;
}

export interface MlpGradAgreement {
  seed: number;
  n: number;
  shape: MlpShape;
  adapter: string;
  /** max |∇_gpu − ∇_cpu| / max |∇_cpu|. */
  gradRelErr: number;
  /** |loss_gpu − loss_cpu| / loss_cpu. */
  lossRelErr: number;
  /** |accuracy_gpu − accuracy_cpu|. */
  accuracyDiff: number;
  /** max |∇_cpu| and the CPU loss: the scales above, and proof they are not trivial. */
  maxAbsGrad: number;
  loss: number;
  /** Kernel outputs that are NaN or ±Inf (should be 0). */
  nonFinite: number;
}

export interface JvpFiniteDiff {
  seed: number;
  n: number;
  h: number;
  adapter: string;
  /**
   * |a_kernel − (z(θ+hv) − z(θ−hv))/2h| / max |a_kernel| per logit (both sides on the GPU): the
   * largest, and the 99th percentile. A ReLU unit that switches sides within ±h spoils its
   * sample's difference, so the largest error is loose for ReLU; a wrong kernel spoils them all.
   */
  relErr: number;
  relErrP99: number;
  /** max |a_kernel|: proof the slopes are not trivial. */
  maxAbsA: number;
}

/** The digits network: 8×8 images, 128 ReLU hidden units, 10 classes. */
const DIGITS_SHAPE: MlpShape = { d: 64, h: 128, k: 10, activation: 'relu' };

interface MlpInputs {
  mlp: Mlp;
  params: Float32Array;
  x: Float32Array;
  v: Float32Array;
  y: Uint8Array;
}

/**
 * Seeded MLP inputs: He-initialised weights, biases N(0, 0.1²), pixels uniform in [0, 1), a unit
 * direction v with N(0, 1) entries and uniform labels. All f32, so kernel and oracle see the
 * same numbers and any difference is the kernel's own arithmetic.
 */
function mlpInputs(seed: number, shape: MlpShape, n: number): MlpInputs {
  const rng = new Rng(seed);
  const mlp = new Mlp(shape);
  const params = mlp.init(rng);
  const { b1, b2, size } = mlp.layout;
  for (let j = 0; j < shape.h; j++) params[b1 + j] = 0.1 * rng.normal();
  for (let c = 0; c < shape.k; c++) params[b2 + c] = 0.1 * rng.normal();
  const x = new Float32Array(n * shape.d);
  for (let q = 0; q < x.length; q++) x[q] = rng.uniform();
  const raw = Array.from({ length: size }, () => rng.normal());
  const norm = Math.sqrt(raw.reduce((sum, r) => sum + r * r, 0));
  const v = Float32Array.from(raw, (r) => r / norm);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.int(shape.k);
  return { mlp, params, x, v, y };
}

/** max |gpu − cpu| / max |cpu| (Infinity on a NaN or length mismatch), and max |cpu|. */
function relErr(gpu: Float32Array, cpu: ArrayLike<number>): { err: number; scale: number } {
  if (gpu.length !== cpu.length) return { err: Infinity, scale: 0 };
  let diff = 0;
  let scale = 0;
  for (let q = 0; q < cpu.length; q++) {
    const c = cpu[q] ?? NaN;
    const g = gpu[q] ?? NaN;
    const dq = Math.abs(g - c);
    diff = Number.isNaN(dq) ? Infinity : Math.max(diff, dq);
    scale = Math.max(scale, Math.abs(c));
  }
  return { err: scale > 0 ? diff / scale : diff, scale };
}

async function mlpJvpAgreement(
  ctx: BenchContext,
  seed: number,
  activation: Activation = 'relu',
  n = 256,
): Promise<MlpJvpAgreement> {
  const shape: MlpShape = { ...DIGITS_SHAPE, activation };
  const { mlp, params, x, v } = mlpInputs(seed, shape, n);
  const gpu = await mlpJvpGpu(ctx.device, shape, params, x, n, v);
  const cpu = mlp.jvp(params, x, n, v);
  const z = relErr(gpu.logits, cpu.logits);
  const a = relErr(gpu.a, cpu.a);
  const dA = relErr(gpu.deltaA, rowSpreads(cpu.a, n, shape.k));
  let nonFinite = 0;
  for (const arr of [gpu.logits, gpu.a, gpu.deltaA]) {
    for (const value of arr) if (!Number.isFinite(value)) nonFinite++;
  }
  ctx.show(
    `mlpJvpAgreement(seed ${String(seed)}, ${activation}, n ${String(n)})`,
    `rel. err logits ${z.err.toExponential(2)}, a ${a.err.toExponential(2)}, Δa ${dA.err.toExponential(2)}; ` +
      `max |z| ${z.scale.toFixed(3)}, max |a| ${a.scale.toFixed(3)}, non-finite ${String(nonFinite)}`,
  );
  return {
    seed,
    n,
    shape,
    adapter: ctx.adapter,
    logitsRelErr: z.err,
    aRelErr: a.err,
    deltaARelErr: dA.err,
    maxAbsLogit: z.scale,
    maxAbsA: a.scale,
    maxDeltaA: dA.scale,
    nonFinite,
  };
}

async function mlpGradAgreement(
  ctx: BenchContext,
  seed: number,
  activation: Activation = 'relu',
  n = 256,
): Promise<MlpGradAgreement> {
  const shape: MlpShape = { ...DIGITS_SHAPE, activation };
  const { mlp, params, x, y } = mlpInputs(seed, shape, n);
  const gpu = await mlpGradGpu(ctx.device, shape, params, x, y, n);
  const cpu = mlp.lossAndGrad(params, x, y, n);
  const g = relErr(gpu.grad, cpu.grad);
  let nonFinite = 0;
  for (const value of [...gpu.grad, gpu.loss, gpu.accuracy]) {
    if (!Number.isFinite(value)) nonFinite++;
  }
  const lossRelErr = Math.abs(gpu.loss - cpu.loss) / Math.abs(cpu.loss);
  const accuracyDiff = Math.abs(gpu.accuracy - cpu.accuracy);
  ctx.show(
    `mlpGradAgreement(seed ${String(seed)}, ${activation}, n ${String(n)})`,
    `rel. err ∇ ${g.err.toExponential(2)}, loss ${lossRelErr.toExponential(2)}, ` +
      `|Δacc| ${String(accuracyDiff)}; max |∇| ${g.scale.toExponential(2)}, loss ${cpu.loss.toFixed(3)}`,
  );
  return {
    seed,
    n,
    shape,
    adapter: ctx.adapter,
    gradRelErr: Number.isNaN(g.err) ? Infinity : g.err,
    lossRelErr: Number.isNaN(lossRelErr) ? Infinity : lossRelErr,
    accuracyDiff: Number.isNaN(accuracyDiff) ? Infinity : accuracyDiff,
    maxAbsGrad: g.scale,
    loss: cpu.loss,
    nonFinite,
  };
}

/**
 * The JVP kernel against a central difference of the kernel's own logits along v: a check that
 * needs no CPU oracle. Along a line, a ReLU network's logits are quadratic in h until a unit
 * switches sides, so the difference is exact up to f32 rounding (~u·|z|/h).
 */
async function mlpJvpFiniteDiff(
  ctx: BenchContext,
  seed: number,
  activation: Activation = 'relu',
  n = 256,
): Promise<JvpFiniteDiff> {
  const { device } = ctx;
  const shape: MlpShape = { ...DIGITS_SHAPE, activation };
  const { params, x, v } = mlpInputs(seed, shape, n);
  // ReLU: small enough that few units switch sides within ±h. tanh: smooth, so a larger h keeps
  // the f32 rounding of the difference (~u·|z|/h) down while the h² truncation stays ~1e-4.
  const h = activation === 'relu' ? 1e-3 : 1e-2;
  const zero = new Float32Array(params.length);
  const moved = (sign: number) => Float32Array.from(params, (p, i) => p + sign * h * (v[i] ?? 0));
  const { a } = await mlpJvpGpu(device, shape, params, x, n, v);
  const plus = (await mlpJvpGpu(device, shape, moved(1), x, n, zero)).logits.slice();
  const minus = (await mlpJvpGpu(device, shape, moved(-1), x, n, zero)).logits.slice();
  const fd = plus.map((zp, q) => (zp - (minus[q] ?? NaN)) / (2 * h));
  const { err, scale } = relErr(a, fd);
  const errs = Array.from(a, (ag, q) => Math.abs(ag - (fd[q] ?? NaN)) / scale).sort(
    (p, q) => p - q,
  );
  const p99 = errs[Math.floor(0.99 * (errs.length - 1))] ?? Infinity;
  ctx.show(
    `mlpJvpFiniteDiff(seed ${String(seed)}, ${activation}, n ${String(n)})`,
    `rel. err max ${err.toExponential(2)}, p99 ${p99.toExponential(2)} (h ${String(h)}), ` +
      `max |a| ${scale.toFixed(3)}`,
  );
  return {
    seed,
    n,
    h,
    adapter: ctx.adapter,
    relErr: err,
    relErrP99: Number.isNaN(p99) ? Infinity : p99,
    maxAbsA: scale,
  };
}

/** A GPU rep: upload, dispatch and readback of logits, a and Δa. A CPU rep: Mlp.jvp and the per-sample Δa. */
const jvp: BenchWorkload<{ n: number }> = {
  id: 'mlpJvp',
  name: 'per-sample JVP + radius, digits batch 1797',
  params: { n: 1797 },
  reps: 15,
  setup(ctx, { n }): Promise<BenchSides> {
    const { mlp, params, x, v } = mlpInputs(1, DIGITS_SHAPE, n);
    return Promise.resolve({
      gpu: () => mlpJvpGpu(ctx.device, DIGITS_SHAPE, params, x, n, v),
      cpu: () => rowSpreads(mlp.jvp(params, x, n, v).a, n, DIGITS_SHAPE.k),
    });
  },
};

/** A rep: the loss, accuracy and gradient over the whole batch, uploaded and read back on the GPU. */
const grad: BenchWorkload<{ n: number }> = {
  id: 'mlpGrad',
  name: 'one training step gradient, batch 1797',
  params: { n: 1797 },
  reps: 15,
  setup(ctx, { n }): Promise<BenchSides> {
    const { mlp, params, x, y } = mlpInputs(1, DIGITS_SHAPE, n);
    return Promise.resolve({
      gpu: () => mlpGradGpu(ctx.device, DIGITS_SHAPE, params, x, y, n),
      cpu: () => mlp.lossAndGrad(params, x, y, n),
    });
  },
};

export const bench = {
  id: 'mlp',
  workloads: [jvp, grad],
  checks: { mlpJvpAgreement, mlpGradAgreement, mlpJvpFiniteDiff },
} satisfies BenchModule;
