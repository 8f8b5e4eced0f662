// Properties of the slice (SPEC §3): filter-normalised rows carry θ's row norms, biases follow
// the bias rule, and the slice's centre is the training loss. A failure means the picture's axes
// are not the paper's (Li et al. 2018, §4) or f(0, 0) is not the loss the reader trains.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceDirections } from './directions';
import { lossAndAccuracy } from './forward';
import { initParams } from './init';
import { mlpLayout, type Activation, type MlpShape } from './shape';
import { axis, lossSlice } from './slice';
import { toyDataset } from './datasets';

const shapeArb = fc.record({
  inputs: fc.constant(2),
  hidden: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 3 }),
  classes: fc.integer({ min: 2, max: 4 }),
  act: fc.constantFrom<Activation>('tanh', 'relu', 'gelu'),
});

const rowNorm = (v: Float64Array, from: number, len: number): number => {
  let s = 0;
  for (let i = from; i < from + len; i++) s += (v[i] ?? 0) ** 2;
  return Math.sqrt(s);
};

describe('slice directions and centre', () => {
  it('filter-normalised rows have the norms of θ’s rows; ignored biases are 0, copied ones θ’s', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), fc.boolean(), (shape: MlpShape, seed, copy) => {
        const theta = initParams(shape, seed);
        const bias = copy ? 'copy' : 'ignore';
        const [d, e] = sliceDirections(shape, theta, { seed: seed + 1, norm: 'filter', bias });
        for (const L of mlpLayout(shape).layers) {
          for (let r = 0; r < L.out; r++) {
            const want = rowNorm(theta, L.w + r * L.in, L.in);
            // Equal up to the 1e-10 guard in the denominator (net_plotter.py), which shifts a
            // row's norm by 1e-10/‖raw row‖ relative: past 1e-8 for a short row drawn near 0,
            // so 1e-6 (any wrong normalisation is off by far more).
            expect(Math.abs(rowNorm(d, L.w + r * L.in, L.in) - want)).toBeLessThan(
              1e-6 * want + 1e-12,
            );
            expect(Math.abs(rowNorm(e, L.w + r * L.in, L.in) - want)).toBeLessThan(
              1e-6 * want + 1e-12,
            );
            expect(d[L.b + r]).toBe(copy ? theta[L.b + r] : 0);
          }
        }
      }),
      { seed: 5, numRuns: 60 },
    );
  }, 20_000);

  it('f(0, 0) equals the training loss and accuracy', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), (shape: MlpShape, seed) => {
        const data = toyDataset({ kind: 'blobs', n: 24, noise: 0.3, seed, classes: shape.classes });
        const theta = initParams(shape, seed);
        const [d, e] = sliceDirections(shape, theta, { seed, norm: 'filter', bias: 'ignore' });
        const ax = axis(1, 3);
        const s = lossSlice(shape, theta, d, e, data, ax, ax);
        const train = lossAndAccuracy(shape, theta, data);
        expect(s.loss[4]).toBe(train.loss);
        expect(s.accuracy[4]).toBe(train.accuracy);
        expect(s.min.loss).toBeLessThanOrEqual(train.loss);
      }),
      { seed: 5, numRuns: 40 },
    );
  }, 20_000);

  it('layer normalisation gives each weight matrix θ’s norm', () => {
    const shape: MlpShape = { inputs: 2, hidden: [5, 4], classes: 3, act: 'relu' };
    const theta = initParams(shape, 3);
    const [d] = sliceDirections(shape, theta, { seed: 9, norm: 'layer', bias: 'ignore' });
    for (const L of mlpLayout(shape).layers) {
      expect(rowNorm(d, L.w, L.in * L.out)).toBeCloseTo(rowNorm(theta, L.w, L.in * L.out), 10);
    }
  });
});
