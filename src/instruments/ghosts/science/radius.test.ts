import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  batchRadius,
  binaryRhoStar,
  clipController,
  deltaA,
  normalizedStep,
  rhoA,
  top2Ghost,
} from './radius';
import { nearestZero } from './zeros';

/** |actual − expected| ≤ rel·|expected| (absolute rel when expected is 0). */
function expectClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1));
}

// SPEC §1 golden table: z ; a ; y ; ρ_a.
const GOLDEN = [
  { name: 'E1', z: [0, 0], a: [1, -1], y: 0, rhoA: 1.570796326795 },
  { name: 'E2', z: [2, 0], a: [0, 1], y: 0, rhoA: Math.PI },
  { name: 'E3', z: [1, 0, -1], a: [1, 0, -1], y: 0, rhoA: Math.PI / 2 },
  { name: 'E4', z: [2, 0.5, -1], a: [1.5, -0.3, -1.2], y: 0, rhoA: 1.16355283466 },
  { name: 'E5', z: [0.3, 1.2, -0.4, 0], a: [0.8, -1.1, 0.4, 2], y: 2, rhoA: 1.01341698503 },
  { name: 'E6', z: [0, 0, 0], a: [1, 0, -1], y: 1, rhoA: Math.PI / 2 },
] as const;

// ghosts_out.txt: rho_top2 per case.
const TOP2 = [
  1.570796326795,
  3.724191778237,
  3.296908309476,
  1.93406790013,
  2.35037627258,
  Math.PI,
];

const line = fc.integer({ min: 2, max: 16 }).chain((k) =>
  fc.record({
    z: fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: k, maxLength: k }),
    a: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
  }),
);

describe('deltaA and rhoA', () => {
  it('matches ρ_a of golden E1–E6, else the lower-bound readout is wrong', () => {
    for (const g of GOLDEN) expectClose(rhoA(g.a), g.rhoA);
  });

  it('gives Δ_a = max a − min a, else every radius is scaled wrongly', () => {
    expect(deltaA([1.5, -0.3, -1.2])).toBeCloseTo(2.7, 15);
    expect(deltaA([])).toBe(0);
  });

  it('scales ρ_a linearly with temperature, else the temperature slider lies (§6.4)', () => {
    expectClose(rhoA([1, -1], 0.25), Math.PI / 8);
  });

  it('returns Infinity for equal slopes, else an entire loss shows a finite radius', () => {
    expect(rhoA([0.7, 0.7, 0.7])).toBe(Infinity);
    expect(binaryRhoStar(1, 2, 3, 3)).toBe(Infinity);
  });

  it('never exceeds the exact ρ*, else the "guaranteed safe" bound is not one (Thm 4.6)', () => {
    fc.assert(
      fc.property(line, ({ z, a }) => {
        expect(rhoA(a)).toBeLessThanOrEqual(nearestZero(z, a).rhoStar * (1 + 1e-9));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('binaryRhoStar', () => {
  it('gives √(δ²+π²)/Δ_a for E1 and E2, else the two-class formula is misread (Thm 4.3)', () => {
    expectClose(binaryRhoStar(0, 0, 1, -1), 1.570796326795);
    expectClose(binaryRhoStar(2, 0, 0, 1), 3.724191778237);
  });
});

describe('top2Ghost', () => {
  it('matches rho_top2 of every golden case, else the Eq. 13 readout is wrong', () => {
    GOLDEN.forEach((g, i) => expectClose(top2Ghost(g.z, g.a, g.y).rho, TOP2[i] ?? NaN));
  });

  it('uses the repo sign Re = δ/(a_c − a_y) on E5, else the ghost is drawn mirrored', () => {
    const ghost = top2Ghost([0.3, 1.2, -0.4, 0], [0.8, -1.1, 0.4, 2], 2);
    expect(ghost.competitor).toBe(1);
    expectClose(ghost.zero.re, -1.6 / -1.5);
    expectClose(ghost.zero.im, Math.PI / 1.5);
  });

  it('exceeds the true ρ* on E5 (2.350 > 1.397), else we would wrongly present it as a bound', () => {
    const ghost = top2Ghost([0.3, 1.2, -0.4, 0], [0.8, -1.1, 0.4, 2], 2);
    expectClose(ghost.rho, 2.35037627258);
    expect(ghost.rho).toBeGreaterThan(
      nearestZero([0.3, 1.2, -0.4, 0], [0.8, -1.1, 0.4, 2]).rhoStar,
    );
  });

  it('is the true nearest zero for two classes, else the sign/conjugate convention broke', () => {
    const ghost = top2Ghost([2, 0], [0, 1], 0);
    const exact = nearestZero([2, 0], [0, 1]).zero;
    expectClose(ghost.zero.re, exact?.re ?? NaN);
    expectClose(ghost.zero.im, exact?.im ?? NaN);
  });

  it('rejects a label out of range, else it would silently read undefined logits', () => {
    expect(() => top2Ghost([0, 1], [0, 1], 2)).toThrow(RangeError);
  });
});

describe('batch radius and controller', () => {
  const batch = [
    { z: [0, 0], a: [1, -1] },
    { z: [2, 0], a: [0, 1] },
    { z: [2, 0.5, -1], a: [1.5, -0.3, -1.2] },
  ];

  it('gives ρ*_B = π/2 and ρ_a = π/2.7 for {E1, E2, E4}, else the batch readouts are wrong', () => {
    const r = batchRadius(batch);
    expectClose(r.rhoStarB, Math.PI / 2);
    expectClose(r.rhoA, 1.163552835, 1e-9);
    expect(r.argminRhoStar).toBe(0);
    expect(r.argmaxDeltaA).toBe(2);
  });

  it('keeps ρ_a ≤ ρ*_B, else the batch bound is not a bound (Def. 4.7)', () => {
    const r = batchRadius(batch);
    expect(r.rhoA).toBeLessThanOrEqual(r.rhoStarB);
  });

  it('gives r = 2.578310 and s = 0.387851 for ‖p‖ = 3, else the clip controller is wrong', () => {
    const c = clipController(Math.PI / 2.7, 3);
    expect(c.r).toBeCloseTo(2.57831, 6);
    expect(c.s).toBeCloseTo(0.387851, 6);
    expectClose(c.clippedNorm, Math.PI / 2.7);
  });

  it('leaves short steps alone (s = 1), else the controller shrinks safe steps', () => {
    const c = clipController(Math.PI / 2.7, 0.5);
    expect(c.s).toBe(1);
    expect(c.r).toBeCloseTo(0.429718, 6);
    expect(clipController(1, 0).s).toBe(1);
  });

  it('gives r = τ/ρ_a, else the normalized-step slider is mislabelled (Eq. 17)', () => {
    expectClose(normalizedStep(3, Math.PI / 2.7), 2.5783100780887);
  });

  it('handles an empty batch without NaN, else an empty selection breaks the view', () => {
    expect(batchRadius([])).toEqual({
      rhoA: Infinity,
      rhoStarB: Infinity,
      argmaxDeltaA: -1,
      argminRhoStar: -1,
    });
  });
});
