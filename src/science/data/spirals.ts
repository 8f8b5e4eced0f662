/** A seeded 2-D spirals toy set: K interleaved arms, a quick non-linear problem for small nets. */
import { Rng } from '../rng';
import type { Dataset } from './digits';

export interface SpiralsOptions {
  /** Number of arms (classes), 2–10. */
  arms: number;
  /** Total number of points, split as evenly as possible across arms. */
  n: number;
  /** Standard deviation of the Gaussian jitter added to each coordinate. */
  noise: number;
  seed: number;
  /** Full turns each arm makes from the centre to radius 1; 1 unless set. */
  turns?: number;
}

/**
 * Point i of arm c sits at radius r = t and angle 2π(turns·t + c/K), t = (j + 0.5)/m for the
 * j-th of the arm's m points; the arm is rotated by 2πc/K so arms interleave. Rows are emitted arm
 * by arm; shuffle with splitTrainTest if order matters.
 */
export function spirals(opts: SpiralsOptions): Dataset<2> {
  const { arms, n, noise, seed } = opts;
  const turns = opts.turns ?? 1;
  if (!Number.isInteger(arms) || arms < 2 || arms > 10) {
    throw new RangeError(`arms must be an integer in 2–10, got ${arms}`);
  }
  if (!Number.isInteger(n) || n < arms) throw new RangeError(`n must be ≥ arms, got ${n}`);
  if (!(noise >= 0)) throw new RangeError(`noise must be ≥ 0, got ${noise}`);
  const rng = new Rng(seed);
  const x = new Float32Array(n * 2);
  const y = new Uint8Array(n);
  let row = 0;
  for (let c = 0; c < arms; c++) {
    const m = Math.floor(n / arms) + (c < n % arms ? 1 : 0);
    for (let j = 0; j < m; j++) {
      const t = (j + 0.5) / m;
      const angle = 2 * Math.PI * (turns * t + c / arms);
      x[2 * row] = t * Math.cos(angle) + noise * rng.normal();
      x[2 * row + 1] = t * Math.sin(angle) + noise * rng.normal();
      y[row] = c;
      row++;
    }
  }
  return { x, y, n, d: 2 };
}
