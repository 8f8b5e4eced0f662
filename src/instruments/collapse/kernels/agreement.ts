/**
 * GPU (f32) against CPU (f64) on the same seeded state: one gradient step and the metric
 * statistics before and after it. For the bench page and Playwright (real Chromium) as well as
 * the Node kernel test. Errors are normwise: max|gpu − cpu| / max(max|cpu|, floor) over each
 * array. The floors give quantities that vanish at collapse their natural scale, so f32 noise
 * at a collapsed state is not read as a relative error: S against ‖G‖² (NC1 = tr((G^†)²S)),
 * and the dimensionless NC1, ETF distance and mean-cos against 1.
 */
import { collapseConfig, type ClassCounts, type CollapseLoss } from '../science/config';
import { forward, initialState, objective, shapeOf, type UfmState } from '../science/model';
import { gdStep } from '../science/gd';
import { centredMeans, ncMetrics, ncStats, type NcStats } from '../science/metrics';
import { CollapseGpu } from './collapseGpu';

export interface AgreementOptions {
  readonly seed: number;
  readonly loss: CollapseLoss;
  readonly counts: ClassCounts;
  readonly d: number;
  readonly lamW?: number;
  readonly lamH?: number;
  readonly bias?: boolean;
  /** CPU steps taken before the comparison starts (to test a trained, saturated state). */
  readonly warmSteps?: number;
}

export interface Agreement {
  /** Normwise relative errors, per compared quantity. */
  readonly maxRelErr: Readonly<Record<string, number>>;
  /** The worst of maxRelErr. */
  readonly worst: number;
  /** Non-finite values in anything the GPU returned. */
  readonly nonFinite: number;
  /** |NCC mismatches (GPU) − (CPU)| summed over both measurements. */
  readonly mismatchDiff: number;
}

function relErr(gpu: ArrayLike<number>, cpu: ArrayLike<number>, floor = 0): number {
  let num = 0;
  let den = floor;
  for (let i = 0; i < cpu.length; i++) {
    num = Math.max(num, Math.abs((gpu[i] ?? Number.NaN) - (cpu[i] ?? 0)));
    den = Math.max(den, Math.abs(cpu[i] ?? 0));
  }
  return den > 0 ? num / den : num;
}

function countNonFinite(...arrays: ArrayLike<number>[]): number {
  let n = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) n++;
  return n;
}

/** (max |G_kl|)² for the Gram G of the centred means: the scale of S. */
function gramScale(s: NcStats): number {
  const mc = centredMeans(s.means, s.counts, s.d);
  let g = 0;
  for (let a = 0; a < s.K; a++)
    for (let c = 0; c < s.K; c++) {
      let v = 0;
      for (let j = 0; j < s.d; j++) v += (mc[a * s.d + j] ?? 0) * (mc[c * s.d + j] ?? 0);
      g = Math.max(g, Math.abs(v));
    }
  return g * g;
}

const toF32 = (a: Float64Array): Float64Array => Float64Array.from(Float32Array.from(a));

export async function collapseStepAgreement(
  device: GPUDevice,
  opts: AgreementOptions,
): Promise<Agreement> {
  const cfg = collapseConfig({
    seed: opts.seed,
    loss: opts.loss,
    counts: opts.counts,
    d: opts.d,
    lamW: opts.lamW ?? 5e-3,
    lamH: opts.lamH ?? 5e-3,
    bias: opts.bias ?? false,
  });
  const shape = shapeOf(cfg);
  const raw = initialState(cfg);
  for (let t = 0; t < (opts.warmSteps ?? 0); t++) gdStep(cfg, shape, raw);
  // Both sides start from the same f32-representable state.
  const st: UfmState = { W: toF32(raw.W), b: toF32(raw.b), H: toF32(raw.H), layers: [] };
  const cpuStats = (s: UfmState): NcStats =>
    ncStats(s.H, shape.labels, shape.counts, s.W, s.b, shape.d);
  const gpu = await CollapseGpu.create(device, cfg);
  try {
    gpu.upload(st);
    const g0 = await gpu.measure(0);
    const c0 = cpuStats(st);
    const f0 = objective(cfg, st, forward(cfg, shape, st));
    const w0 = Float64Array.from(st.W);
    gdStep(cfg, shape, st);
    const g1 = await gpu.measure(1, true);
    const c1 = cpuStats(st);
    const f1 = objective(cfg, st, forward(cfg, shape, st));
    const m0g = ncMetrics(g0.stats, g0.W);
    const m0c = ncMetrics(c0, w0);
    const m1g = ncMetrics(g1.stats, g1.W);
    const m1c = ncMetrics(c1, st.W);
    const maxRelErr: Record<string, number> = {
      objective0: relErr([g0.objective], [f0]),
      means0: relErr(g0.stats.means, c0.means),
      S0: relErr(g0.stats.S, c0.S, gramScale(c0)),
      nc1_0: relErr([m0g.nc1], [m0c.nc1], 1),
      H1: relErr(g1.H ?? [], st.H),
      W1: relErr(g1.W, st.W),
      objective1: relErr([g1.objective], [f1]),
      means1: relErr(g1.stats.means, c1.means),
      S1: relErr(g1.stats.S, c1.S, gramScale(c1)),
      nc1_1: relErr([m1g.nc1], [m1c.nc1], 1),
      etfDistW1: relErr([m1g.etfDistW], [m1c.etfDistW], 1),
      meanCos1: relErr([m1g.meanCos], [m1c.meanCos], 1),
    };
    if (cfg.bias) maxRelErr.b1 = relErr(g1.b, st.b);
    return {
      maxRelErr,
      worst: Math.max(...Object.values(maxRelErr)),
      nonFinite: countNonFinite(
        g0.W,
        g0.stats.S,
        g0.stats.means,
        g1.H ?? [],
        g1.W,
        g1.b,
        g1.stats.S,
        [g0.objective, g1.objective],
      ),
      mismatchDiff:
        Math.abs(g0.stats.mismatches - c0.mismatches) +
        Math.abs(g1.stats.mismatches - c1.mismatches),
    };
  } finally {
    gpu.destroy();
  }
}
