import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDigitsCsv } from '../../../science/data/digits';
import { lossAndAccuracy } from '../../../models/mlp/mlp';
import { BatchEngine, logGrid, randomUnit } from './batchEngine';
import {
  batchEngine,
  type BatchEvent,
  type BatchRequest,
  type BatchResult,
  type BatchTarget,
} from './batchProtocol';
import { engineHost, type HostReply } from '../../../worker/engineHost';
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

describe('the batch engine on the engine host', () => {
  type Reply = HostReply<BatchResult, BatchEvent>;
  function host(choose?: Parameters<typeof batchEngine>[0]) {
    const out: Reply[] = [];
    const handle = engineHost(batchEngine(choose), (r) => out.push(r));
    let id = 0;
    const send = (target: BatchTarget, job: BatchRequest['job']) => {
      const req = { id: ++id, target, job };
      handle(req);
      return new Promise<Reply>((resolve) => {
        const poll = () => {
          const r = out.find((x) => x.id === req.id && x.kind !== 'event');
          if (r) resolve(r);
          else setTimeout(poll, 1);
        };
        poll();
      });
    };
    return { out, handle, send };
  }
  const spirals = (step: number, extra: Partial<BatchTarget> = {}): BatchTarget => ({
    data: 'spirals',
    seed: 3,
    step,
    train: 'cpu',
    digitsUrl: '',
    ...extra,
  });

  it('answers in protocol, trains to the target with progress, and reports errors', async () => {
    const { out, send } = host();
    const bad = await send(spirals(1, { lr: -1 }), { kind: 'train' });
    expect(bad.kind).toBe('error');
    const sw = await send(spirals(4), { kind: 'sweep', direction: 'random-0', rs: logGrid() });
    expect(sw).toMatchObject({ kind: 'done', result: { kind: 'sweep', step: 4 } });
    expect(out.some((x) => x.kind === 'event' && x.event.step === 4)).toBe(true);
  });

  it('answers requests in arrival order, the newest cancelling the ones still waiting', async () => {
    const { send } = host();
    const answers = await Promise.all([
      send(spirals(3), { kind: 'train' }),
      send(spirals(3), { kind: 'analyze', direction: 'update' }),
    ]);
    expect(answers.map((a) => a.kind)).toEqual(['cancelled', 'done']);
    expect(answers[1]).toMatchObject({ result: { kind: 'analyze', result: { step: 3 } } });
  });

  it('replays a job whose GPU failed on the CPU from the seed, else a lost device sticks or mixes steps', async () => {
    const cpu = await host().send(spirals(5), { kind: 'analyze', direction: 'update' });
    const { send } = host(failingGpu(3));
    const res = await send(spirals(5, { train: 'auto' }), { kind: 'analyze', direction: 'update' });
    expect(res.kind).toBe('done');
    if (res.kind !== 'done' || res.result.kind !== 'analyze') return;
    expect(res.result.result.backend).toBe('cpu');
    expect(res.result.result.backendNote).toMatch(/device lost/);
    // The whole model was replayed on the oracle: the same numbers as a CPU run.
    if (cpu.kind === 'done' && cpu.result.kind === 'analyze') {
      expect(Array.from(res.result.result.deltaA)).toEqual(Array.from(cpu.result.result.deltaA));
    }
  });
});
