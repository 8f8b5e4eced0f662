import { describe, expect, it } from 'vitest';
import {
  ceBalancedClosedForm,
  closedFormFor,
  deepClosedForm,
  mseImbalancedClosedForm,
} from './closedForms';
import { collapseConfig } from './config';
import { CollapseRun } from './runner';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/**
 * Expect each value to match nc_out.txt, which prints 9 decimals: within half a unit of the last
 * printed digit (5e-10 absolute, i.e. ≤ 1e-9 relative for these O(1) values).
 */
function expectAll(got: readonly number[], want: readonly number[], tol = 5.01e-10): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i] ?? Number.NaN;
    expect(Math.abs(g - w)).toBeLessThan(w === 0 ? 1e-12 : tol);
  });
}

describe('SPEC §5 closed forms (golden/nc_out.txt)', () => {
  it('imbalanced MSE, n=(4,2,1), λ=0.01: s, ‖h‖², ‖w‖², f* (a wrong threshold shifts s)', () => {
    const cf = mseImbalancedClosedForm([4, 2, 1], 0.01, 0.01);
    expectAll(cf.s, [1.93, 1.344213562, 0.93]);
    expectAll(cf.hNorm2, [0.4825, 0.672106781, 0.93]);
    expectAll(cf.wNorm2, [1.93, 1.344213562, 0.93]);
    expect(rel(cf.objective, 0.043092135624)).toBeLessThan(1e-10);
  });

  it('imbalanced MSE, n=(4,2,1), λ_W=0.02, λ_H=0.08 (unequal λ scale h and w apart)', () => {
    const cf = mseImbalancedClosedForm([4, 2, 1], 0.02, 0.08);
    expectAll(cf.hNorm2, [0.215, 0.283553391, 0.36]);
    expectAll(cf.wNorm2, [3.44, 2.268427125, 1.44]);
    expect(rel(cf.objective, 0.159768542495)).toBeLessThan(1e-10);
  });

  it('minority collapse, n=(8,2,1), λ=0.1: s_3 = 0 since √1 ≤ 11·0.1', () => {
    const cf = mseImbalancedClosedForm([8, 2, 1], 0.1, 0.1);
    expectAll(cf.s, [1.728427125, 0.314213562, 0]);
    expect(cf.collapsed).toEqual([false, false, true]);
    expect(rel(cf.threshold, 1.1)).toBeLessThan(1e-12);
    expect(rel(cf.objective, 0.359718614166)).toBeLessThan(1e-10);
  });

  it('balanced CE, K=3, n=2, λ=5e-3: ρ*, ‖w‖², ‖h‖², f*', () => {
    const cf = ceBalancedClosedForm(3, 2, 5e-3, 5e-3);
    expect(rel(cf.rho, 3.291667125)).toBeLessThan(1e-9);
    expect(rel(cf.wNorm2[0] ?? 0, 4.655120291)).toBeLessThan(1e-9);
    expect(rel(cf.hNorm2[0] ?? 0, 2.327560146)).toBeLessThan(1e-9);
    expect(rel(cf.objective, 0.084069892915)).toBeLessThan(1e-10);
  });

  it('balanced CE, K=4, n=3, λ_W=1e-3, λ_H=2e-3 (nc_out second case)', () => {
    const cf = ceBalancedClosedForm(4, 3, 1e-3, 2e-3);
    expect(rel(cf.c, 0.009797959)).toBeLessThan(1e-7);
    expect(rel(cf.rho, 4.503374957)).toBeLessThan(1e-9);
    expect(rel(cf.wNorm2[0] ?? 0, 11.030970764)).toBeLessThan(1e-9);
    expect(rel(cf.hNorm2[0] ?? 0, 1.838495127)).toBeLessThan(1e-9);
    expect(rel(cf.objective, 0.051499485291)).toBeLessThan(1e-10);
  });

  it('balanced CE with c ≥ 1 gives ρ* = 0 (everything collapses to zero)', () => {
    expect(ceBalancedClosedForm(5, 50, 0.1, 0.1).rho).toBe(0);
  });
});

