/**
 * SPEC §4 golden values (../shared/science/golden/entropy.py → entropy_out.txt), to 1e-9
 * relative where the file prints enough digits. A failure means the science path no longer
 * computes the paper's quantities (entropy, the covariance law, the fit, the token rules).
 */
import { describe, expect, it } from 'vitest';
import { divergenceGrad, divergenceValue } from './divergence';
import { fitExpLaw } from './fit';
import { entropyOf, softmax } from './policy';
import { EntropyRun } from './runner';
import { clipCovSelect, klCovSelect, selectCount, steerWeights, tokenCov } from './tokens';
import { DEFAULT_UPDATE, type Alg, type Divergence } from './types';
import { oneStep, relErr } from './oneStep.test-util';

// The one-step table of entropy_out.txt: [z, r, alg, η, ΔH exact, ΔH first order].
const TABLE = `
0,0,0,0|1,0,0,0|pg|0.01|-5.864256664712e-07|0
0,0,0,0|1,0,0,0|pg|0.1|-5.908084856654e-05|0
0,0,0,0|1,0,0,0|pg|0.5|-1.525042557612e-03|0
0,0,0,0|1,0,0,0|pg|1|-6.332286279834e-03|0
0,0,0,0|1,0,0,0|npg|0.01|-9.406220312203e-06|0
0,0,0,0|1,0,0,0|npg|0.1|-9.684174676754e-04|0
0,0,0,0|1,0,0,0|npg|0.5|-2.703279708342e-02|0
0,0,0,0|1,0,0,0|npg|1|-1.179928669099e-01|0
2,1,0,-1|1,0,0,0|pg|0.01|-1.017594754896e-03|-1.016551809033e-03
2,1,0,-1|1,0,0,0|pg|0.1|-1.026801283592e-02|-1.016551809033e-02
2,1,0,-1|1,0,0,0|pg|0.5|-5.318803802160e-02|-5.082759045165e-02
2,1,0,-1|1,0,0,0|pg|1|-1.100818221186e-01|-1.016551809033e-01
2,1,0,-1|1,0,0,0|npg|0.01|-3.273601820227e-03|-3.266881389154e-03
2,1,0,-1|1,0,0,0|npg|0.1|-3.330230941516e-02|-3.266881389154e-02
2,1,0,-1|1,0,0,0|npg|0.5|-1.748516528380e-01|-1.633440694577e-01
2,1,0,-1|1,0,0,0|npg|1|-3.524502778102e-01|-3.266881389154e-01
2,1,0,-1|0,0,0,1|pg|0.01|7.974186900095e-05|7.973885929149e-05
2,1,0,-1|0,0,0,1|pg|0.1|7.976894094228e-04|7.973885929149e-04
2,1,0,-1|0,0,0,1|pg|0.5|3.994445858077e-03|3.986942964574e-03
2,1,0,-1|0,0,0,1|pg|1|8.003806549307e-03|7.973885929149e-03
2,1,0,-1|0,0,0,1|npg|0.01|8.012986200520e-04|7.991096513310e-04
2,1,0,-1|0,0,0,1|npg|0.1|8.210912100907e-03|7.991096513310e-03
2,1,0,-1|0,0,0,1|npg|0.5|4.547815239289e-02|3.995548256655e-02
2,1,0,-1|0,0,0,1|npg|1|1.011681385703e-01|7.991096513310e-02
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|pg|0.01|9.245010390679e-05|9.255762330493e-05
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|pg|0.1|9.147639460911e-04|9.255762330493e-04
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|pg|0.5|4.350838372084e-03|4.627881165246e-03
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|pg|1|8.113673145450e-03|9.255762330493e-03
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|npg|0.01|2.283205683877e-04|2.313912453340e-04
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|npg|0.1|1.997825297131e-03|2.313912453340e-03
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|npg|0.5|2.650513412040e-03|1.156956226670e-02
0.5,0.2,-0.3,0,1|0.2,1,0,0.5,0.3|npg|1|-1.751922319413e-02|2.313912453340e-02`;

const vec = (s: string): number[] => s.split(',').map(Number);

