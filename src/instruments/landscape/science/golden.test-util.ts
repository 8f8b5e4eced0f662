/** The closed-form inputs of SPEC §3's golden values (shared/science/golden/landscape.py). */
import type { MlpShape, Samples } from './shape';

export const GOLDEN_SHAPE: MlpShape = { inputs: 2, hidden: [3], classes: 3, act: 'tanh' };
export const NPAR = 21;

const seq = (f: (i: number) => number): Float64Array =>
  Float64Array.from({ length: NPAR }, (_, i) => f(i));

export const goldenTheta = (): Float64Array => seq((i) => 0.5 * Math.sin(0.9 * i + 0.1));
export const goldenTheta2 = (): Float64Array => seq((i) => 0.5 * Math.cos(0.7 * i + 0.4));
export const goldenDelta = (): Float64Array => seq((i) => Math.sin(1.3 * i + 0.7));
export const goldenEta = (): Float64Array => seq((i) => Math.cos(2.1 * i + 0.3));

/** Six points on three rays, x = r(cos φ_c, sin φ_c), φ_c = 2πc/3, r ∈ {1, 2}, label c. */
export function goldenData(): Samples {
  const x = new Float64Array(12);
  const y = new Uint8Array(6);
  let i = 0;
  for (let c = 0; c < 3; c++) {
    const phi = (2 * Math.PI * c) / 3;
    for (const r of [1, 2]) {
      x[2 * i] = r * Math.cos(phi);
      x[2 * i + 1] = r * Math.sin(phi);
      y[i] = c;
      i++;
    }
  }
  return { x, y, n: 6, d: 2 };
}

/** landscape_out.txt: the filter-normalised directions, printed to 12 decimals. */
export const DELTA_FILTER = [
  0.24493141563, 0.345714671288, -0.078693261118, -0.495714231973, -0.23995220759, 0.509372137763,
  0, 0, 0, -0.083182429949, 0.455058072572, 0.326637432688, -0.309047367191, -0.525466715294,
  0.027923905546, 0.488764995909, 0.236232617803, -0.362381098819, 0, 0, 0,
];
export const ETA_FILTER = [
  0.335395950024, -0.258881418831, -0.108701715957, 0.490009353045, -0.544998921403,
  -0.141468061117, 0, 0, 0, 0.434010247422, -0.3560518516, -0.07450746679, 0.464708057092,
  -0.388929914826, -0.072008552167, 0.493696051117, -0.421471664062, -0.068139395515, 0, 0, 0,
];

/** The 5×5 slice f(a, b) of landscape_out.txt, rows a, columns b, both −1, −0.5, 0, 0.5, 1. */
export const GOLDEN_SLICE = [
  [1.5782131151, 1.4206234605, 1.2381177242, 1.0536913135, 0.9072302687],
  [1.4584372937, 1.3622976186, 1.2362759256, 1.1059164598, 1.0023403943],
  [1.327905463, 1.3015490112, 1.2635885355, 1.22013898, 1.1773058808],
  [1.1943959606, 1.2221951772, 1.2688747787, 1.3261461068, 1.3743966295],
  [1.081684933, 1.1482301059, 1.248281085, 1.3793976224, 1.5246668245],
];
export const GOLDEN_AXIS = [-1, -0.5, 0, 0.5, 1];
