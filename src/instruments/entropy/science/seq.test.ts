/**
 * task=seq on the CPU path (seqEngine.ts): the dynamic programmes against brute force, the
 * exact PG step against finite differences of J, the first-order entropy law per token, and a
 * deterministic replay of every alg and method. A failure means the seq readouts are not what
 * the header of seqEngine.ts defines.
 */
import { describe, expect, it } from 'vitest';
import { EntropyRun } from './runner';
import { SeqEngine } from './seqEngine';
import { buildSeqProblem } from './seqProblem';
import { DEFAULT_UPDATE, METHODS, type Alg, type UpdateParams } from './types';
import type { StepMeans } from './engine';
import { softmax } from './policy';

const spec = { seed: 3, B: 2, K: 3, L: 3, init: 'random' as const, initScale: 0.7 };
const means = (): StepMeans => ({ H: 0, R: 0, C: 0, P: 0 });

/** J of prompt b by enumerating all K^L answers. */
function bruteJ(e: SeqEngine, b: number): { J: number; Htok: number } {
  const { K, L, allowed } = e.problem;
  let J = 0;
  let Htok = 0;
  const walk = (pos: number, prev: number, prob: number, ok: boolean): void => {
    if (pos === L) {
      if (ok) J += prob;
      return;
    }
    const off = ((b * L + pos) * K + prev) * K;
    const pi = softmax(Array.from(e.z.subarray(off, off + K)), e.params.temp);
    let h = 0;
    for (const q of pi) h -= q > 0 ? q * Math.log(q) : 0;
    Htok += (prob * h) / L;
    for (let t = 0; t < K; t++)
      walk(pos + 1, t, prob * (pi[t] ?? 0), ok && allowed[(b * L + pos) * K + t] === 1);
  };
  walk(0, 0, 1, true);
  return { J, Htok };
}

describe('task=seq (CPU, f64)', () => {
  it('a uniform policy has log K nats per token and J = Π c_pos/K', () => {
    const p = buildSeqProblem({ ...spec, init: 'zero', K: 5, L: 4 });
    const e = new SeqEngine(p, DEFAULT_UPDATE, 3);
    const m = means();
    e.measure(m);
    expect(m.H).toBeCloseTo(Math.log(5), 12);
    let J = 0;
    for (let b = 0; b < p.B; b++) {
      let prod = 1;
      for (let pos = 0; pos < p.L; pos++) {
        let c = 0;
        for (let t = 0; t < p.K; t++) c += p.allowed[(b * p.L + pos) * p.K + t] ?? 0;
        prod *= c / p.K;
      }
      J += prod / p.B;
    }
    expect(m.R).toBeCloseTo(J, 12);
  });

  it('J and the per-token entropy equal brute force over all answers', () => {
    const e = new SeqEngine(buildSeqProblem(spec), { ...DEFAULT_UPDATE, temp: 0.8 }, 3);
    const m = means();
    e.measure(m);
    const [a, b] = [bruteJ(e, 0), bruteJ(e, 1)];
    expect(m.R).toBeCloseTo((a.J + b.J) / 2, 12);
    expect(m.H).toBeCloseTo((a.Htok + b.Htok) / 2, 12);
  });

  it('pg steps by η·∇J (against central finite differences)', () => {
    const p = buildSeqProblem({ ...spec, B: 1 });
    const lr = 1e-7;
    const e = new SeqEngine(p, { ...DEFAULT_UPDATE, lr }, 3);
    const z0 = Float64Array.from(e.z);
    e.advance(means());
    const probe = new SeqEngine(p, DEFAULT_UPDATE, 3);
    const h = 1e-6;
    let worst = 0;
    for (let i = 0; i < z0.length; i++) {
      probe.z.set(z0);
      probe.z[i] = (z0[i] ?? 0) + h;
      const up = bruteJ(probe, 0).J;
      probe.z[i] = (z0[i] ?? 0) - h;
      const down = bruteJ(probe, 0).J;
      const fd = (up - down) / (2 * h);
      const step = ((e.z[i] ?? 0) - (z0[i] ?? 0)) / lr;
      worst = Math.max(worst, Math.abs(step - fd));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it.each(['pg', 'npg', 'grpo'] as Alg[])(
    '%s: −η·C predicts the per-token ΔH to first order (error O(η²))',
    (alg) => {
      const err = (lr: number): number => {
        const e = new SeqEngine(buildSeqProblem(spec), { ...DEFAULT_UPDATE, alg, lr, G: 8 }, 3);
        const before = means();
        const after = means();
        e.advance(before);
        e.measure(after);
        return Math.abs(after.H - before.H - -lr * before.C);
      };
      const big = err(1e-2);
      const small = err(1e-3);
      expect(big).toBeGreaterThan(0);
      expect(small).toBeLessThan(0.02 * big + 1e-14);
    },
  );

  it('every alg and method replays identically from the seed and stays finite', () => {
    for (const alg of ['pg', 'npg', 'grpo'] as Alg[])
      for (const method of METHODS) {
        const update: UpdateParams = {
          ...DEFAULT_UPDATE,
          alg,
          method,
          lr: 0.5,
          clipR: 0.1,
          wLow: 0.01,
          klK: 0.1,
          coef: 0.1,
        };
        const cfg = { problem: { ...spec, B: 3, K: 4 }, update, seq: { L: 3 } };
        const a = new EntropyRun(cfg);
        a.stepTo(12);
        const b = new EntropyRun(cfg);
        b.stepTo(5);
        b.stepTo(12);
        expect(b.readouts(4)).toEqual(a.readouts(4));
        expect(Number.isFinite(a.readouts(4).entropy)).toBe(true);
      }
  });

  it('pg raises the expected reward and lowers the per-token entropy', () => {
    const run = new EntropyRun({
      problem: { ...spec, B: 8, K: 4, init: 'zero' },
      update: { ...DEFAULT_UPDATE, lr: 4 },
      seq: { L: 3 },
    });
    const r0 = run.readouts(8);
    run.stepTo(200);
    const r1 = run.readouts(8);
    expect(r1.reward).toBeGreaterThan(r0.reward);
    expect(r1.entropy).toBeLessThan(r0.entropy);
  });
});
