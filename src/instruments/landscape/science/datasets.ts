/**
 * Seeded 2-D toy sets for the landscape instrument. Every draw comes from Rng(seed), so a link
 * with (data, n, noise, seed) rebuilds the same points on every machine.
 */
import { Rng } from '../../../science/rng';
import type { Dataset } from '../../../science/data/digits';
import { spirals } from '../../../science/data/spirals';

export type ToyKind = 'spirals' | 'moons' | 'blobs' | 'xor' | 'circles';

export const TOY_KINDS: readonly ToyKind[] = ['spirals', 'moons', 'blobs', 'xor', 'circles'];

export interface ToyOptions {
  readonly kind: ToyKind;
  /** Number of points (≥ number of classes). */
  readonly n: number;
  /** Standard deviation of the Gaussian jitter on each coordinate. */
  readonly noise: number;
  readonly seed: number;
  /** Classes for spirals and blobs (2–10, default 3); moons, xor and circles have 2. */
  readonly classes?: number;
}

/** Number of classes the set will have. */
export function toyClasses(opts: ToyOptions): number {
  return opts.kind === 'spirals' || opts.kind === 'blobs' ? (opts.classes ?? 3) : 2;
}

export function toyDataset(opts: ToyOptions): Dataset<2> {
  const { kind, n, noise, seed } = opts;
  const k = toyClasses(opts);
  if (!Number.isInteger(n) || n < k) throw new RangeError(`n must be an integer ≥ ${k}, got ${n}`);
  if (!(noise >= 0)) throw new RangeError(`noise must be ≥ 0, got ${noise}`);
  if (kind === 'spirals') return spirals({ arms: k, n, noise, seed });
  const rng = new Rng(seed);
  const x = new Float32Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, label] = point(kind, i, k, rng);
    x[2 * i] = a + noise * rng.normal();
    x[2 * i + 1] = b + noise * rng.normal();
    y[i] = label;
  }
  return { x, y, n, d: 2 };
}

/** The noiseless point i (its class fixed by i, so classes are balanced). */
function point(
  kind: Exclude<ToyKind, 'spirals'>,
  i: number,
  k: number,
  rng: Rng,
): [number, number, number] {
  switch (kind) {
    case 'moons': {
      // scikit-learn make_moons: upper half circle, and a lower one shifted by (1, 0.5).
      const label = i % 2;
      const t = Math.PI * rng.uniform();
      return label === 0 ? [Math.cos(t), Math.sin(t), 0] : [1 - Math.cos(t), 0.5 - Math.sin(t), 1];
    }
    case 'circles': {
      // scikit-learn make_circles with factor 0.5: outer ring class 0, inner ring class 1.
      const label = i % 2;
      const t = 2 * Math.PI * rng.uniform();
      const r = label === 0 ? 1 : 0.5;
      return [r * Math.cos(t), r * Math.sin(t), label];
    }
    case 'xor': {
      // Uniform on [−1, 1]², class 1 where the signs of x₁ and x₂ differ.
      const a = 2 * rng.uniform() - 1;
      const b = 2 * rng.uniform() - 1;
      return [a, b, a * b < 0 ? 1 : 0];
    }
    case 'blobs': {
      // k centres evenly spaced on the unit circle; `noise` is each blob's standard deviation.
      const label = i % k;
      const phi = (2 * Math.PI * label) / k;
      return [Math.cos(phi), Math.sin(phi), label];
    }
  }
}
