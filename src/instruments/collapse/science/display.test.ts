import { describe, expect, it } from 'vitest';
import { displayCoords, etfEdges, simplexEtf } from './display';
import { Rng } from '../../../science/rng';

const rows = (a: Float64Array, K: number): number[][] =>
  Array.from({ length: K }, (_, k) => [...a.slice(k * 3, k * 3 + 3)]);

describe('display coordinates (SPEC §5 Display, golden/nc_out.txt)', () => {
  it('K=4 simplex ETF by Gram–Schmidt is the regular tetrahedron of the SPEC to 1e-12', () => {
    const c = displayCoords(simplexEtf(4), simplexEtf(4), 4, 4);
    expect(c.method).toBe('gram-schmidt');
    const want = [
      [1, 0, 0],
      [-1 / 3, 0.942809041582, 0],
      [-1 / 3, -0.471404520791, 0.816496580928],
      [-1 / 3, -0.471404520791, -0.816496580928],
    ];
    rows(c.means, 4).forEach((r, k) =>
      r.forEach((v, j) => expect(Math.abs(v - (want[k]?.[j] ?? 0))).toBeLessThan(1e-12)),
    );
    // W = M̄ᵀ exactly, so the classifier rows land on the means (self-duality drawn).
    rows(c.classifiers, 4).forEach((r, k) =>
      r.forEach((v, j) => expect(Math.abs(v - (want[k]?.[j] ?? 0))).toBeLessThan(1e-12)),
    );
  });

  it('K=3 ETF: (1,0), (−½, ±√3/2), third coordinate padded with 0', () => {
    const c = displayCoords(simplexEtf(3), simplexEtf(3), 3, 3);
    const want = [
      [1, 0, 0],
      [-0.5, 0.866025403784, 0],
      [-0.5, -0.866025403784, 0],
    ];
    rows(c.means, 3).forEach((r, k) =>
      r.forEach((v, j) => expect(Math.abs(v - (want[k]?.[j] ?? 0))).toBeLessThan(1e-12)),
    );
  });

  it('K=6 PCA from the K×K Gram: the ETF keeps unit norms projected to 3-D energy K/(K−1)', () => {
    const c = displayCoords(simplexEtf(6), simplexEtf(6), 6, 6);
    expect(c.method).toBe('pca');
    // Top-3 eigenvalues of the ETF Gram are all 6/5 (nc_out): Σ_k coord_j² = 1.2 per axis.
    for (let j = 0; j < 3; j++) {
      let e = 0;
      for (let k = 0; k < 6; k++) e += (c.means[k * 3 + j] ?? 0) ** 2;
      expect(Math.abs(e - 1.2)).toBeLessThan(1e-12);
    }
  });

  it('the nearest-ETF wireframe coincides with already-collapsed means (rotated, in d=7)', () => {
    const K = 4;
    const d = 7;
    const rng = new Rng(3);
    // A random orthonormal 7×4 embedding Q (Gram–Schmidt on normals) of the ETF, times 2.5.
    const q: number[][] = [];
    while (q.length < K) {
      const v = Array.from({ length: d }, () => rng.normal());
      for (const u of q) {
        const c = v.reduce((s, x, j) => s + x * (u[j] ?? 0), 0);
        v.forEach((x, j) => (v[j] = x - c * (u[j] ?? 0)));
      }
      const n = Math.hypot(...v);
      q.push(v.map((x) => x / n));
    }
    const E = simplexEtf(K);
    const mc = new Float64Array(K * d);
    for (let k = 0; k < K; k++)
      for (let j = 0; j < d; j++)
        for (let c = 0; c < K; c++)
          mc[k * d + j] = (mc[k * d + j] ?? 0) + 2.5 * (E[k * K + c] ?? 0) * (q[c]?.[j] ?? 0);
    const c = displayCoords(mc, mc, K, d);
    for (let i = 0; i < K * 3; i++)
      expect(Math.abs((c.etf[i] ?? 0) - (c.means[i] ?? 0))).toBeLessThan(1e-12);
    expect(etfEdges(K)).toHaveLength(6);
  });
});
