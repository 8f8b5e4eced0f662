/**
 * The pictures of one state: the directions (seeded random or the trajectory's PCA), the slice
 * f(α, β) on the slice kernel or in f64, the 1-D interpolation between two of θ₀, θ and the
 * reader's pins (the same kernel with δ = θ_b − θ_a, η = 0) and, for 2-D data, the decision
 * regions.
 */
import type { Provenance } from '../../../gpu/choice';
import { argmaxClass } from './regions';
import { sliceDirections } from '../science/directions';
import { trajectoryPca } from '../science/pca';
import { axis, gridMinimum, interpolation, lossSlice, INTERP_RANGE } from '../science/slice';
import type { MlpShape, Samples } from '../science/shape';
import type { SliceKernel } from '../kernels/slice';

/** What the pictures need of the slice kernel (a test stand-in provides the same). */
export type SliceEvaluator = Pick<SliceKernel, 'evaluate'>;
import type { LandscapeRun } from './run';
import type {
  InterpEnd,
  InterpEndName,
  InterpPair,
  InterpResult,
  PcaResult,
  SliceResult,
  SliceSettings,
} from './protocol';

/** Multiply-adds the f64 path may spend on one slice before its grid is reduced (~1–3 s). */
const CPU_BUDGET = 4e8;
export const COARSE_GRID = 21;
/** Interpolation points on the GPU (α steps of 0.01; α = 0 and 1 are grid points). */
export const INTERP_POINTS = 201;

export interface Directions {
  delta: Float64Array;
  eta: Float64Array;
  pca: PcaResult | null;
  note: string | null;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

export function directions(run: LandscapeRun, s: SliceSettings): Directions {
  const theta = run.theta;
  if (s.dirs === 'pca') {
    const traj = [...run.trajectory];
    const last = traj[traj.length - 1];
    if (!last || last.some((v, i) => v !== theta[i])) traj.push(theta.slice());
    if (traj.length >= 3) {
      const p = trajectoryPca(run.shape, traj, { bias: s.bias });
      const [u, v] = p.axes;
      // The path in the slice's own coordinates: unit axes, so α, β are distances along them.
      const scale = Math.max(Math.sqrt(dot(u, u)), 1e-12);
      const path = Float64Array.from(p.path, (x) => x / scale);
      return {
        delta: u,
        eta: v,
        pca: { explained: p.explained, path },
        note: null,
      };
    }
    const [delta, eta] = sliceDirections(run.shape, theta, { ...s, seed: run.settings.seed + 1 });
    return {
      delta,
      eta,
      pca: null,
      note: 'PCA needs at least 2 training steps: random directions until then',
    };
  }
  const [delta, eta] = sliceDirections(run.shape, theta, { ...s, seed: run.settings.seed + 1 });
  return { delta, eta, pca: null, note: null };
}

/** Multiply-adds of one full-data forward pass. */
export function forwardCost(shape: MlpShape, n: number): number {
  const widths = [shape.inputs, ...shape.hidden, shape.classes];
  let c = 0;
  for (let l = 0; l + 1 < widths.length; l++) c += (widths[l] ?? 0) * (widths[l + 1] ?? 0);
  return c * n;
}

export async function slice(
  run: LandscapeRun,
  dirs: Directions,
  grid: number,
  span: number,
  kernel: SliceEvaluator | null,
  provenance: Provenance,
): Promise<SliceResult> {
  const { shape, data, theta } = run;
  let g = grid;
  if (!kernel) {
    const cost = forwardCost(shape, data.n);
    while (g > COARSE_GRID && g * g * cost > CPU_BUDGET) g = Math.max(COARSE_GRID, g - 10);
    if (g % 2 === 0) g += 1;
  }
  const ax = axis(span, g);
  let loss: Float64Array;
  if (kernel) {
    const r = await kernel.evaluate(theta, dirs.delta, dirs.eta, ax, ax);
    loss = Float64Array.from(r.loss);
  } else {
    loss = lossSlice(shape, theta, dirs.delta, dirs.eta, data, ax, ax).loss;
  }
  const min = gridMinimum(loss, ax, ax);
  const mid = (g - 1) / 2;
  return {
    alphas: ax,
    betas: ax,
    loss,
    delta: dirs.delta,
    eta: dirs.eta,
    min: { loss: min.loss, alpha: min.alpha, beta: min.beta },
    center: loss[mid * g + mid] ?? NaN,
    provenance,
    ...(g !== grid ? { reducedFrom: grid } : {}),
  };
}

/** The θ an end of the interpolation stands for, and its name in the state. */
function endTheta(run: LandscapeRun, end: InterpEnd): { theta: Float64Array; name: InterpEndName } {
  if (end.kind === 'pin') return { theta: end.theta, name: { kind: 'pin', step: end.step } };
  if (end.kind === 'initial') return { theta: run.theta0, name: { kind: 'initial', step: 0 } };
  return { theta: run.theta, name: { kind: 'current', step: run.step } };
}

/**
 * L((1−α)θ_a + αθ_b) for α ∈ [−0.5, 1.5], θ_a and θ_b the pair's ends: on the slice kernel when
 * there is one (one row of it), else in f64 with fewer points where the data set is large.
 */
export async function interp(
  run: LandscapeRun,
  kernel: SliceEvaluator | null,
  pair: InterpPair,
): Promise<InterpResult> {
  const { shape, data } = run;
  const a = endTheta(run, pair.from);
  const b = endTheta(run, pair.to);
  const names = { from: a.name, to: b.name };
  if (!kernel) {
    const count = forwardCost(shape, data.n) * 101 > CPU_BUDGET ? 41 : 101;
    const r = interpolation(shape, a.theta, b.theta, data, count);
    return { alphas: r.alphas, loss: r.loss, min: r.min, ...names };
  }
  const [lo, hi] = INTERP_RANGE;
  const alphas = Float64Array.from(
    { length: INTERP_POINTS },
    (_, i) => lo + ((hi - lo) * i) / (INTERP_POINTS - 1),
  );
  // L((1−α)θ_a + αθ_b) = L(θ_a + α(θ_b − θ_a)): one row of the slice kernel.
  const d = Float64Array.from(b.theta, (v, i) => v - (a.theta[i] ?? 0));
  const r = await kernel.evaluate(a.theta, d, new Float64Array(d.length), alphas, [0]);
  const loss = Float64Array.from(r.loss);
  let min = { loss: Infinity, alpha: NaN };
  loss.forEach((l, i) => {
    if (l < min.loss) min = { loss: l, alpha: alphas[i] ?? NaN };
  });
  return { alphas, loss, min, ...names };
}

/** Decision regions of a 2-D model over the data's bounds (padded), or null for other data. */
export function regions(
  shape: MlpShape,
  theta: Float64Array,
  data: Samples,
  grid: number,
): { regions: Uint8Array | null; bounds: [number, number, number, number] } {
  if (data.d !== 2) return { regions: null, bounds: [0, 1, 0, 1] };
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < data.n; i++) {
    const a = data.x[2 * i] ?? 0;
    const b = data.x[2 * i + 1] ?? 0;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  const px = 0.1 * (x1 - x0 || 1);
  const py = 0.1 * (y1 - y0 || 1);
  const bounds: [number, number, number, number] = [x0 - px, x1 + px, y0 - py, y1 + py];
  return { regions: argmaxClass(shape, theta, bounds, grid), bounds };
}
