/**
 * PCA directions of a training trajectory (Li et al. 2018, §7; repo projection.py
 * `setup_PCA_directions`, `project_trajectory`): the top two principal axes of the differences
 * {θ_i − θ_now}, found from the small T×T Gram matrix instead of the P×P covariance, and the
 * trajectory projected onto them.
 */
import { mlpLayout, type MlpShape, type ParamVector } from './shape';
import type { BiasRule } from './directions';
import { symEigen } from './symEigen';

export interface TrajectoryPca {
  /** Unit-norm principal axes in parameter space (the slice's δ and η for dirs=pca). */
  readonly axes: [Float64Array, Float64Array];
  /** Fraction of the variance each axis explains (sklearn's explained_variance_ratio_). */
  readonly explained: [number, number];
  /** (x_i, y_i) = ((θ_i − θ_now)·u₁, (θ_i − θ_now)·u₂), interleaved; the last point is (0, 0). */
  readonly path: Float64Array;
}

export interface PcaOptions {
  /** `ignore` zeroes the bias entries of every difference first (the repo's ignore_biasbn). */
  readonly bias: BiasRule;
  /**
   * Centre the differences before the decomposition, as the repo does (sklearn PCA centres);
   * the paper's text does not. Default true.
   */
  readonly centre?: boolean;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

/**
 * `trajectory` lists θ_0 … θ_T, θ_now the last; T + 1 ≥ 3. Cost O(T²P + T³): thin out long
 * trajectories (a few hundred points) before calling.
 */
export function trajectoryPca(
  shape: MlpShape,
  trajectory: readonly ParamVector[],
  opts: PcaOptions,
): TrajectoryPca {
  const now = trajectory[trajectory.length - 1];
  if (!now || trajectory.length < 3) throw new RangeError('PCA needs at least 3 trajectory points');
  const size = now.length;
  const biases: number[] = [];
  for (const L of mlpLayout(shape).layers) for (let r = 0; r < L.out; r++) biases.push(L.b + r);
  // Every difference, θ_now's own zero one included: the repo fits on every saved epoch.
  const diffs = trajectory.map((t) => {
    const d = new Float64Array(size);
    for (let i = 0; i < size; i++) d[i] = (t[i] ?? 0) - (now[i] ?? 0);
    if (opts.bias === 'ignore') for (const b of biases) d[b] = 0;
    return d;
  });
  const rows = diffs.map((d) => d.slice());
  if (opts.centre ?? true) {
    const mean = new Float64Array(size);
    for (const r of rows) for (let i = 0; i < size; i++) mean[i] = (mean[i] ?? 0) + (r[i] ?? 0);
    for (let i = 0; i < size; i++) mean[i] = (mean[i] ?? 0) / rows.length;
    for (const r of rows) for (let i = 0; i < size; i++) r[i] = (r[i] ?? 0) - (mean[i] ?? 0);
  }
  const t = rows.length;
  // Gram matrix G = D Dᵀ shares its non-zero eigenvalues with DᵀD; u_k = Dᵀv_k/√λ_k.
  const gram = new Float64Array(t * t);
  for (let i = 0; i < t; i++) {
    for (let j = i; j < t; j++) {
      const g = dot(rows[i] ?? [], rows[j] ?? []);
      gram[i * t + j] = g;
      gram[j * t + i] = g;
    }
  }
  const eig = symEigen(gram, t);
  let total = 0;
  for (const l of eig.values) total += Math.max(l, 0);
  const axis = (k: number): Float64Array => {
    const u = new Float64Array(size);
    for (let r = 0; r < t; r++) {
      const c = eig.vectors[k * t + r] ?? 0;
      const row = rows[r] ?? [];
      for (let i = 0; i < size; i++) u[i] = (u[i] ?? 0) + c * (row[i] ?? 0);
    }
    const n = Math.sqrt(dot(u, u));
    // Sign fixed so the largest-magnitude component is positive: the same axes on every machine.
    let big = 0;
    for (let i = 1; i < size; i++) if (Math.abs(u[i] ?? 0) > Math.abs(u[big] ?? 0)) big = i;
    const s = n > 0 ? Math.sign(u[big] ?? 1) / n : 0;
    for (let i = 0; i < size; i++) u[i] = (u[i] ?? 0) * s;
    return u;
  };
  const u1 = axis(0);
  const u2 = axis(1);
  const path = new Float64Array(2 * diffs.length);
  diffs.forEach((d, i) => {
    path[2 * i] = dot(d, u1);
    path[2 * i + 1] = dot(d, u2);
  });
  const ratio = (k: number): number => (total > 0 ? Math.max(eig.values[k] ?? 0, 0) / total : 0);
  return { axes: [u1, u2], explained: [ratio(0), ratio(1)], path };
}
