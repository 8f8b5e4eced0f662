// Backprop against central finite differences in f64, for every activation and several depths.
// A failure means training follows a wrong gradient (and the gradient kernel has a wrong oracle).
import { describe, expect, it } from 'vitest';
import { toyDataset } from './datasets';
import { lossAndAccuracy } from './forward';
import { lossAndGradient } from './gradient';
import { initParams } from './init';
import type { Activation, MlpShape } from './shape';

const cases: [Activation, number[]][] = [
  ['tanh', [5]],
  ['relu', [6, 4]],
  ['gelu', [4, 3, 5]],
  ['tanh', [3, 3, 3, 3]],
];

describe('lossAndGradient', () => {
  for (const [act, hidden] of cases) {
    it(`matches central differences (${act}, hidden ${hidden.join(',')})`, () => {
      const shape: MlpShape = { inputs: 2, hidden, classes: 3, act };
      const data = toyDataset({ kind: 'spirals', n: 30, noise: 0.05, seed: 4, classes: 3 });
      // Non-zero biases: with the zero biases of initParams a ReLU layer whose inputs are all 0
      // sits exactly on its kink, where the one-sided derivative and the difference disagree.
      const theta = initParams(shape, 11).map((v, i) => v + 0.1 * Math.sin(7 * i + 1));
      const { grad, loss } = lossAndGradient(shape, theta, data);
      expect(loss).toBe(lossAndAccuracy(shape, theta, data).loss);
      const h = 1e-6;
      let worst = 0;
      for (let i = 0; i < theta.length; i++) {
        const p = theta.slice();
        p[i] = (theta[i] ?? 0) + h;
        const up = lossAndAccuracy(shape, p, data).loss;
        p[i] = (theta[i] ?? 0) - h;
        const down = lossAndAccuracy(shape, p, data).loss;
        worst = Math.max(worst, Math.abs((up - down) / (2 * h) - (grad[i] ?? 0)));
      }
      expect(worst).toBeLessThan(1e-6);
    });
  }

  it('the mini-batch gradient is the gradient over those rows', () => {
    const shape: MlpShape = { inputs: 2, hidden: [4], classes: 2, act: 'gelu' };
    const data = toyDataset({ kind: 'moons', n: 20, noise: 0.1, seed: 1 });
    const theta = initParams(shape, 2);
    const rows = [3, 7, 8, 19];
    const sub = {
      x: Float64Array.from(rows.flatMap((r) => [data.x[2 * r] ?? 0, data.x[2 * r + 1] ?? 0])),
      y: Uint8Array.from(rows.map((r) => data.y[r] ?? 0)),
      n: 4,
      d: 2,
    };
    const a = lossAndGradient(shape, theta, data, rows);
    const b = lossAndGradient(shape, theta, sub);
    expect(Array.from(a.grad)).toEqual(Array.from(b.grad));
    expect(a.loss).toBe(b.loss);
  });
});