describe('which closed form applies', () => {
  const base = { counts: { kind: 'explicit', counts: [4, 2, 1] } } as const;
  it('none with bias or imbalanced CE, said why', () => {
    expect(closedFormFor(collapseConfig({ ...base, loss: 'mse', bias: true }))).toHaveProperty(
      'none',
    );
    expect(closedFormFor(collapseConfig({ ...base, loss: 'ce' }))).toHaveProperty('none');
  });

  it('the deep-linear reduction at depth 0 is the SPEC closed form (q = 1)', () => {
    const mse = collapseConfig({ ...base, loss: 'mse', lamW: 0.02, lamH: 0.08 });
    const deep = deepClosedForm(mse, [4, 2, 1]);
    const spec = mseImbalancedClosedForm([4, 2, 1], 0.02, 0.08);
    expectAll(deep.hNorm2, spec.hNorm2, 1e-12);
    expectAll(deep.wNorm2, spec.wNorm2, 1e-12);
    const ce = collapseConfig({ counts: { kind: 'balanced', K: 3, n: 2 }, loss: 'ce' });
    const deepCe = deepClosedForm(ce, [2, 2, 2]);
    const specCe = ceBalancedClosedForm(3, 2, 5e-3, 5e-3);
    expect(deepCe.kind).toBe('ce-balanced');
    if (deepCe.kind === 'ce-balanced') expect(rel(deepCe.rho, specCe.rho)).toBeLessThan(1e-9);
    expect(rel(deepCe.objective, specCe.objective)).toBeLessThan(1e-12);
  });
});

describe('gradient descent reproduces the closed forms (golden/nc.py GD checks)', () => {
  it('imbalanced MSE n=(4,2,1), λ=0.01, d=4: f*, ‖h_k‖², ‖w_k‖² to 1e-9', () => {
    const cfg = collapseConfig({
      loss: 'mse',
      counts: { kind: 'explicit', counts: [4, 2, 1] },
      d: 4,
      lamW: 0.01,
      lamH: 0.01,
    });
    const run = new CollapseRun(cfg);
    run.runTo(3000);
    const r = run.readout();
    expect(rel(r.loss, 0.043092135624)).toBeLessThan(1e-10);
    expectAll(
      r.metrics.normH.map((v) => v * v),
      [0.4825, 0.672106781, 0.93],
    );
    expectAll(
      r.metrics.normW.map((v) => v * v),
      [1.93, 1.344213562, 0.93],
    );
  });

  it('minority collapse n=(8,2,1), λ=0.1: the third class goes to zero, the others to s_k', () => {
    const cfg = collapseConfig({
      loss: 'mse',
      counts: { kind: 'explicit', counts: [8, 2, 1] },
      d: 4,
      lamW: 0.1,
      lamH: 0.1,
    });
    const run = new CollapseRun(cfg);
    run.runTo(3000);
    const r = run.readout();
    expect(rel(r.loss, 0.359718614166)).toBeLessThan(1e-10);
    expectAll(
      r.metrics.normW.map((v) => v * v),
      [1.728427125, 0.314213562, 0],
    );
    expect(r.metrics.normH[2]).toBeLessThan(1e-9);
  });

  it('balanced CE K=3, n=2, λ=5e-3, d=3: f*, ‖w‖², ‖h‖² to 1e-9', () => {
    const cfg = collapseConfig({ loss: 'ce', counts: { kind: 'balanced', K: 3, n: 2 }, d: 3 });
    const run = new CollapseRun(cfg);
    run.runTo(3000);
    const r = run.readout();
    expect(rel(r.loss, 0.084069892915)).toBeLessThan(1e-10);
    expectAll(
      r.metrics.normW.map((v) => v * v),
      [4.655120291, 4.655120291, 4.655120291],
    );
    expectAll(
      r.metrics.normH.map((v) => v * v),
      [2.327560146, 2.327560146, 2.327560146],
    );
  });
});
