import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDigitsCsv } from '../../../science/data/digits';
import { lossAndAccuracy } from '../../../models/mlp/mlp';
import { BatchEngine, BatchHost, logGrid, randomUnit } from './batch.worker';
import { failingGpu } from '../../../models/mlp/fakeGpu.test-util';

const digits = () =>
  parseDigitsCsv(gunzipSync(readFileSync('public/data/digits.csv.gz')).toString('utf8'));

describe('logGrid', () => {
  it('puts r = 1 and r = 10 on the default 25-point grid', () => {
    const rs = logGrid();
    expect(rs.length).toBe(25);
    expect(rs[0]).toBeCloseTo(0.01, 15);
    expect(rs[12]).toBe(1);
    expect(rs[18]).toBeCloseTo(10, 12);
    expect(rs[24]).toBeCloseTo(100, 12);
  });
});

describe('lossAndAccuracy', () => {
  it('matches a hand computation', () => {
    const z = new Float64Array([0, 0, 2, 0]);
    const { loss, accuracy } = lossAndAccuracy(z, new Uint8Array([1, 0]), 2, 2);
    expect(accuracy).toBe(0.5);
    expect(loss).toBeCloseTo((Math.log(2) + Math.log(1 + Math.exp(-2))) / 2, 14);
  });
});

describe('randomUnit', () => {
  it('is a seeded unit vector', () => {
    const a = randomUnit(50, 3);
    let s = 0;
    for (const v of a) s += v * v;
    expect(s).toBeCloseTo(1, 12);
    expect(Array.from(randomUnit(50, 3))).toEqual(Array.from(a));
  });
});

describe('BatchEngine', () => {
  it('trains spirals deterministically and gives a batch bound below every sample', async () => {
    const a = new BatchEngine({ data: 'spirals', seed: 7 });
    const b = new BatchEngine({ data: 'spirals', seed: 7 });
    await a.advance(30);
    await b.advance(30);
    const ra = await a.analyze('update');
    const rb = await b.analyze('update');
    expect(Array.from(ra.a)).toEqual(Array.from(rb.a));
    expect(ra.n).toBe(600);
    expect(ra.k).toBe(3);
    expect(ra.stepNorm).toBeGreaterThan(0);
    let minRho = Infinity;
    for (const r of ra.rhoA) minRho = Math.min(minRho, r);
    expect(ra.batchRhoA).toBeCloseTo(minRho, 12);
    expect(ra.rRatio).toBeCloseTo(ra.stepNorm / ra.batchRhoA, 12);
    const i = ra.argmax;
    expect(Math.PI / (ra.deltaA[i] ?? 0)).toBeCloseTo(ra.batchRhoA, 12);
  });

  it('takes an lr override and rejects a bad one', async () => {
    expect(() => new BatchEngine({ data: 'spirals', seed: 1, lr: 0 })).toThrow(/lr/);
    const slow = new BatchEngine({ data: 'spirals', seed: 1, lr: 1e-4 });
    const fast = new BatchEngine({ data: 'spirals', seed: 1 });
    expect(slow.recipe.lr).toBe(1e-4);
    await slow.advance(3);
    await fast.advance(3);
    expect((await slow.analyze('update')).stepNorm).toBeLessThan(
      (await fast.analyze('update')).stepNorm,
    );
  });

  it('does not consume a step when it proposes one', async () => {
    const a = new BatchEngine({ data: 'spirals', seed: 1 });
    await a.advance(5);
    await a.analyze('update');
    await a.advance(5);
    const b = new BatchEngine({ data: 'spirals', seed: 1 });
    await b.advance(10);
    expect(Array.from((await a.analyze('random')).logits)).toEqual(
      Array.from((await b.analyze('random')).logits),
    );
  });

  it('learns the digits, and the sweep keeps accuracy at small r', async () => {
    const e = new BatchEngine({ data: 'digits', seed: 0, digits: digits() });
    const t0 = performance.now();
    await e.advance(20);
    const advanceMs = performance.now() - t0;
    await e.advance(180);
    const t1 = performance.now();
    const r = await e.analyze('update');
    const analyzeMs = performance.now() - t1;
    expect(r.n).toBe(1797);
    expect(r.testAccuracy).toBeGreaterThan(0.85);
    const rs = logGrid();
    const t2 = performance.now();
    const curve = await e.sweep('update', rs);
    const sweepMs = performance.now() - t2;
    console.log(
      `digits: 20 steps ${advanceMs.toFixed(0)} ms, analyze ${analyzeMs.toFixed(0)} ms, ` +
        `one sweep curve ${sweepMs.toFixed(0)} ms`,
    );
    expect(curve.accRetained[0]).toBeGreaterThan(0.97);
    expect(curve.lossRatio[0]).toBeLessThan(1.05);
    // Far past the bound the model is wrecked.
    expect(curve.lossRatio[24]).toBeGreaterThan(1.5);
    const rnd = await e.sweep('random-1', rs);
    expect(rnd.rhoA).toBeGreaterThan(0);
    expect((await e.sweep('gradient', rs)).accRetained.length).toBe(25);
  }, 60_000);
});

describe('BatchHost', () => {
  it('answers in protocol and reports errors', async () => {
    const host = new BatchHost();
    const early = await host.handle({ id: 1, kind: 'advance', count: 1 });
    expect(early.ok).toBe(false);
    const init = await host.handle({
      id: 2,
      kind: 'init',
      data: 'spirals',
      seed: 3,
      digitsUrl: '',
    });
    expect(init).toMatchObject({ ok: true, kind: 'init', step: 0 });
    expect(await host.handle({ id: 3, kind: 'advance', count: 4 })).toMatchObject({ step: 4 });
    const sw = await host.handle({ id: 4, kind: 'sweep', direction: 'random-0', rs: logGrid() });
    expect(sw).toMatchObject({ ok: true, kind: 'sweep', step: 4 });
  });

  it('answers queued requests in arrival order', async () => {
    const host = new BatchHost();
    const answers = await Promise.all([
      host.enqueue({ id: 1, kind: 'init', data: 'spirals', seed: 1, digitsUrl: '' }),
      host.enqueue({ id: 2, kind: 'advance', count: 3 }),
      host.enqueue({ id: 3, kind: 'analyze', direction: 'update' }),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(answers[1]).toMatchObject({ step: 3 });
  });

  it('drops a model whose GPU failed and trains the next on the CPU, else a lost device sticks', async () => {
    const host = new BatchHost(failingGpu(3));
    const init = { kind: 'init', data: 'spirals', seed: 1, digitsUrl: '', train: 'auto' } as const;
    await host.handle({ id: 1, ...init });
    expect(await host.handle({ id: 2, kind: 'advance', count: 5 })).toMatchObject({
      ok: false,
      gpuFailed: true,
    });
    // The engine is gone: asking it for more is an error, not a silent mix of GPU and CPU steps.
    expect(await host.handle({ id: 3, kind: 'advance', count: 1 })).toMatchObject({ ok: false });
    await host.handle({ id: 4, ...init });
    const res = await host.handle({ id: 5, kind: 'analyze', direction: 'update' });
    expect(res.ok && res.kind === 'analyze' && res.result.backend).toBe('cpu');
    expect(res.ok && res.kind === 'analyze' && res.result.backendNote).toMatch(/device lost/);
  });
});
