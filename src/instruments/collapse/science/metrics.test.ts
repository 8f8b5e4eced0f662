import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ncMetrics, ncStats } from './metrics';
import { simplexEtf } from './display';
import { pinvSym } from './linalg';
import { Rng } from '../../../science/rng';

// golden/nc.py "NC metrics on a synthetic example (d=3, K=3, 2 samples/class)".
const Hs = [
  [2.0, 0.1, 0.0],
  [1.8, -0.1, 0.2],
  [-1.0, 1.7, 0.1],
  [-0.9, 1.5, -0.1],
  [-1.1, -1.6, 0.0],
  [-0.8, -1.8, 0.1],
];
const labels = Uint8Array.from([0, 0, 1, 1, 2, 2]);
const W = Float64Array.from([1.0, 0.0, 0.0, -0.5, 0.9, 0.0, -0.5, -0.8, 0.1]);

describe('NC metrics on the SPEC §5 synthetic example', () => {
  const m = ncMetrics(
    ncStats(Float64Array.from(Hs.flat()), labels, [2, 2, 2], W, new Float64Array(3), 3),
    W,
  );
  const golden: [keyof typeof m, number][] = [
    ['nc1', 0.003994354376],
    ['equinormM', 0.006110989921],
    ['equinormW', 0.033658808614],
    ['equiangleM', 0.009198693232],
    ['equiangleW', 0.020645351508],
    ['maxAngleM', 0.008045187218],
    ['etfDistW', 0.057214430009],
    ['etfDistM', 0.017296741789],
    ['nc3', 0.006388360085],
    ['nc3Zhu', 0.042701132684],
  ];
  for (const [name, want] of golden)
    it(`${name} = ${String(want)} (to 1e-9 relative; nc_out prints 12 decimals)`, () => {
      const got = m[name];
      expect(typeof got).toBe('number');
      expect(Math.abs((got as number) - want) / want).toBeLessThan(1e-9);
    });
  it('NC4 = 0: every sample is nearest its own mean and classified the same', () => {
    expect(m.nc4).toBe(0);
  });
});

describe('exact collapse (features = ETF columns, W = ETFᵀ)', () => {
  it('every metric vanishes and mean-cos = −1/(K−1)', () => {
    const E = simplexEtf(3);
    const feats = Float64Array.from(
      [0, 0, 1, 1, 2, 2].flatMap((k) => [...E.slice(k * 3, k * 3 + 3)]),
    );
    const m = ncMetrics(ncStats(feats, labels, [2, 2, 2], E, new Float64Array(3), 3), E);
    for (const v of [
      m.nc1,
      m.equinormM,
      m.equinormW,
      m.equiangleM,
      m.etfDistW,
      m.etfDistM,
      m.nc3,
      m.nc4,
    ])
      expect(Math.abs(v)).toBeLessThan(1e-14);
    expect(m.meanCos).toBeCloseTo(-0.5, 14);
  });
});

/** tr(Σ_W Σ_B^†)/K in d×d, the definition the K×K form must equal. */
function nc1Direct(h: Float64Array, y: Uint8Array, counts: number[], d: number): number {
  const K = counts.length;
  const N = y.length;
  const mu = new Float64Array(K * d);
  const mg = new Float64Array(d);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < d; j++) {
      const k = y[i] ?? 0;
      mu[k * d + j] = (mu[k * d + j] ?? 0) + (h[i * d + j] ?? 0) / (counts[k] ?? 1);
      mg[j] = (mg[j] ?? 0) + (h[i * d + j] ?? 0) / N;
    }
  const sw = new Float64Array(d * d);
  const sb = new Float64Array(d * d);
  for (let i = 0; i < N; i++)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) {
        const k = y[i] ?? 0;
        sw[a * d + b] =
          (sw[a * d + b] ?? 0) +
          (((h[i * d + a] ?? 0) - (mu[k * d + a] ?? 0)) *
            ((h[i * d + b] ?? 0) - (mu[k * d + b] ?? 0))) /
            N;
      }
  for (let k = 0; k < K; k++)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++)
        sb[a * d + b] =
          (sb[a * d + b] ?? 0) +
          (((mu[k * d + a] ?? 0) - (mg[a] ?? 0)) * ((mu[k * d + b] ?? 0) - (mg[b] ?? 0))) / K;
  const p = pinvSym(sb, d);
  let t = 0;
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) t += (sw[a * d + b] ?? 0) * (p[b * d + a] ?? 0);
  return t / K;
}

describe('NC1 K×K form (SPEC §5 [D]) equals tr(Σ_W Σ_B^†)/K', () => {
  it(
    'on random imbalanced data, d ≥ K (a wrong S or G^† power breaks it)',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 5 }),
          fc.integer({ min: 0, max: 3 }),
          fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 5, maxLength: 5 }),
          fc.integer({ min: 0, max: 2 ** 31 }),
          (K, extra, cnt, seed) => {
            const d = K + extra;
            const counts = cnt.slice(0, K);
            const y = Uint8Array.from(counts.flatMap((n, k) => Array.from({ length: n }, () => k)));
            const rng = new Rng(seed);
            // Class k's features around a random mean, so Σ_B has rank K − 1 like real data.
            const centres = Array.from({ length: K * d }, () => 2 * rng.normal());
            const h = Float64Array.from({ length: y.length * d }, (_, t) => {
              const k = y[Math.floor(t / d)] ?? 0;
              return (centres[k * d + (t % d)] ?? 0) + 0.3 * rng.normal();
            });
            const st = ncStats(
              h,
              y,
              counts,
              new Float64Array(K * d).fill(1),
              new Float64Array(K),
              d,
            );
            const m = ncMetrics(st, new Float64Array(K * d).fill(1));
            const direct = nc1Direct(h, y, counts, d);
            expect(Math.abs(m.nc1 - direct)).toBeLessThan(1e-8 * Math.max(1, direct));
          },
        ),
        { numRuns: 40, seed: 10 },
      );
    },
  );
});
