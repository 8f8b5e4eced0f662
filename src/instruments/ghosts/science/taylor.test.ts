import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lineLoss } from './partition';
import { deltaA } from './radius';
import { horner, taylorCoeffs } from './taylor';
import { nearestZero } from './zeros';

function expectClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    rel * Math.max(Math.abs(expected), 1e-300),
  );
}

// ghosts_out.txt "Taylor c_0..c_6 of L(t)" rows (12 significant digits).
const ROWS = [
  {
    name: 'E2',
    z: [2, 0],
    a: [0, 1],
    y: 0,
    c: [
      0.126928011043, 0.119202922022, 0.0524967927018, 0.0133270835094, 0.00161881948118,
      -0.000173200792904, -0.000120592308127,
    ],
  },
  {
    name: 'E3',
    z: [1, 0, -1],
    a: [1, 0, -1],
    y: 0,
    c: [
      0.407605964444, -0.424789617396, 0.212202272345, -0.0579122405983, 0.00259973057957,
      0.00496121596125, -0.00189316921397,
    ],
  },
  {
    name: 'E4',
    z: [2, 0.5, -1],
    a: [1.5, -0.3, -1.2],
    y: 0,
    c: [
      0.241311296657, -0.421126653683, 0.337861935617, -0.143960753765, 0.0143093813952,
      0.0214118988946, -0.0123368231379,
    ],
  },
  {
    name: 'E5',
    z: [0.3, 1.2, -0.4, 0],
    a: [0.8, -1.1, 0.4, 2],
    y: 2,
    c: [
      2.24692541978, -0.4479651993, 0.707689023526, 0.147389526655, -0.103317713719,
      -0.0617855744066, 0.0204428178918,
    ],
  },
  {
    name: 'E6',
    z: [0, 0, 0],
    a: [1, 0, -1],
    y: 1,
    c: [1.09861228867, 0, 0.333333333333, 0, -0.0277777777778, 0, 0.00401234567901],
  },
];

describe('taylorCoeffs', () => {
  it('gives E1 c = (log 2, −1, 1/2, 0, −1/12, 0, 1/45), else the cumulant series is wrong', () => {
    const c = taylorCoeffs([0, 0], [1, -1], 0, 6);
    const expected = [Math.LN2, -1, 0.5, 0, -1 / 12, 0, 1 / 45];
    expect(c).toHaveLength(7);
    expected.forEach((v, i) => expect(Math.abs((c[i] ?? NaN) - v)).toBeLessThan(1e-15));
  });

  for (const row of ROWS) {
    it(`matches the ${row.name} c_0..c_6 golden row, else the recursion or its shift is off`, () => {
      const c = taylorCoeffs(row.z, row.a, row.y, 40);
      row.c.forEach((v, i) => {
        if (v === 0) expect(Math.abs(c[i] ?? NaN)).toBeLessThan(1e-15);
        else expectClose(c[i] ?? NaN, v);
      });
    });
  }

  it('returns only c_0 for n = 0, else a zero order reads past the series', () => {
    expect(taylorCoeffs([0, 0], [1, -1], 0, 0)).toEqual([Math.LN2]);
  });

  it('stays finite for logits ±1e4, else large logits overflow the weights', () => {
    for (const v of taylorCoeffs([1e4, -1e4, 0], [1, -1, 0.5], 1, 40)) {
      expect(Number.isFinite(v)).toBe(true);
    }
  });
});

describe('Taylor polynomial T_n of E1 (ghosts_out.txt)', () => {
  const rho = Math.PI / 2;
  const c = taylorCoeffs([0, 0], [1, -1], 0, 32);
  const T = (n: number, t: number) => horner(c.slice(0, n + 1), t);

  it('converges at 0.5ρ* (T_32 = L = 0.1888664061), else the series inside ρ* is broken', () => {
    expectClose(T(32, 0.5 * rho), 0.1888664061);
    expectClose(T(16, 0.5 * rho), 0.18886606);
  });

  it('diverges at 1.5ρ* (T_16 = −54.55361997, T_32 = −18300.87325), else the ghost demo lies', () => {
    expectClose(T(16, 1.5 * rho), -54.55361997);
    expectClose(T(32, 1.5 * rho), -18300.87325);
    expectClose(lineLoss([0, 0], [1, -1], 0, 1.5 * rho), 0.008943181295);
  });
});

describe('horner', () => {
  it('evaluates Σ c_k t^k, else every T_n curve is wrong', () => {
    expect(horner([1, -2, 3], 2)).toBe(1 - 4 + 12);
    expect(horner([], 5)).toBe(0);
  });
});

describe('Taylor convergence property (K 2..16, z ∈ [−8, 8], a ∈ [−5, 5])', () => {
  it('has T_32 within 1e-6 relative of L(t) for |t| ≤ 0.5ρ*, else coefficients lose accuracy', () => {
    const arb = fc.integer({ min: 2, max: 16 }).chain((k) =>
      fc.record({
        z: fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: k, maxLength: k }),
        a: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
        y: fc.integer({ min: 0, max: k - 1 }),
        u: fc.double({ min: -1, max: 1, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ z, a, y, u }) => {
        // c_n scales like Δ_aⁿ, which underflows f64 for a nearly flat direction.
        fc.pre(deltaA(a) > 1e-3);
        const t = 0.5 * u * nearestZero(z, a).rhoStar;
        const c = taylorCoeffs(z, a, y, 32);
        const L = lineLoss(z, a, y, t);
        const err = (n: number) => Math.abs(horner(c.slice(0, n + 1), t) - L);
        expect(err(32)).toBeLessThanOrEqual(1e-6 * Math.abs(L) + 1e-300);
        expect(err(32)).toBeLessThanOrEqual(err(4) + 1e-15 * Math.max(1, Math.abs(L)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
