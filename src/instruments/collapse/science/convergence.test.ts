/**
 * Issue 10's requirement: with the default step rule (stepRule.ts, α = 1), step 5000 reaches the
 * SPEC §5 closed forms to 1e-3 relative for counts ≤ 50 per class and λ_W, λ_H ∈ [1e-3, 1e-1].
 * Exception, by necessity: a class within 1% of the minority-collapse threshold (|√n_k − g| <
 * 0.01·√n_k, g = N√(λ_Wλ_H)) sits at a pitchfork bifurcation where no first-order method
 * converges linearly; the last test measures how far off it is there.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type ClassCounts, collapseConfig } from './config';
import { CollapseRun } from './runner';
import { mseImbalancedClosedForm } from './closedForms';

const lam = fc.double({ min: -3, max: -1, noNaN: true }).map((e) => 10 ** e);

/** Max relative error of ‖μ_k‖² and ‖w_k‖² at step 5000 (absolute where the closed form is 0). */
function errorAt5000(
  loss: 'ce' | 'mse',
  counts: ClassCounts,
  lamW: number,
  lamH: number,
  d: number,
  seed: number,
): number {
  const run = new CollapseRun(collapseConfig({ loss, counts, lamW, lamH, d, seed }));
  run.runTo(5000);
  const r = run.readout();
  if ('none' in r.theory) throw new Error(r.theory.none);
  const th = r.theory;
  let e = 0;
  r.metrics.normH.forEach((h, k) => {
    const want = [th.hNorm2[k] ?? 0, th.wNorm2[k] ?? 0];
    const got = [h * h, (r.metrics.normW[k] ?? 0) ** 2];
    for (let i = 0; i < 2; i++) {
      const w = want[i] ?? 0;
      const g = got[i] ?? 0;
      e = Math.max(e, w > 0 ? Math.abs(g - w) / w : Math.abs(g));
    }
  });
  return e;
}

describe('step 5000 reaches the closed forms (issue 10)', () => {
  it(
    'imbalanced MSE, K 2–4, counts 1–50, λ_W, λ_H ∈ [1e-3, 1e-1] independently',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 4 }),
          lam,
          lam,
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 1, max: 1000 }),
          (counts, lamW, lamH, extra, seed) => {
            const g = mseImbalancedClosedForm(counts, lamW, lamH).threshold;
            fc.pre(counts.every((n) => Math.abs(Math.sqrt(n) - g) >= 0.01 * Math.sqrt(n)));
            const e = errorAt5000(
              'mse',
              { kind: 'explicit', counts },
              lamW,
              lamH,
              counts.length + extra,
              seed,
            );
            expect(e).toBeLessThan(1e-3);
          },
        ),
        { numRuns: 12, seed: 2026 },
      );
    },
  );

  it(
    'balanced CE, K 2–5, n 1–50, λ_W, λ_H ∈ [1e-3, 1e-1] (ρ* up to ~5)',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 5 }),
          fc.integer({ min: 1, max: 50 }),
          lam,
          lam,
          fc.integer({ min: 1, max: 1000 }),
          (K, n, lamW, lamH, seed) => {
            const e = errorAt5000('ce', { kind: 'balanced', K, n }, lamW, lamH, K, seed);
            expect(e).toBeLessThan(1e-3);
          },
        ),
        { numRuns: 12, seed: 2027 },
      );
    },
  );

  it(
    'the smallest λ corner is the slow one for fixed steps, not for this rule: K=5, n=50, λ=1e-3',
    { timeout: 120_000 },
    () => {
      expect(errorAt5000('ce', { kind: 'balanced', K: 5, n: 50 }, 1e-3, 1e-3, 5, 1)).toBeLessThan(
        1e-9,
      );
    },
  );

  it(
    'near the collapse threshold convergence is sublinear: documented error band',
    { timeout: 120_000 },
    () => {
      // n = (50, 4): g = 54λ crosses √4 = 2 at λ = 2/54. 1% above it step 5000 converges; 0.01%
      // above it the minority's ‖h‖² is still ~4× its closed form 5e-5 (≈ 1.5e-3 of the
      // majority's ‖h‖²): the error is small in absolute terms but not 1e-3 relative.
      const at = (delta: number): number =>
        errorAt5000(
          'mse',
          { kind: 'explicit', counts: [50, 4] },
          (2 / 54) * (1 - delta),
          (2 / 54) * (1 - delta),
          2,
          1,
        );
      expect(at(1e-2)).toBeLessThan(1e-3);
      expect(at(1e-4)).toBeGreaterThan(1e-3);
    },
  );
});

describe('collapse properties', () => {
  it('balanced CE: mean-cos → −1/(K−1) and NC1 → 0 (K 2–6, d K–12)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 20 }),
        lam,
        fc.integer({ min: 1, max: 1000 }),
        (K, extra, n, l, seed) => {
          fc.pre(Math.sqrt(K * K * n * l * l) < 0.9); // c < 1, else everything collapses to 0
          const run = new CollapseRun(
            collapseConfig({
              loss: 'ce',
              counts: { kind: 'balanced', K, n },
              d: K + extra,
              lamW: l,
              lamH: l,
              seed,
            }),
          );
          run.runTo(2000);
          const m = run.readout().metrics;
          expect(Math.abs(m.meanCos + 1 / (K - 1))).toBeLessThan(1e-6);
          expect(m.nc1).toBeLessThan(1e-10);
          expect(m.etfDistW).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 10, seed: 7 },
    );
  });

  it(
    'imbalanced MSE: class k collapses to zero exactly when √n_k ≤ N√(λ_Wλ_H)',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 4 }),
          fc.double({ min: -2.5, max: -1, noNaN: true }).map((e) => 10 ** e),
          fc.integer({ min: 1, max: 1000 }),
          (counts, l, seed) => {
            const N = counts.reduce((a, b) => a + b, 0);
            const g = N * l;
            fc.pre(counts.every((n) => Math.abs(Math.sqrt(n) - g) >= 0.02 * Math.sqrt(n)));
            const run = new CollapseRun(
              collapseConfig({
                loss: 'mse',
                counts: { kind: 'explicit', counts },
                d: counts.length,
                lamW: l,
                lamH: l,
                seed,
              }),
            );
            run.runTo(3000);
            const m = run.readout().metrics;
            counts.forEach((n, k) => {
              const collapsed = (m.normH[k] ?? 0) < 1e-6 && (m.normW[k] ?? 0) < 1e-6;
              expect(collapsed).toBe(Math.sqrt(n) <= g);
            });
          },
        ),
        { numRuns: 15, seed: 8 },
      );
    },
  );
});
