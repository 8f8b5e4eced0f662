import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cabs } from '../../../science/complex';
import { partition } from './partition';
import { binaryRhoStar, deltaA, rhoA } from './radius';
import { countZerosInDisk, findZeros, nearestZero } from './zeros';

function expectClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1));
}

// SPEC §1 golden table and ghosts_out.txt: nearest zero (Im > 0), ρ*, and the next zero.
const GOLDEN = [
  {
    name: 'E1',
    z: [0, 0],
    a: [1, -1],
    re: 0,
    im: 1.570796326795,
    rho: 1.570796326795,
    next: [0, 4.712388980385],
  },
  {
    name: 'E2',
    z: [2, 0],
    a: [0, 1],
    re: 2,
    im: 3.14159265359,
    rho: 3.724191778237,
    next: [2, 9.424777960769],
  },
  {
    name: 'E3',
    z: [1, 0, -1],
    a: [1, 0, -1],
    re: -1,
    im: 2.094395102393,
    rho: 2.320881480155,
    next: [-1, 4.188790204786],
  },
  {
    name: 'E4',
    z: [2, 0.5, -1],
    a: [1.5, -0.3, -1.2],
    re: -0.748710794679,
    im: 1.535256799466,
    rho: 1.708092882245,
    next: [-1.835911743975, 3.490658503989],
  },
  {
    name: 'E5',
    z: [0.3, 1.2, -0.4, 0],
    a: [0.8, -1.1, 0.4, 2],
    re: 0.255120739831,
    im: 1.373189759672,
    rho: 1.396687763231,
    next: [0.633044641539, 2.769018641764],
  },
  {
    name: 'E6',
    z: [0, 0, 0],
    a: [1, 0, -1],
    re: 0,
    im: 2.094395102393,
    rho: 2.094395102393,
    next: [0, 4.188790204786],
  },
] as const;

const double = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const line = fc.integer({ min: 2, max: 16 }).chain((k) =>
  fc.record({
    z: fc.array(double(-8, 8), { minLength: k, maxLength: k }),
    a: fc.array(double(-5, 5), { minLength: k, maxLength: k }),
  }),
);
const RUNS = { seed: 42, numRuns: 200 };

describe('nearestZero on the golden cases', () => {
  for (const g of GOLDEN) {
    it(`finds the ${g.name} zero and ρ*, else the exact-radius readout is wrong`, () => {
      const r = nearestZero(g.z, g.a);
      expectClose(r.zero?.re ?? NaN, g.re);
      expectClose(r.zero?.im ?? NaN, g.im);
      expectClose(r.rhoStar, g.rho);
      expect(r.certified).toBe(true);
    });
  }

  it('lists both conjugates, negative Im first, else the plot marks half the ghosts', () => {
    const { zeros } = nearestZero([2, 0.5, -1], [1.5, -0.3, -1.2]);
    expect(zeros.length).toBeGreaterThanOrEqual(4);
    expect(zeros.length).toBeLessThanOrEqual(12);
    expectClose(zeros[0]?.im ?? NaN, -1.535256799466);
    expectClose(zeros[1]?.im ?? NaN, 1.535256799466);
    expectClose(zeros[3]?.re ?? NaN, -1.835911743975);
    for (let i = 1; i < zeros.length; i++) {
      expect(cabs(zeros[i] ?? { re: NaN, im: 0 })).toBeGreaterThanOrEqual(
        cabs(zeros[i - 1] ?? { re: NaN, im: 0 }),
      );
    }
  });

  it('returns no zero and ρ* = ∞ when Δ_a = 0, else an entire loss gets a fake ghost', () => {
    expect(nearestZero([0.1, -3, 2], [0.7, 0.7, 0.7])).toEqual({
      zero: null,
      rhoStar: Infinity,
      certified: true,
      zeros: [],
    });
  });

  it('merges classes with equal slopes, else duplicated a values break Newton', () => {
    // Two halves of the first E1 class: the same F as E1.
    const r = nearestZero([Math.log(0.5), Math.log(0.5), 0], [1, 1, -1]);
    expectClose(r.rhoStar, Math.PI / 2);
    expect(r.certified).toBe(true);
  });

  it('handles Δ_a = 1e-6 (ρ* ≈ 3.3e6) quickly, else a near-flat direction hangs the worker', () => {
    const start = performance.now();
    const r = nearestZero([0, 1, -0.5], [2, 2 + 1e-6, 2 + 5e-7]);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.certified).toBe(true);
    expect(r.rhoStar).toBeGreaterThanOrEqual(rhoA([2, 2 + 1e-6, 2 + 5e-7]));
    expectClose(nearestZero([0, 1], [0, 1e-6]).rhoStar, binaryRhoStar(0, 1, 0, 1e-6));
  });

  it('stays finite and certified for logits ±1e4, else huge logits break the readout', () => {
    const r = nearestZero([1e4, -1e4, 0], [1, -1, 0.5]);
    expect(Number.isFinite(r.rhoStar)).toBe(true);
    expect(r.certified).toBe(true);
  });
});