describe('entropy golden values (SPEC §4)', () => {
  it('uniform K=4 has H = log 4', () => {
    expect(relErr(entropyOf(softmax([0, 0, 0, 0])), 1.38629436112)).toBeLessThan(1e-11);
  });

  it.each(TABLE.trim().split('\n'))('one step, exact and first-order ΔH: %s', (row) => {
    const [z, r, alg, eta, exact, first] = row.split('|') as [
      string,
      string,
      Alg,
      string,
      string,
      string,
    ];
    const got = oneStep(vec(z), vec(r), alg, Number(eta));
    expect(relErr(got.dhExact, Number(exact))).toBeLessThan(1e-9);
    if (Number(first) === 0) expect(Math.abs(got.dhPred)).toBeLessThan(1e-15);
    else expect(relErr(got.dhPred, Number(first))).toBeLessThan(1e-9);
  });

  it('the PG trajectory and its fit equal the exact recursion', () => {
    const r = [1, 0.8, 0.2, 0];
    const run = new EntropyRun({
      problem: { seed: 1, B: 1, K: 4, init: 'zero', initScale: 0, rewards: r },
      update: { ...DEFAULT_UPDATE, alg: 'pg', lr: 1 },
    });
    run.stepTo(200);
    const H = run.method.H.view();
    const R = run.method.R.view();
    expect(relErr(H[10] ?? NaN, 1.038909323941)).toBeLessThan(1e-11);
    expect(relErr(R[10] ?? NaN, 0.816842919182)).toBeLessThan(1e-11);
    expect(relErr(H[100] ?? NaN, 0.125225510289)).toBeLessThan(1e-10);
    expect(relErr(R[100] ?? NaN, 0.990860186958)).toBeLessThan(1e-11);
    const fit = run.readouts(1);
    expect(Math.abs(fit.fitA - 0.127524279)).toBeLessThan(1e-9);
    expect(Math.abs(fit.fitB - 1.138198175)).toBeLessThan(1e-9);
    expect(Math.abs(fit.ceiling - 1.010673896)).toBeLessThan(1e-9);
    // The recursion of golden/entropy.py written out, and its two-pass fit.
    const ref = recursion(r, 200);
    const two = fitExpLaw(ref.H, ref.R);
    expect(relErr(fit.fitA, two.a)).toBeLessThan(1e-9);
    expect(relErr(fit.fitB, two.b)).toBeLessThan(1e-9);
    for (let t = 0; t <= 200; t++) expect(relErr(H[t] ?? NaN, ref.H[t] ?? NaN)).toBeLessThan(1e-9);
    expect(fit.fitR2).toBeGreaterThan(0.9);
  });

  it('the fit recovers a = 2, b = 3 from exact data', () => {
    const H = [0, 0.5, 1];
    const fit = fitExpLaw(
      H,
      H.map((h) => -2 * Math.exp(h) + 3),
    );
    expect(relErr(fit.a, 2)).toBeLessThan(1e-12);
    expect(relErr(fit.b, 3)).toBeLessThan(1e-12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  describe('token batch of 10', () => {
    const pi = softmax([2, 1, 0, -1]);
    const acts = [0, 0, 1, 3, 0, 2, 1, 0, 3, 0];
    const rew = [1, 1, 0, 1, 1, 0, 0, 1, 0, 1];
    const m = rew.reduce((s, v) => s + v, 0) / 10;
    const sd = Math.sqrt(rew.reduce((s, v) => s + (v - m) ** 2, 0) / 10);
    const A = rew.map((v) => (v - m) / (sd + 1e-6));
    const logp = acts.map((a) => Math.log(pi[a] ?? NaN));
    const cov = new Float64Array(10);
    tokenCov(A, logp, 10, cov);

    it('Cov_i', () => {
      const want = [
        0.816494914, 0.816494914, 0, -1.632989829, 0.816494914, 1.224742371, 0, 0.816494914,
        2.449484743, 0.816494914,
      ];
      want.forEach((w, i) => expect(Math.abs((cov[i] ?? NaN) - w)).toBeLessThan(1e-9));
    });

    it('KL-Cov selects {8} at k=0.002 and {5, 8} at k=0.2', () => {
      const sel = new Uint8Array(10);
      klCovSelect(cov, 10, 0.002, sel);
      expect(indices(sel)).toEqual([8]);
      klCovSelect(cov, 10, 0.2, sel);
      expect(indices(sel)).toEqual([5, 8]);
    });

    it('Clip-Cov candidates are {5, 8} for (1, 5) and {0,1,4,5,7,8,9} for (0.2, 5)', () => {
      const sel = new Uint8Array(10);
      clipCovSelect(cov, new Float64Array(10), 10, 1, 1, 5, sel);
      expect(indices(sel)).toEqual([5, 8]);
      clipCovSelect(cov, new Float64Array(10), 10, 1, 0.2, 5, sel);
      expect(indices(sel)).toEqual([0, 1, 4, 5, 7, 8, 9]);
      expect(selectCount(2e-4, 10)).toBe(1);
      const keys = Float64Array.from([9, 9, 9, 9, 9, 7, 9, 9, 3, 9]);
      clipCovSelect(cov, keys, 10, 2e-4, 1, 5, sel);
      expect(indices(sel)).toEqual([8]);
    });

    it('STEER exponential-mode weights', () => {
      const H = entropyOf(pi);
      const w = new Float64Array(10);
      const piTok = acts.map((a) => pi[a] ?? NaN);
      steerWeights(
        A,
        piTok,
        logp,
        acts.map(() => H),
        10,
        0.8,
        w,
      );
      const want = [
        0.988922912, 0.988922912, 0.965827459, 0.861773876, 0.988922912, 0.881598513, 0.965827459,
        0.988922912, 0.8, 0.988922912,
      ];
      want.forEach((v, i) => expect(Math.abs((w[i] ?? NaN) - v)).toBeLessThan(1e-9));
    });
  });

  describe('divergences to π_ref', () => {
    const z = [2, 1, 0, -1];
    const zr = [0, 0.5, 0.5, 0];
    const logs = (v: number[]): Float64Array => softmax(v).map(Math.log);
    const cases: [Divergence, number, number[]][] = [
      ['rkl', 0.557673632349, [0.431010986, -0.196764146, -0.159529803, -0.074717036]],
      ['fkl', 0.584195199422, [0.455143925, -0.074346848, -0.224085347, -0.156711731]],
      ['js', 0.132487875175, [0.097066945, -0.03320331, -0.041883564, -0.02198007]],
    ];
    it.each(cases)('%s: value, gradient and finite differences', (kind, value, grad) => {
      expect(relErr(divergenceValue(kind, logs(z), logs(zr), 4), value)).toBeLessThan(1e-11);
      const g = new Float64Array(4);
      divergenceGrad(kind, softmax(z), logs(z), logs(zr), 4, g);
      const h = 1e-5;
      for (let k = 0; k < 4; k++) {
        expect(Math.abs((g[k] ?? NaN) - (grad[k] ?? NaN))).toBeLessThan(1e-9);
        const zp = z.map((v, i) => (i === k ? v + h : v));
        const zm = z.map((v, i) => (i === k ? v - h : v));
        const fd =
          (divergenceValue(kind, logs(zp), logs(zr), 4) -
            divergenceValue(kind, logs(zm), logs(zr), 4)) /
          (2 * h);
        expect(Math.abs(fd - (g[k] ?? NaN))).toBeLessThan(1e-9);
      }
    });
  });

  it.each([
    ['none', 'fkl', 0.253908],
    ['div', 'rkl', 0.717445],
    ['div', 'fkl', 0.861452],
    ['div', 'js', 0.657513],
  ] as const)('two correct arms, exact PG with %s %s: H after 300 steps', (method, div, H) => {
    const run = new EntropyRun({
      problem: {
        seed: 1,
        B: 1,
        K: 4,
        init: 'zero',
        initScale: 0,
        rewards: [1, 1, 0, 0],
        z0: [0.3, 0, 0, 0],
      },
      update: { ...DEFAULT_UPDATE, alg: 'pg', lr: 1, method, div, divCoef: 0.1 },
    });
    run.stepTo(300);
    expect(Math.abs(run.readouts(1).entropy - H)).toBeLessThan(1e-6);
  });
});

function indices(sel: Uint8Array): number[] {
  return [...sel].flatMap((v, i) => (v === 1 ? [i] : []));
}

function recursion(r: number[], steps: number): { H: number[]; R: number[] } {
  let z = r.map(() => 0);
  const H: number[] = [];
  const R: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / s);
    const J = p.reduce((a, v, i) => a + v * (r[i] ?? 0), 0);
    H.push(-p.reduce((a, v) => a + v * Math.log(v), 0));
    R.push(J);
    z = z.map((v, i) => v + (p[i] ?? 0) * ((r[i] ?? 0) - J));
  }
  return { H, R };
}
