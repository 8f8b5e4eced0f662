import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../../science/rng';
import { Mlp } from '../../../models/mlp/mlp';
import { controllerScale, exactBatchRadius, sampleRadii } from './sampleRadii';

describe('sampleRadii', () => {
  it('matches the SPEC batch {E1, E2, E4}: ρ_a = π/2.7 set by E4, else the batch bound is wrong', () => {
    // a rows of E1, E2 (padded with a repeated slope, which leaves Δ_a alone) and E4.
    const a = Float64Array.from([1, -1, -1, 0, 1, 1, 1.5, -0.3, -1.2]);
    const r = sampleRadii(a, 3, 3);
    expect(r.batchRhoA).toBeCloseTo(1.16355283466, 10);
    expect(r.argmax).toBe(2);
    expect(Array.from(r.rhoA)).toEqual([Math.PI / 2, Math.PI, Math.PI / 2.7]);
  });

  it('never puts the batch ρ_a above a per-sample ρ_a on a real network, else it is not a bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const rng = new Rng(seed);
        const mlp = new Mlp({ d: 4, h: 6, k: 5, activation: 'tanh' });
        const params = mlp.init(rng);
        const n = 8;
        const x = Float32Array.from({ length: n * 4 }, () => rng.normal());
        const v = Float64Array.from({ length: mlp.size }, () => rng.normal());
        const r = sampleRadii(mlp.jvp(params, x, n, v).a, n, 5);
        for (const rho of r.rhoA) expect(rho).toBeGreaterThanOrEqual(r.batchRhoA);
        expect(r.rhoA[r.argmax]).toBe(r.batchRhoA);
      }),
      { numRuns: 50 },
    );
  });

  it('gives ρ_a ≤ exact ρ*_B from the zero finder, else the bound of Thm 4.6 is violated', () => {
    const rng = new Rng(5);
    const mlp = new Mlp({ d: 4, h: 6, k: 3, activation: 'relu' });
    const params = mlp.init(rng);
    const x = Float32Array.from({ length: 16 }, () => rng.normal());
    const v = Float64Array.from({ length: mlp.size }, () => rng.normal());
    const { logits, a } = mlp.jvp(params, x, 4, v);
    const exact = exactBatchRadius(logits, a, 4, 3);
    expect(exact.rhoA).toBeCloseTo(sampleRadii(a, 4, 3).batchRhoA, 12);
    expect(exact.rhoA).toBeLessThanOrEqual(exact.rhoStarB * (1 + 1e-9));
  });
});

describe('controllerScale', () => {
  it('matches the SPEC clip example (‖p‖ = 3 on the E-batch), else the controller is miswired', () => {
    const c = controllerScale(1.16355283466, 3);
    expect(c.r).toBeCloseTo(2.57831, 5);
    expect(c.s).toBeCloseTo(0.387851, 6);
  });

  it('keeps r = ‖s·p‖/ρ_a ≤ 1 + 1e-9 and leaves safe steps alone, else it overshoots the radius', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        (rho, pNorm) => {
          const { s } = controllerScale(rho, pNorm);
          expect((s * pNorm) / rho).toBeLessThanOrEqual(1 + 1e-9);
          if (pNorm <= rho) expect(s).toBe(1);
        },
      ),
    );
  });
});
