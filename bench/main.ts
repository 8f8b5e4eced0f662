/**
 * The kernel bench page: runs the WGSL kernels and their science/ CPU oracles side by side on
 * seeded inputs, for `npm run bench` (timings) and the browser tests (agreement, smoke).
 * Everything is exposed on `window.atlasBench`; the page shows the last results in a table.
 */
import { gpuOps } from '../src/models/mlp/gpuOps';
import { digitsUrl, loadDigits } from '../src/worker/loadDigits';
import { SpikeEngine } from '../src/instruments/ghosts/compute/spikeEngine';
import { acquireGpu } from '../src/gpu/device';
import {
  bindGroup,
  computePipeline,
  outputBuffer,
  readBack,
  storageBuffer,
} from '../src/gpu/runner';
import { mlpGradGpu } from '../src/models/mlp/kernels/mlpGrad';
import { mlpJvpGpu } from '../src/models/mlp/kernels/mlpJvp';
import { planeFieldGpu } from '../src/instruments/ghosts/kernels/plane';
import { planeField, type PlaneGrid } from '../src/instruments/ghosts/science';
import { Mlp, type Activation, type MlpShape } from '../src/models/mlp/mlp';
import { cpuOps, type MlpOps } from '../src/models/mlp/ops';
import { sampleRadii } from '../src/instruments/ghosts/science/sampleRadii';
import { Rng } from '../src/science/rng';

export interface SmokeResult {
  /** Adapter description, or null when the browser offers no WebGPU adapter. */
  adapter: string | null;
  /** A tiny compute shader's readback matched its expected values exactly. */
  readbackOk: boolean;
  error?: string;
}

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

export interface BenchPlaneOptions {
  size: number;
  k: number;
  reps: number;
}

export interface BenchPlaneResult {
  /** Per rep: kernel dispatch + readback to a Float32Array, after one warm-up run. */
  gpuMs: number[];
  /** Per rep: planeField on the main thread, into a reused output array, after a warm-up. */
  cpuMs: number[];
  adapter: string;
  size: number;
  k: number;
}

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

export interface BenchMlpJvpOptions {
  n: number;
  reps: number;
}

