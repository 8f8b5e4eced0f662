import { describe, expect, it } from 'vitest';
import { spirals } from '../../../science/data/spirals';
import { SpikeEngine, spikeTotal, type SpikeSettings } from './spikeEngine';

const data = spirals({ arms: 3, n: 90, noise: 0.05, seed: 1 });
const settings: SpikeSettings = { seed: 2, lr: 1e-2, at: 6, spike: 1000, hold: 9, train: 'cpu' };

async function engineAt(step: number): Promise<SpikeEngine> {
  const e = await SpikeEngine.create(settings, data);
  await e.seek(step);
  return e;
}

describe('SpikeEngine', () => {
  it('runs at + hold steps and stops there, else play would run past the experiment', async () => {
    const e = await engineAt(1000);
    expect(e.step).toBe(spikeTotal(settings));
    expect(e.series().runs.map((r) => r.loss.length)).toEqual([15, 15, 15]);
    expect(e.series().backend).toBe('cpu');
  });

  it('gives identical series for identical settings, else a link would not replay', async () => {
    const a = await engineAt(12);
    const b = await SpikeEngine.create(settings, data);
    for (let i = 0; i < 12; i++) await b.advance();
    expect(b.series()).toEqual(a.series());
  });

  it('seeks backward to the same numbers as a fresh run, else rewinding changes history', async () => {
    const a = await engineAt(15);
    await a.seek(7);
    const b = await engineAt(7);
    expect(a.series()).toEqual(b.series());
    await a.seek(13);
    await b.seek(13);
    expect(a.series()).toEqual(b.series());
  });

  it('starts the three runs from the same weights, else the comparison is unfair', async () => {
    const s = (await engineAt(1)).series();
    const [p, c, k] = s.runs;
    expect(c?.loss[0]).toBe(p?.loss[0]);
    expect(k?.loss[0]).toBe(p?.loss[0]);
    expect(k?.initialAcc).toBe(p?.initialAcc);
    expect(s.lr[0]).toBe(1e-2);
  });
});
