/**
 * Random directions in parameter space and their normalisation (Li et al. 2018, §4; repo
 * tomgoldstein/loss-landscape, net_plotter.py `normalize_direction`, `ignore_biasbn`).
 */
import { Rng } from '../../../science/rng';
import { mlpLayout, type MlpShape, type ParamVector } from './shape';

export type DirNorm = 'filter' | 'layer' | 'none';
export type BiasRule = 'ignore' | 'copy';

/** Filter normalisation's guard against a zero row, as in net_plotter.py. */
const FILTER_EPS = 1e-10;

/** Two Gaussian directions δ then η from Rng(seed), each N(0, 1) per parameter. */
export function gaussianDirections(size: number, seed: number): [Float64Array, Float64Array] {
  const rng = new Rng(seed);
  const draw = (): Float64Array => {
    const d = new Float64Array(size);
    for (let i = 0; i < size; i++) d[i] = rng.normal();
    return d;
  };
  const delta = draw();
  return [delta, draw()];
}

function sumSquares(v: ParamVector, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += (v[i] ?? 0) ** 2;
  return s;
}

/**
 * The direction d rescaled against θ:
 * - filter: each weight row (one output neuron) gets the norm of θ's row,
 *   d_r ← d_r·‖θ_r‖/(‖d_r‖ + 1e-10) (paper §4; net_plotter.py);
 * - layer: each weight matrix gets the norm of θ's, d_l ← d_l·‖θ_l‖/‖d_l‖;
 * - none: weights left as drawn.
 * Biases (1-D tensors): `ignore` zeroes them (the repo default `--xignore biasbn`), `copy` sets
 * them to θ's biases (the repo's `d.copy_(w)`).
 */
export function normaliseDirection(
  shape: MlpShape,
  d: ParamVector,
  theta: ParamVector,
  norm: DirNorm,
  bias: BiasRule,
): Float64Array {
  const out = Float64Array.from(d);
  for (const L of mlpLayout(shape).layers) {
    const wEnd = L.w + L.out * L.in;
    if (norm === 'filter') {
      for (let r = 0; r < L.out; r++) {
        const a = L.w + r * L.in;
        const s =
          Math.sqrt(sumSquares(theta, a, a + L.in)) /
          (Math.sqrt(sumSquares(d, a, a + L.in)) + FILTER_EPS);
        for (let j = a; j < a + L.in; j++) out[j] = (d[j] ?? 0) * s;
      }
    } else if (norm === 'layer') {
      const s = Math.sqrt(sumSquares(theta, L.w, wEnd)) / Math.sqrt(sumSquares(d, L.w, wEnd));
      for (let j = L.w; j < wEnd; j++) out[j] = (d[j] ?? 0) * s;
    }
    for (let j = L.b; j < L.b + L.out; j++) out[j] = bias === 'copy' ? (theta[j] ?? 0) : 0;
  }
  return out;
}

export interface DirectionOptions {
  readonly seed: number;
  readonly norm: DirNorm;
  readonly bias: BiasRule;
}

/** δ and η drawn from the seed and normalised against θ: the axes of the random slice. */
export function sliceDirections(
  shape: MlpShape,
  theta: ParamVector,
  opts: DirectionOptions,
): [Float64Array, Float64Array] {
  const [delta, eta] = gaussianDirections(theta.length, opts.seed);
  return [
    normaliseDirection(shape, delta, theta, opts.norm, opts.bias),
    normaliseDirection(shape, eta, theta, opts.norm, opts.bias),
  ];
}
