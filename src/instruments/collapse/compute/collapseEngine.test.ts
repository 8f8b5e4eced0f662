import { describe, expect, it } from 'vitest';
import { CpuBackend } from './backend';
import { appendHistory } from './collapseClient';
import {
  CollapseEngine,
  configOf,
  nextRecord,
  recordAt,
  type CollapseSettings,
} from './collapseEngine';

const S: CollapseSettings = {
  loss: 'ce',
  bias: false,
  lamW: 5e-3,
  lamH: 5e-3,
  alpha: 1,
  seed: 3,
  depth: 0,
  counts: { kind: 'balanced', K: 3, n: 10 },
  d: 6,
  train: 'cpu',
  model: 'ufm',
  dataUrl: null,
};

const engine = (s = S) => {
  const cfg = configOf(s);
  return new CollapseEngine(s, cfg, new CpuBackend(cfg, { kind: 'cpu', reason: 'test' }));
};

async function runTo(e: CollapseEngine, n: number) {
  do await e.stepToward(n);
  while (e.step < n);
}

describe('the collapse engine', () => {
  it('records every step below 100, then 90 per decade', () => {
    expect([0, 1, 99, 100].every(recordAt)).toBe(true);
    expect(recordAt(101)).toBe(false);
    expect(nextRecord(100)).toBe(110);
    expect(nextRecord(1000)).toBe(1100);
    let n = 0;
    for (let t = 0; t <= 10_000; t++) if (recordAt(t)) n++;
    expect(n).toBe(100 + 90 + 90 + 1);
  });

  it('replays to a step exactly as stepping there one at a time, history included', async () => {
    const a = engine();
    await runTo(a, 250);
    const b = engine();
    for (let t = 1; t <= 250; t++) await runTo(b, t);
    const fa = await a.frame();
    const fb = await b.frame();
    expect(fa.metrics).toEqual(fb.metrics);
    expect(fa.loss).toBe(fb.loss);
    expect(a.historyFrom(0)).toEqual(b.historyFrom(0));
  });

  it('rewinds to a step with the same state and history as a fresh replay', async () => {
    const a = engine();
    await runTo(a, 700);
    await runTo(a, 120);
    const b = engine();
    await runTo(b, 120);
    expect((await a.frame()).metrics).toEqual((await b.frame()).metrics);
    expect(a.historyFrom(0)).toEqual(b.historyFrom(0));
  });

  it('streams history append-only: the page mirror equals the whole history', async () => {
    const e = engine();
    let mirror = null;
    let sent = 0;
    for (const n of [5, 40, 300, 90, 400]) {
      await runTo(e, n);
      const rows = e.historyFrom(Math.min(sent, e.recorded));
      sent = e.recorded;
      mirror = appendHistory(mirror, rows);
    }
    expect(mirror).toEqual(e.historyFrom(0));
  });

  it('draws the balanced CE means towards an ETF: mean-cos → −1/(K−1)', async () => {
    const e = engine();
    await runTo(e, 2000);
    const f = await e.frame();
    expect(f.metrics.meanCos).toBeCloseTo(-0.5, 6);
    expect(f.points.length).toBe(30 * 3);
  });
});
