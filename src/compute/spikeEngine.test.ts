import { describe, expect, it } from 'vitest';
import { spirals } from '../science/data/spirals';
import { SpikeEngine, spikeTotal, type SpikeSettings } from './spikeEngine';

const data = spirals({ arms: 3, n: 90, noise: 0.05, seed: 1 });
const settings: SpikeSettings = { seed: 2, lr: 1e-2, at: 6, spike: 1000, hold: 9 };

describe('SpikeEngine', () => {
  it('runs at + hold steps and stops there, else play would run past the experiment', () => {
    const e = new SpikeEngine(settings, data);
    e.seek(1000);
    expect(e.step).toBe(spikeTotal(settings));
    expect(e.series().runs.map((r) => r.loss.length)).toEqual([15, 15, 15]);
  });

  it('gives identical series for identical settings, else a link would not replay', () => {
    const a = new SpikeEngine(settings, data);
    const b = new SpikeEngine(settings, data);
    a.seek(12);
    for (let i = 0; i < 12; i++) b.advance();
    expect(b.series()).toEqual(a.series());
  });

  it('seeks backward to the same numbers as a fresh run, else rewinding changes history', () => {
    const a = new SpikeEngine(settings, data);
    a.seek(15);
    a.seek(7);
    const b = new SpikeEngine(settings, data);
    b.seek(7);
    expect(a.series()).toEqual(b.series());
    a.seek(13);
    b.seek(13);
    expect(a.series()).toEqual(b.series());
  });

  it('starts the three runs from the same weights, else the comparison is unfair', () => {
    const e = new SpikeEngine(settings, data);
    e.seek(1);
    const s = e.series();
    const [p, c, k] = s.runs;
    expect(c?.loss[0]).toBe(p?.loss[0]);
    expect(k?.loss[0]).toBe(p?.loss[0]);
    expect(k?.initialAcc).toBe(p?.initialAcc);
    expect(s.lr[0]).toBe(1e-2);
  });
});
