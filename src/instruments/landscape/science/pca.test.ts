// Trajectory PCA (Li et al. 2018, §7) against a hand-made trajectory whose principal axes are
// known. A failure means the dirs=pca plane or its explained variances are wrong.
import { describe, expect, it } from 'vitest';
import { trajectoryPca } from './pca';
import type { MlpShape } from './shape';
import { symEigen } from './symEigen';

// 2 → 2 → 2: 12 parameters, biases at 4, 5, 10, 11.
const shape: MlpShape = { inputs: 2, hidden: [2], classes: 2, act: 'tanh' };

describe('trajectoryPca', () => {
  it('finds the two axes a planar trajectory moves along, in variance order', () => {
    const e1 = new Float64Array(12);
    const e2 = new Float64Array(12);
    e1[0] = 0.6;
    e1[7] = 0.8;
    e2[2] = 1;
    const now = Float64Array.from({ length: 12 }, (_, i) => Math.cos(i));
    // Coordinates along e1 and e2: centred, they are uncorrelated (Σ(a−ā)b = 0, Σb = 0), so the
    // principal axes are exactly e1 then e2; the last point is θ_now (0, 0).
    const a = [8, 7, 6, 5, 4, 3, 2, 1, 0];
    const b = [0, 1, 0, -1, 0, -1, 0, 1, 0];
    const traj = a.map((as, s) =>
      // Bias drift (index 4) that bias=ignore must drop.
      now.map((v, i) => v + as * (e1[i] ?? 0) + (b[s] ?? 0) * (e2[i] ?? 0) + (i === 4 ? as : 0)),
    );
    const pca = trajectoryPca(shape, traj, { bias: 'ignore' });
    const [u1, u2] = pca.axes;
    expect(Math.abs((u1[0] ?? 0) - 0.6)).toBeLessThan(1e-9);
    expect(Math.abs((u1[7] ?? 0) - 0.8)).toBeLessThan(1e-9);
    expect(Math.abs(Math.abs(u2[2] ?? 0) - 1)).toBeLessThan(1e-9);
    expect(pca.explained[0] / pca.explained[1]).toBeCloseTo(60 / 4, 9);
    expect(pca.explained[0] + pca.explained[1]).toBeCloseTo(1, 9);
    expect(pca.explained[0]).toBeGreaterThan(pca.explained[1]);
    // The last point is θ_now itself; the first is 8 along u1.
    expect(pca.path.slice(-2)).toEqual(new Float64Array([0, 0]));
    expect(pca.path[0]).toBeCloseTo(8, 9);
  });

  it('symEigen diagonalises a symmetric matrix', () => {
    const a = [4, 1, 2, 1, 3, 0, 2, 0, 1];
    const { values, vectors } = symEigen(a, 3);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 3; i++) {
        let av = 0;
        for (let j = 0; j < 3; j++) av += (a[i * 3 + j] ?? 0) * (vectors[k * 3 + j] ?? 0);
        expect(av).toBeCloseTo((values[k] ?? 0) * (vectors[k * 3 + i] ?? 0), 10);
      }
    }
    expect(values[0]).toBeGreaterThan(values[1] ?? 0);
  });
});
