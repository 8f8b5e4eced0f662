import { describe, expect, it } from 'vitest';
import { lineLoss } from './partition';
import { deltaA, rhoA } from './radius';
import { atTemperature, realLine, realLineSpan } from './realLine';

function expectClose(actual: number | undefined, expected: number, rel = 1e-9): void {
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(
    rel * Math.max(Math.abs(expected), 1e-300),
  );
}

// SPEC §1 golden E1: z = (0, 0), a = (1, −1), y = 0, ρ* = π/2. The coefficients and Horner are
// tested in taylor.test.ts; this checks the sampled curves a chart draws.
const E1 = { z: [0, 0], a: [1, -1], y: 0, rho: Math.PI / 2 };

describe('realLine (SPEC §1 E1, ghosts_out.txt)', () => {
  // 9 points on [−2ρ*, 2ρ*] put samples at 0.5ρ* (index 5) and 1.5ρ* (index 7).
  const at = (n: number) => realLine(E1.z, E1.a, E1.y, n, -2 * E1.rho, 2 * E1.rho, 9);

  it('samples evenly and ends exactly on the window, else the curve is misplaced', () => {
    const { t } = at(8);
    expect(t).toHaveLength(9);
    expect(t[0]).toBe(-2 * E1.rho);
    expect(t[8]).toBe(2 * E1.rho);
    expectClose(t[5], 0.5 * E1.rho, 1e-15);
  });

  it('hugs L inside ρ*: L = T_32 = 0.1888664061 at 0.5ρ*, else the panel shows false divergence', () => {
    const r = at(32);
    expectClose(r.loss[5], 0.1888664061);
    expectClose(r.taylor[5], 0.1888664061);
    expect(r.coeffs).toHaveLength(33);
  });

  it('blows up beyond ρ*: L = 0.008943181295 but T_16 = −54.55361997, T_32 = −18300.87325 at 1.5ρ*, else the ghost demo lies', () => {
    expectClose(at(16).loss[7], 0.008943181295);
    expectClose(at(16).taylor[7], -54.55361997);
    expectClose(at(32).taylor[7], -18300.87325);
  });

  it('rejects fewer than 2 points or an empty window, else the chart divides by zero', () => {
    expect(() => realLine(E1.z, E1.a, 0, 4, -1, 1, 1)).toThrow(RangeError);
    expect(() => realLine(E1.z, E1.a, 0, 4, 1, 1, 10)).toThrow(RangeError);
  });
});

describe('temperature (Sao 2026 §6.4)', () => {
  it('gives ρ_a(T) = πT/Δ_a for a/T, else the plane and circles ignore T', () => {
    const a = [1.5, -0.3, -1.2];
    for (const T of [0.05, 0.5, 1, 2, 20]) {
      expectClose(rhoA(atTemperature(a, T)), (Math.PI * T) / deltaA(a), 1e-14);
    }
  });

  it('makes L the cross-entropy of the logits (z + t·a)/T, else the real line ignores T', () => {
    const z = [2, 0.5, -1];
    const a = [1.5, -0.3, -1.2];
    const T = 2.5;
    const t = 0.7;
    const logits = z.map((zk, k) => (zk + t * (a[k] ?? 0)) / T);
    const direct = Math.log(logits.reduce((s, l) => s + Math.exp(l), 0)) - (logits[0] ?? 0);
    const r = realLine(atTemperature(z, T), atTemperature(a, T), 0, 40, -t, t, 2);
    expectClose(r.loss[1], direct, 1e-12);
    expectClose(lineLoss(atTemperature(z, T), atTemperature(a, T), 0, t), direct, 1e-12);
    // Inside ρ* the series converges to the same loss.
    expectClose(r.taylor[1], direct, 1e-8);
  });

  it('rejects a non-positive temperature, else a division by zero reaches the plane', () => {
    expect(() => atTemperature([1], 0)).toThrow(RangeError);
    expect(() => atTemperature([1], NaN)).toThrow(RangeError);
  });
});

describe('realLineSpan', () => {
  it('is ±2ρ*, or a finite window when ρ* is infinite, else the chart has no x range', () => {
    expect(realLineSpan(1.5, 0.9)).toBe(3);
    expect(realLineSpan(Infinity, 0.9)).toBe(4);
    expect(realLineSpan(Infinity, 5)).toBe(10);
  });
});
