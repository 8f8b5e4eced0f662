// SPEC §3 golden values (shared/science/golden/landscape_out.txt), in the f64 CPU path. A failure
// means the loss, the filter/layer normalisation or the slice/interpolation formula has drifted
// from the reference (Li et al. 2018; net_plotter.py).
import { describe, expect, it } from 'vitest';
import { normaliseDirection } from './directions';
import { lossAndAccuracy, logits } from './forward';
import { axis, displaced, interpolation, lossSlice } from './slice';
import {
  DELTA_FILTER,
  ETA_FILTER,
  GOLDEN_AXIS,
  GOLDEN_SHAPE as S,
  GOLDEN_SLICE,
  goldenData,
  goldenDelta,
  goldenEta,
  goldenTheta,
  goldenTheta2,
} from './golden.test-util';

const data = goldenData();
const theta = goldenTheta();
const dn = normaliseDirection(S, goldenDelta(), theta, 'filter', 'ignore');
const en = normaliseDirection(S, goldenEta(), theta, 'filter', 'ignore');
const L = (p: Float64Array): number => lossAndAccuracy(S, p, data).loss;

describe('SPEC §3 golden values (CPU, f64)', () => {
  it('logits of x0 and L(θ), L(θ′)', () => {
    const z = logits(S, theta, data);
    expect(z[0]).toBeCloseTo(-0.382894607128, 11);
    expect(z[1]).toBeCloseTo(-0.510261174254, 11);
    expect(z[2]).toBeCloseTo(-0.215432163785, 11);
    expect(L(theta)).toBeCloseTo(1.263588535478, 11);
    expect(L(goldenTheta2())).toBeCloseTo(0.840395004523, 11);
  });

  it('filter-normalised δ and η match to 1e-11', () => {
    DELTA_FILTER.forEach((v, i) => expect(Math.abs((dn[i] ?? NaN) - v)).toBeLessThan(1e-11));
    ETA_FILTER.forEach((v, i) => expect(Math.abs((en[i] ?? NaN) - v)).toBeLessThan(1e-11));
  });

  it('the 5×5 filter-normalised slice to 1e-9', () => {
    const ax = Float64Array.from(GOLDEN_AXIS);
    const slice = lossSlice(S, theta, dn, en, data, ax, ax);
    // slice.loss rows are β; GOLDEN_SLICE rows are a (= α).
    GOLDEN_SLICE.forEach((row, ia) =>
      row.forEach((v, ib) =>
        expect(Math.abs((slice.loss[ib * 5 + ia] ?? NaN) - v)).toBeLessThan(1e-9),
      ),
    );
    expect(slice.min.loss).toBeCloseTo(0.9072302687, 9);
    expect([slice.min.alpha, slice.min.beta]).toEqual([-1, 1]);
    expect(Array.from(axis(1, 5))).toEqual(GOLDEN_AXIS);
  });

  it('the 1-D slice along δ and the layer-normalised one to 1e-11', () => {
    const zero = new Float64Array(21);
    const p = new Float64Array(21);
    const along = (d: Float64Array, a: number): number => L(displaced(theta, d, zero, a, 0, p));
    const golden: [number, number][] = [
      [-2, 1.443763713943],
      [-1, 1.238117724218],
      [-0.25, 1.249785917935],
      [0.25, 1.27105166921],
      [1, 1.248281084988],
      [2, 1.323665784264],
    ];
    for (const [a, v] of golden) expect(Math.abs(along(dn, a) - v)).toBeLessThan(1e-11);
    const ln = normaliseDirection(S, goldenDelta(), theta, 'layer', 'ignore');
    expect(Math.abs(along(ln, -1) - 1.234319731619)).toBeLessThan(1e-11);
    expect(Math.abs(along(ln, 1) - 1.295085478302)).toBeLessThan(1e-11);
  });

  it('the interpolation (1−α)θ + αθ′ to 1e-11', () => {
    // 17 points over [−0.5, 1.5] put α = −0.5, 0, 0.25, …, 1.5 at indices 0, 4, 6, …, 16.
    const interp = interpolation(S, theta, goldenTheta2(), data, 17);
    const golden: [number, number][] = [
      [0, 1.596230812526],
      [4, 1.263588535478],
      [6, 1.107900975108],
      [8, 0.977184210627],
      [10, 0.887455114998],
      [12, 0.840395004523],
      [16, 0.849518101782],
    ];
    for (const [s, v] of golden) expect(Math.abs((interp.loss[s] ?? NaN) - v)).toBeLessThan(1e-11);
    // The minimum lies past θ′ (f(1.5) > f(1) but the slope at 1 is still negative).
    expect(interp.min.loss).toBeLessThan(0.840395004523);
    expect(interp.min.alpha).toBeGreaterThan(1);
  });

  it('cos(δ_n, η_n) and the norms', () => {
    let d = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < 21; i++) {
      d += (dn[i] ?? 0) * (en[i] ?? 0);
      a += (dn[i] ?? 0) ** 2;
      b += (en[i] ?? 0) ** 2;
    }
    expect(d / Math.sqrt(a * b)).toBeCloseTo(-0.096530843891, 11);
    expect(Math.sqrt(a)).toBeCloseTo(1.366595732782, 11);
  });
});