describe('findZeros and countZerosInDisk on the golden cases', () => {
  for (const g of GOLDEN) {
    it(`lists the first ${g.name} zeros within |t| ≤ 12, else seeding or sorting broke`, () => {
      const zs = findZeros(g.z, g.a, 12);
      const expected = [
        [g.re, -g.im],
        [g.re, g.im],
        [g.next[0], -g.next[1]],
        [g.next[0], g.next[1]],
      ];
      expected.forEach(([re, im], i) => {
        expectClose(zs[i]?.re ?? NaN, re ?? NaN);
        expectClose(zs[i]?.im ?? NaN, im ?? NaN);
      });
      for (const q of zs) expect(cabs(q)).toBeLessThanOrEqual(12);
    });

    it(`counts 0 zeros in 0.999ρ* and 2 in 1.001ρ* for ${g.name}, else the certificate lies`, () => {
      expect(countZerosInDisk(g.z, g.a, 0.999 * g.rho)).toBe(0);
      expect(countZerosInDisk(g.z, g.a, 1.001 * g.rho)).toBe(2);
    });
  }

  it('finds every zero the argument principle counts in a big disk, else zeros go missing', () => {
    const z = [0.3, 1.2, -0.4, 0];
    const a = [0.8, -1.1, 0.4, 2];
    expect(findZeros(z, a, 20).length).toBe(countZerosInDisk(z, a, 20));
    // E1: zeros at iπ(2m+1)/2, so |t| ≤ 100 holds 2·32 of them.
    expect(findZeros([0, 0], [1, -1], 100).length).toBe(64);
  });
});

describe('nearestZero properties (K 2..16, z ∈ [−8, 8], a ∈ [−5, 5])', () => {
  it('reports a true zero, |F e^{-s}| < 1e-8, else ρ* is the modulus of a non-zero', () => {
    fc.assert(
      fc.property(line, ({ z, a }) => {
        const { zero } = nearestZero(z, a);
        if (zero === null) return;
        // Shifting a by min a multiplies F by e^{-t min a}: |F e^{-s}| is unchanged, and a·t
        // stays small when ρ* is huge (tiny Δ_a), so the check itself does not lose digits.
        const lo = Math.min(...a);
        const { F } = partition(
          z,
          a.map((v) => v - lo),
          zero,
        );
        expect(Math.hypot(F.re, F.im)).toBeLessThan(1e-8);
      }),
      RUNS,
    );
  });

  it('keeps every zero off the strip |Im t| < π/Δ_a, else Lemma 4.5 is violated', () => {
    fc.assert(
      fc.property(line, ({ z, a }) => {
        const floor = Math.PI / deltaA(a);
        for (const q of nearestZero(z, a).zeros) {
          expect(Math.abs(q.im)).toBeGreaterThanOrEqual(floor - 1e-9 * Math.max(1, floor));
        }
      }),
      RUNS,
    );
  });

  it('certifies: no zero counted inside 0.999ρ*, else a nearer ghost was missed', () => {
    fc.assert(
      fc.property(line, ({ z, a }) => {
        const r = nearestZero(z, a);
        if (r.zero === null) return;
        expect(countZerosInDisk(z, a, 0.999 * r.rhoStar)).toBe(0);
        expect(r.certified).toBe(true);
      }),
      RUNS,
    );
  });

  it('equals √(δ²+π²)/Δ_a for two classes, else the solver disagrees with Thm 4.3', () => {
    const pair = fc.tuple(double(-8, 8), double(-8, 8), double(-5, 5), double(-5, 5));
    fc.assert(
      fc.property(pair, ([z1, z2, a1, a2]) => {
        fc.pre(a1 !== a2);
        const expected = binaryRhoStar(z1, z2, a1, a2);
        fc.pre(Number.isFinite(expected));
        expectClose(nearestZero([z1, z2], [a1, a2]).rhoStar, expected);
      }),
      RUNS,
    );
  });
});