export interface BenchMlpJvpResult {
  /** Per rep: upload, dispatch and readback of logits, a and Δa, after one warm-up run. */
  gpuMs: number[];
  /** Per rep: Mlp.jvp + sampleRadii on the main thread, after a warm-up. */
  cpuMs: number[];
  adapter: string;
  n: number;
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

export interface BenchTrainingOptions {
  /** Engine steps to time (each: the three spike runs, one optimiser step each). */
  steps: number;
}

export interface BenchTrainingResult {
  /** Per engine step, ms: three runs × (gradient, Adam, JVP along p, test evaluation). */
  gpuMs: number[];
  cpuMs: number[];
  adapter: string;
}

export interface AtlasBench {
  smoke(): Promise<SmokeResult>;
  planeAgreement(seed: number, k: number, size: number): Promise<PlaneAgreement>;
  benchPlane(opts: BenchPlaneOptions): Promise<BenchPlaneResult>;
  mlpJvpAgreement(seed: number, activation?: Activation, n?: number): Promise<MlpJvpAgreement>;
  benchMlpJvp(opts: BenchMlpJvpOptions): Promise<BenchMlpJvpResult>;
  mlpGradAgreement(seed: number, activation?: Activation, n?: number): Promise<MlpGradAgreement>;
  benchMlpGrad(opts: BenchMlpJvpOptions): Promise<BenchMlpJvpResult>;
  mlpJvpFiniteDiff(seed: number, activation?: Activation, n?: number): Promise<JvpFiniteDiff>;
  benchTraining(opts: BenchTrainingOptions): Promise<BenchTrainingResult>;
}

declare global {
  interface Window {
    atlasBench: AtlasBench;
  }
}

/** Below this CPU log-modulus a pixel sits so close to a zero of F that f32 cancellation rules. */
const LOG_CHECK_FLOOR = -6;
/** The plane window used by the agreement check and the bench: ±4 around the origin. */
const HALF_SPAN = 4;

// ---------------------------------------------------------------------------------------------
// Seeded inputs

/** mulberry32: a tiny, good-enough 32-bit PRNG; the same seed gives the same stream everywhere. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlaneWorkload {
  grid: PlaneGrid;
  z: number[];
  a: number[];
}

/**
 * z ∈ [−8, 8]^K, a ∈ [−5, 5]^K, rounded to f32 so that the kernel and the oracle see exactly
 * the same inputs and any difference is the kernel's own arithmetic.
 */
function planeWorkload(seed: number, k: number, size: number): PlaneWorkload {
  const rand = mulberry32(seed);
  const z = Array.from({ length: k }, () => Math.fround(-8 + 16 * rand()));
  const a = Array.from({ length: k }, () => Math.fround(-5 + 10 * rand()));
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

// ---------------------------------------------------------------------------------------------
// GPU access

async function requireGpu(): Promise<{ device: GPUDevice; adapter: string }> {
  const gpu = await acquireGpu();
  if (gpu.kind !== 'gpu') throw new Error(`no WebGPU device: ${gpu.reason}`);
  return { device: gpu.ctx.device, adapter: gpu.ctx.adapterName };
}

const DOUBLE_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i < arrayLength(&input)) {
    output[i] = 2.0 * input[i];
  }
}
`;

async function smoke(): Promise<SmokeResult> {
  const gpu = await acquireGpu();
  if (gpu.kind !== 'gpu') return { adapter: null, readbackOk: false, error: gpu.reason };
  const { device, adapterName } = gpu.ctx;
  try {
    const n = 64;
    // Values whose doubles are exact in f32, so the check can be exact too.
    const input = new Float32Array(n);
    for (let i = 0; i < n; i++) input[i] = (i - 31.75) * 1.5;
    const pipeline = await computePipeline(device, DOUBLE_WGSL);
    const src = storageBuffer(device, input);
    const dst = outputBuffer(device, input.byteLength);
    const encoder = device.createCommandEncoder({ label: 'smoke' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup(device, pipeline, { 0: src, 1: dst }));
    pass.dispatchWorkgroups(1);
    pass.end();
    const out = new Float32Array(await readBack(device, encoder, dst, input.byteLength));
    src.destroy();
    dst.destroy();
    const bad = input.findIndex((x, i) => out[i] !== 2 * x);
    if (bad >= 0) {
      return {
        adapter: adapterName,
        readbackOk: false,
        error: `element ${bad}: got ${String(out[bad])}, expected ${String(2 * (input[bad] ?? NaN))}`,
      };
    }
    return { adapter: adapterName, readbackOk: true };
  } catch (err) {
    return { adapter: adapterName, readbackOk: false, error: String(err) };
  }
}

// ---------------------------------------------------------------------------------------------
// Plane kernel vs planeField

/** |x − y| for angles, wrapped into [0, π]: arg F = π and −π are the same phase. */
function phaseDiff(x: number, y: number): number {
  let d = (x - y) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d < -Math.PI) d += 2 * Math.PI;
  return Math.abs(d);
}

async function planeAgreement(seed: number, k: number, size: number): Promise<PlaneAgreement> {
  const { device, adapter } = await requireGpu();
  const { grid, z, a } = planeWorkload(seed, k, size);
  const gpuField = await planeFieldGpu(device, grid, z, a);
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
  const result: PlaneAgreement = {
    seed,
    k,
    size,
    adapter,
    maxAbsLogDiff,
    maxPhaseDiff,
    checked,
    skipped,
    nonFinite,
    total,
    worst: { log: worstLog, phase: worstPhase },
  };
  show(
    `planeAgreement(seed ${String(seed)}, K ${String(k)}, ${String(size)}²)`,
    `max |Δlog| ${maxAbsLogDiff.toExponential(2)}, max |Δarg| ${maxPhaseDiff.toExponential(2)}, ` +
      `checked ${String(checked)}, skipped ${String(skipped)}, non-finite ${String(nonFinite)}`,
  );
  return result;
}

async function benchPlane(opts: BenchPlaneOptions): Promise<BenchPlaneResult> {
  const { size, k, reps } = opts;
  const { device, adapter } = await requireGpu();
  const { grid, z, a } = planeWorkload(1, k, size);
  const out = new Float32Array(2 * size * size);
  // Warm-up: the first GPU run compiles the pipelines, the first CPU run wakes the JIT.
  await planeFieldGpu(device, grid, z, a);
  planeField(grid, z, a, out);
  const gpuMs: number[] = [];
  const cpuMs: number[] = [];
  // Alternate the two so that any drift in machine load hits both alike.
  for (let r = 0; r < reps; r++) {
    let t0 = performance.now();
    await planeFieldGpu(device, grid, z, a);
    gpuMs.push(performance.now() - t0);
    t0 = performance.now();
    planeField(grid, z, a, out);
    cpuMs.push(performance.now() - t0);
  }
  const g = median(gpuMs);
  const c = median(cpuMs);
  show(
    `benchPlane(${String(size)}², K ${String(k)}, ${String(reps)} reps)`,
    `GPU median ${g.toFixed(1)} ms, CPU median ${c.toFixed(1)} ms, CPU/GPU ${(c / g).toFixed(2)}×\n${adapter}`,
  );
  return { gpuMs, cpuMs, adapter, size, k };
}

// ---------------------------------------------------------------------------------------------
// MLP kernels vs Mlp (src/science/mlp)

/** The digits network: 8×8 images, 128 ReLU hidden units, 10 classes. */
const DIGITS_SHAPE: MlpShape = { d: 64, h: 128, k: 10, activation: 'relu' };

interface MlpWorkload {
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
function mlpWorkload(seed: number, shape: MlpShape, n: number): MlpWorkload {
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
  seed: number,
  activation: Activation = 'relu',
  n = 256,
): Promise<MlpJvpAgreement> {
  const { device, adapter } = await requireGpu();
  const shape: MlpShape = { ...DIGITS_SHAPE, activation };
  const { mlp, params, x, v } = mlpWorkload(seed, shape, n);
  const gpu = await mlpJvpGpu(device, shape, params, x, n, v);
  const cpu = mlp.jvp(params, x, n, v);
  const radii = sampleRadii(cpu.a, n, shape.k);
  const z = relErr(gpu.logits, cpu.logits);
  const a = relErr(gpu.a, cpu.a);
  const dA = relErr(gpu.deltaA, radii.deltaA);
  let nonFinite = 0;
  for (const arr of [gpu.logits, gpu.a, gpu.deltaA]) {
    for (const value of arr) if (!Number.isFinite(value)) nonFinite++;
  }
  const result: MlpJvpAgreement = {
    seed,
    n,
    shape,
    adapter,
    logitsRelErr: z.err,
    aRelErr: a.err,
    deltaARelErr: dA.err,
    maxAbsLogit: z.scale,
    maxAbsA: a.scale,
    maxDeltaA: dA.scale,
    nonFinite,
  };
  show(
    `mlpJvpAgreement(seed ${String(seed)}, ${activation}, n ${String(n)})`,
    `rel. err logits ${z.err.toExponential(2)}, a ${a.err.toExponential(2)}, Δa ${dA.err.toExponential(2)}; ` +
      `max |z| ${z.scale.toFixed(3)}, max |a| ${a.scale.toFixed(3)}, non-finite ${String(nonFinite)}`,
  );
  return result;
}

async function benchMlpJvp(opts: BenchMlpJvpOptions): Promise<BenchMlpJvpResult> {
  const { n, reps } = opts;
  const { device, adapter } = await requireGpu();
  const { mlp, params, x, v } = mlpWorkload(1, DIGITS_SHAPE, n);
  const cpu = (): void => {
    sampleRadii(mlp.jvp(params, x, n, v).a, n, DIGITS_SHAPE.k);
  };
  // Warm-up: the first GPU run compiles the pipeline, the first CPU run wakes the JIT.
  await mlpJvpGpu(device, DIGITS_SHAPE, params, x, n, v);
  cpu();
  const gpuMs: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    let t0 = performance.now();
    await mlpJvpGpu(device, DIGITS_SHAPE, params, x, n, v);
    gpuMs.push(performance.now() - t0);
    t0 = performance.now();
    cpu();
    cpuMs.push(performance.now() - t0);
  }
  const g = median(gpuMs);
  const c = median(cpuMs);
  show(
    `benchMlpJvp(n ${String(n)}, ${String(reps)} reps)`,
    `GPU median ${g.toFixed(1)} ms, CPU median ${c.toFixed(1)} ms, CPU/GPU ${(c / g).toFixed(2)}×\n${adapter}`,
  );
  return { gpuMs, cpuMs, adapter, n };
}

async function mlpGradAgreement(
  seed: number,
  activation: Activation = 'relu',
  n = 256,
): Promise<MlpGradAgreement> {
  const { device, adapter } = await requireGpu();
  const shape: MlpShape = { ...DIGITS_SHAPE, activation };
  const { mlp, params, x, y } = mlpWorkload(seed, shape, n);
  const gpu = await mlpGradGpu(device, shape, params, x, y, n);
  const cpu = mlp.lossAndGrad(params, x, y, n);
  const g = relErr(gpu.grad, cpu.grad);
  let nonFinite = 0;
  for (const value of [...gpu.grad, gpu.loss, gpu.accuracy]) {
    if (!Number.isFinite(value)) nonFinite++;
  }
  const lossRelErr = Math.abs(gpu.loss - cpu.loss) / Math.abs(cpu.loss);
  const accuracyDiff = Math.abs(gpu.accuracy - cpu.accuracy);
  const result: MlpGradAgreement = {
    seed,
    n,
    shape,
    adapter,
    gradRelErr: Number.isNaN(g.err) ? Infinity : g.err,
    lossRelErr: Number.isNaN(lossRelErr) ? Infinity : lossRelErr,
    accuracyDiff: Number.isNaN(accuracyDiff) ? Infinity : accuracyDiff,
    maxAbsGrad: g.scale,
    loss: cpu.loss,
    nonFinite,
  };
  show(
    `mlpGradAgreement(seed ${String(seed)}, ${activation}, n ${String(n)})`,
    `rel. err ∇ ${g.err.toExponential(2)}, loss ${lossRelErr.toExponential(2)}, ` +
      `|Δacc| ${String(accuracyDiff)}; max |∇| ${g.scale.toExponential(2)}, loss ${cpu.loss.toFixed(3)}`,
  );
  return result;
}

async function benchMlpGrad(opts: BenchMlpJvpOptions): Promise<BenchMlpJvpResult> {
  const { n, reps } = opts;
  const { device, adapter } = await requireGpu();
  const { mlp, params, x, y } = mlpWorkload(1, DIGITS_SHAPE, n);
  await mlpGradGpu(device, DIGITS_SHAPE, params, x, y, n);
  mlp.lossAndGrad(params, x, y, n);
  const gpuMs: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    let t0 = performance.now();
    await mlpGradGpu(device, DIGITS_SHAPE, params, x, y, n);
    gpuMs.push(performance.now() - t0);
    t0 = performance.now();
    mlp.lossAndGrad(params, x, y, n);
    cpuMs.push(performance.now() - t0);
  }
  const g = median(gpuMs);
  const c = median(cpuMs);
  show(
    `benchMlpGrad(n ${String(n)}, ${String(reps)} reps)`,
    `GPU median ${g.toFixed(1)} ms, CPU median ${c.toFixed(1)} ms, CPU/GPU ${(c / g).toFixed(2)}×\n${adapter}`,
  );
  return { gpuMs, cpuMs, adapter, n };
}

/**
 * The JVP kernel against a central difference of the kernel's own logits along v: a check that
 * needs no CPU oracle. Along a line, a ReLU network's logits are quadratic in h until a unit
 * switches sides, so the difference is exact up to f32 rounding (~u·|z|/h).
 */
async function mlpJvpFiniteDiff(
  seed: number,
  activation: Activation = 'relu',
  n = 256,
): Promise<JvpFiniteDiff> {
  const { device, adapter } = await requireGpu();
  const shape: MlpShape = { ...DIGITS_SHAPE, activation };
  const { params, x, v } = mlpWorkload(seed, shape, n);
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
  show(
    `mlpJvpFiniteDiff(seed ${String(seed)}, ${activation}, n ${String(n)})`,
    `rel. err max ${err.toExponential(2)}, p99 ${p99.toExponential(2)} (h ${String(h)}), ` +
      `max |a| ${scale.toFixed(3)}`,
  );
  return {
    seed,
    n,
    h,
    adapter,
    relErr: err,
    relErrP99: Number.isNaN(p99) ? Infinity : p99,
    maxAbsA: scale,
  };
}

/**
 * The app's training step on the digits (the spike engine: three runs of MLP 64→128→10, batch 64,
 * each step a gradient, Adam, a JVP along the update and a test evaluation), on the kernels and
 * on the CPU oracle: what limits the spike mode's play rate.
 */
async function benchTraining(opts: BenchTrainingOptions): Promise<BenchTrainingResult> {
  const { device, adapter } = await requireGpu();
  const digits = await loadDigits(digitsUrl(new URL('..', document.baseURI).href));
  const settings = { seed: 0, lr: 1e-3, at: 50, spike: 1000, hold: 150, train: 'auto' } as const;
  const time = async (makeOps: (mlp: Mlp) => MlpOps): Promise<number[]> => {
    const engine = await SpikeEngine.create(settings, digits, makeOps);
    await engine.advance(); // warm-up: pipelines, buffers, JIT
    const ms: number[] = [];
    for (let t = 0; t < opts.steps; t++) {
      const t0 = performance.now();
      await engine.advance();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  const gpuMs = await time((mlp) => gpuOps(device, mlp));
  const cpuMs = await time(cpuOps);
  const g = median(gpuMs);
  const c = median(cpuMs);
  show(
    `benchTraining(${String(opts.steps)} steps of 3 runs)`,
    `GPU median ${g.toFixed(1)} ms (${(1000 / g).toFixed(1)} steps/s), CPU median ${c.toFixed(1)} ms ` +
      `(${(1000 / c).toFixed(1)} steps/s), CPU/GPU ${(c / g).toFixed(2)}×\n${adapter}`,
  );
  return { gpuMs, cpuMs, adapter };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

// ---------------------------------------------------------------------------------------------
// The page: a table of the last results, newest first.

const MAX_ROWS = 30;

function show(run: string, value: string): void {
  const body = document.getElementById('results');
  if (!(body instanceof HTMLTableSectionElement)) return;
  const row = document.createElement('tr');
  const name = document.createElement('td');
  name.textContent = `${new Date().toLocaleTimeString()}  ${run}`;
  const cell = document.createElement('td');
  cell.className = 'value';
  cell.textContent = value;
  row.append(name, cell);
  body.prepend(row);
  while (body.rows.length > MAX_ROWS) body.deleteRow(-1);
}

async function smokeAndShow(): Promise<SmokeResult> {
  const r = await smoke();
  show(
    'smoke',
    r.readbackOk
      ? `adapter ${r.adapter ?? '—'}; compute readback exact`
      : `adapter ${r.adapter ?? 'none'}; FAILED: ${r.error ?? 'unknown error'}`,
  );
  return r;
}

function onClick(id: string, run: () => Promise<unknown>): void {
  document.getElementById(id)?.addEventListener('click', () => {
    run().catch((err: unknown) => show(id, `FAILED: ${String(err)}`));
  });
}

window.atlasBench = {
  smoke: smokeAndShow,
  planeAgreement,
  benchPlane,
  mlpJvpAgreement,
  benchMlpJvp,
  mlpGradAgreement,
  benchMlpGrad,
  mlpJvpFiniteDiff,
  benchTraining,
};

onClick('run-smoke', smokeAndShow);
onClick('run-agreement', () => planeAgreement(1, 10, 256));
onClick('run-bench', () => benchPlane({ size: 512, k: 10, reps: 15 }));
void smokeAndShow();
