import { describe, it, expect } from 'vitest';
import { LOG_FLOOR, lineLoss, partition, planeField, type PlaneGrid } from './partition';

function expectClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1));
}

/** Unscaled F(t) = Σ e^{z_k + a_k t} by plain complex arithmetic, for small logits only. */
function naiveF(z: readonly number[], a: readonly number[], re: number, im: number) {
  let fr = 0;
  let fi = 0;
  z.forEach((zk, k) => {
    const ak = a[k] ?? 0;
    const m = Math.exp(zk + ak * re);
    fr += m * Math.cos(ak * im);
    fi += m * Math.sin(ak * im);
  });
  return { re: fr, im: fi };
}

const Z = [0.3, 1.2, -0.4, 0];
const A = [0.8, -1.1, 0.4, 2];

describe('partition', () => {
  it('equals Σ e^{z+at} times e^{-s}, else Newton and the plane use a wrong F', () => {
    const t = { re: 0.7, im: -1.3 };
    const { F, s } = partition(Z, A, t);
    const ref = naiveF(Z, A, t.re, t.im);
    expectClose(F.re * Math.exp(s), ref.re, 1e-12);
    expectClose(F.im * Math.exp(s), ref.im, 1e-12);
    expectClose(s, Math.max(...Z.map((zk, k) => zk + (A[k] ?? 0) * t.re)), 1e-15);
  });

  it("gives F' matching a finite difference, else Newton steps go the wrong way", () => {
    const t = { re: -0.2, im: 0.9 };
    const h = 1e-6;
    const { dF, s } = partition(Z, A, t);
    const up = naiveF(Z, A, t.re + h, t.im);
    const down = naiveF(Z, A, t.re - h, t.im);
    expect(dF.re * Math.exp(s)).toBeCloseTo((up.re - down.re) / (2 * h), 7);
    expect(dF.im * Math.exp(s)).toBeCloseTo((up.im - down.im) / (2 * h), 7);
  });

  it('vanishes at the E1 zero iπ/2, else the zero set of the golden case moved', () => {
    const { F } = partition([0, 0], [1, -1], { re: 0, im: Math.PI / 2 });
    expect(Math.hypot(F.re, F.im)).toBeLessThan(1e-15);
  });

  it('stays finite for logits ±1e4, else large logits overflow to NaN', () => {
    const r = partition([1e4, -1e4, 0], [1, -1, 0.5], { re: 3, im: 2 });
    for (const v of [r.F.re, r.F.im, r.dF.re, r.dF.im, r.s]) expect(Number.isFinite(v)).toBe(true);
    expect(Math.hypot(r.F.re, r.F.im)).toBeCloseTo(1, 12);
  });
});

describe('lineLoss', () => {
  // ghosts_out.txt: L at t = 0.5ρ* and 1.5ρ* for E1 and E5.
  it('matches the golden L(t) of E1 and E5, else the loss curve is wrong', () => {
    const r1 = 1.570796326795;
    expectClose(lineLoss([0, 0], [1, -1], 0, 0.5 * r1), 0.1888664061);
    expectClose(lineLoss([0, 0], [1, -1], 0, 1.5 * r1), 0.008943181295);
    const r5 = 1.396687763231;
    expectClose(lineLoss(Z, A, 2, 0.5 * r5), 2.298615388);
    expectClose(lineLoss(Z, A, 2, 1.5 * r5), 3.881100424);
  });

  it('equals logsumexp(z + ta) − z_y − a_y t, else the definition drifted (§3.2)', () => {
    for (const t of [-2, -0.3, 0, 0.4, 3]) {
      const f = naiveF(Z, A, t, 0).re;
      expectClose(lineLoss(Z, A, 1, t), Math.log(f) - (Z[1] ?? 0) - (A[1] ?? 0) * t, 1e-12);
    }
  });

  it('is finite and exact for logits ±1e4, else large logits give Infinity or NaN', () => {
    expectClose(lineLoss([1e4, -1e4], [1, -1], 1, 3), 2e4 + 6, 1e-15);
    expect(lineLoss([1e4, -1e4], [1, -1], 0, 3)).toBe(0);
  });

  it('keeps tiny losses to full relative precision, else log-scale plots show noise', () => {
    // L = log(1 + e^{-30}) ≈ e^{-30}.
    expectClose(lineLoss([30, 0], [0, 0], 0, 0), Math.exp(-30), 1e-12);
  });
});

describe('planeField', () => {
  const grid: PlaneGrid = { width: 5, height: 4, reMin: -2, reMax: 1, imMin: -0.5, imMax: 2.5 };

  it('matches partition at pixel centres, else the CPU oracle disagrees with its own maths', () => {
    const field = planeField(grid, Z, A);
    for (const [i, j] of [
      [0, 0],
      [4, 0],
      [2, 1],
      [0, 3],
      [4, 3],
    ] as const) {
      const re = grid.reMin + ((i + 0.5) * (grid.reMax - grid.reMin)) / grid.width;
      const im = grid.imMax - ((j + 0.5) * (grid.imMax - grid.imMin)) / grid.height;
      const { F } = partition(Z, A, { re, im });
      const o = 2 * (j * grid.width + i);
      expect(field[o]).toBeCloseTo(Math.log(Math.hypot(F.re, F.im)), 5);
      expect(field[o + 1]).toBeCloseTo(Math.atan2(F.im, F.re), 5);
    }
  });

  it('puts row 0 at the top (largest Im), else the picture is upside down', () => {
    // Conjugate points have opposite phase: a flipped grid would swap the signs below.
    const g: PlaneGrid = { width: 1, height: 2, reMin: 0, reMax: 0.2, imMin: -1, imMax: 1 };
    const field = planeField(g, Z, A);
    const top = partition(Z, A, { re: 0.1, im: 0.5 }).F;
    expect(Math.atan2(top.im, top.re)).not.toBeCloseTo(0, 3);
    expect(field[1]).toBeCloseTo(Math.atan2(top.im, top.re), 5);
    expect(field[3]).toBeCloseTo(-Math.atan2(top.im, top.re), 5);
  });

  it('clamps log|F| to −30 on a zero, else a pixel on a ghost becomes −Infinity', () => {
    // One pixel centred exactly on the E1 zero iπ/2.
    const g: PlaneGrid = {
      width: 1,
      height: 1,
      reMin: -1,
      reMax: 1,
      imMin: Math.PI / 2 - 1,
      imMax: Math.PI / 2 + 1,
    };
    expect(planeField(g, [0, 0], [1, -1])[0]).toBe(LOG_FLOOR);
  });

  it('stays finite for logits ±1e4, else the heat map fills with NaN', () => {
    const field = planeField(grid, [1e4, -1e4, 0], [1, -1, 0.5]);
    for (const v of field) expect(Number.isFinite(v)).toBe(true);
  });

  it('gives arguments in (−π, π], else the phase colour wheel wraps twice', () => {
    const field = planeField({ ...grid, width: 40, height: 40 }, [0, 0], [1, -1]);
    for (let o = 1; o < field.length; o += 2) {
      expect(field[o]).toBeGreaterThan(-Math.PI - 1e-6);
      expect(field[o]).toBeLessThanOrEqual(Math.fround(Math.PI));
    }
  });

  it('writes into a caller buffer of the right size and rejects others, else it leaks memory', () => {
    const out = new Float32Array(2 * grid.width * grid.height);
    expect(planeField(grid, Z, A, out)).toBe(out);
    expect(() => planeField(grid, Z, A, new Float32Array(3))).toThrow(RangeError);
  });
});
