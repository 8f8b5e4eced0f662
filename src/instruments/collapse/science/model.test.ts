import { describe, expect, it } from 'vitest';
import { collapseConfig, countsOf, labelsOf } from './config';
import { cloneState, forward, gradients, initialState, objective, shapeOf } from './model';
import { gdStep } from './gd';

describe('class counts', () => {
  it('ratio puts `major` classes at n and the rest at round(n/ratio) ≥ 1', () => {
    expect(countsOf({ kind: 'ratio', K: 4, n: 40, ratio: 10, major: 1 })).toEqual([40, 4, 4, 4]);
    expect(countsOf({ kind: 'ratio', K: 3, n: 5, ratio: 100, major: 2 })).toEqual([5, 5, 1]);
    expect([...labelsOf([2, 1, 3])]).toEqual([0, 0, 1, 2, 2, 2]);
  });
});

describe('objective and gradient', () => {
  const cases = [
    { loss: 'ce', bias: false, depth: 0 },
    { loss: 'mse', bias: true, depth: 0 },
    { loss: 'ce', bias: true, depth: 2 },
    { loss: 'mse', bias: false, depth: 1 },
  ] as const;
  for (const c of cases)
    it(`∇F matches central differences (${c.loss}, bias=${String(c.bias)}, depth=${String(c.depth)})`, () => {
      const cfg = collapseConfig({
        ...c,
        counts: { kind: 'explicit', counts: [3, 2, 1] },
        d: 4,
        lamW: 0.03,
        lamH: 0.02,
        lamLayers: [0.05, 0.01],
        seed: 9,
      });
      const shape = shapeOf(cfg);
      const st = initialState(cfg);
      st.b.set([0.1, -0.2, 0.3]);
      const g = gradients(cfg, shape, st, forward(cfg, shape, st));
      const f = (s: typeof st): number => objective(cfg, s, forward(cfg, shape, s));
      const blocks: [Float64Array, Float64Array, (s: typeof st) => Float64Array][] = [
        [st.W, g.W, (s) => s.W],
        [st.H, g.H, (s) => s.H],
        ...(cfg.bias
          ? [
              [st.b, g.b, (s: typeof st) => s.b] as [
                Float64Array,
                Float64Array,
                (s: typeof st) => Float64Array,
              ],
            ]
          : []),
        ...st.layers.map(
          (a, m) =>
            [
              a,
              g.layers[m] ?? new Float64Array(),
              (s: typeof st) => s.layers[m] ?? new Float64Array(),
            ] as [Float64Array, Float64Array, (s: typeof st) => Float64Array],
        ),
      ];
      const h = 1e-6;
      for (const [param, grad, pick] of blocks)
        for (let j = 0; j < param.length; j += 3) {
          const up = cloneState(st);
          const dn = cloneState(st);
          pick(up)[j] = (param[j] ?? 0) + h;
          pick(dn)[j] = (param[j] ?? 0) - h;
          const fd = (f(up) - f(dn)) / (2 * h);
          expect(Math.abs(fd - (grad[j] ?? 0))).toBeLessThan(1e-7);
        }
    });

  it('MSE data term carries the ½ factor: F = (1/2N)‖WH − Y‖² at λ → 0', () => {
    const cfg = collapseConfig({
      loss: 'mse',
      counts: { kind: 'balanced', K: 2, n: 1 },
      d: 2,
      lamW: 1e-300,
      lamH: 1e-300,
    });
    const st = initialState(cfg);
    st.W.set([1, 0, 0, 1]);
    st.H.set([2, 0, 0, 0]);
    // z_0 = (2, 0) vs (1, 0): ½·1; z_1 = (0, 0) vs (0, 1): ½·1; mean over N = 2 → 0.5.
    expect(objective(cfg, st, forward(cfg, shapeOf(cfg), st))).toBeCloseTo(0.5, 14);
  });

  it('the step rule decreases F on every one of the first 200 steps of a deep CE run', () => {
    const cfg = collapseConfig({
      loss: 'ce',
      counts: { kind: 'explicit', counts: [5, 3, 2] },
      d: 5,
      depth: 2,
      lamW: 1e-3,
      lamH: 1e-3,
    });
    const shape = shapeOf(cfg);
    const st = initialState(cfg);
    let prev = Infinity;
    for (let t = 0; t < 200; t++) {
      const f = gdStep(cfg, shape, st).objective;
      expect(f).toBeLessThan(prev);
      prev = f;
    }
  });
});
