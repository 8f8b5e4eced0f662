import { describe, expect, it } from 'vitest';
import { Rng } from '../../../science/rng';
import { failingGpu } from '../../../models/mlp/fakeGpu.test-util';
import { spikeHandler, type ChooseOps, type SpikeResponse } from './spikeProtocol';
import type { SpikeSettings } from './spikeEngine';

/** A small digits-shaped CSV (64 pixels 0–16 and a label per row) as a data: URL. */
function tinyDigitsUrl(rows: number): string {
  const rng = new Rng(5);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const label = i % 10;
    const px = Array.from({ length: 64 }, (_, j) =>
      Math.min(16, Math.floor(rng.uniform() * 8 + ((j + label) % 10 === 0 ? 8 : 0))),
    );
    lines.push([...px, label].join(','));
  }
  return `data:text/csv,${encodeURIComponent(lines.join('\n'))}`;
}

const settings: SpikeSettings = { seed: 1, lr: 1e-3, at: 4, spike: 1000, hold: 6, train: 'cpu' };

function collect(choose?: ChooseOps) {
  const out: SpikeResponse[] = [];
  const handle = spikeHandler((res) => out.push(res), choose);
  const finished = (id: number) =>
    new Promise<SpikeResponse>((resolve) => {
      const poll = () => {
        const r = out.find((x) => x.id === id && x.kind !== 'progress');
        if (r) resolve(r);
        else setTimeout(poll, 1);
      };
      poll();
    });
  return { out, handle, finished };
}

describe('spikeHandler', () => {
  const dataUrl = tinyDigitsUrl(60);

  it('lets a newer request cancel an older replay, else slider drags queue up training', async () => {
    const { out, handle, finished } = collect();
    handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 10 });
    handle({ id: 2, kind: 'runTo', settings, dataUrl, n: 3 });
    expect((await finished(1)).kind).toBe('cancelled');
    const r = await finished(2);
    expect(r.kind === 'series' && r.series.step).toBe(3);
    expect(out.some((x) => x.id === 2 && x.kind === 'progress')).toBe(true);
  });

  it('steps one at a time to the same numbers as one replay, else play and links disagree', async () => {
    const a = collect();
    a.handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 5 });
    const whole = await a.finished(1);
    const b = collect();
    for (let id = 1; id <= 5; id++) {
      b.handle({ id, kind: 'step', settings, dataUrl });
      await b.finished(id);
    }
    const stepped = await b.finished(5);
    expect(stepped.kind).toBe('series');
    expect(stepped).toEqual({ ...whole, id: 5 });
  });

  it('replays on the CPU when the GPU fails mid-run, else a lost device ends the experiment', async () => {
    const cpu = collect();
    cpu.handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 6 });
    const want = await cpu.finished(1);

    const gpu = collect(failingGpu(7));
    gpu.handle({ id: 1, kind: 'runTo', settings: { ...settings, train: 'auto' }, dataUrl, n: 6 });
    const got = await gpu.finished(1);
    expect(got.kind).toBe('series');
    if (got.kind !== 'series' || want.kind !== 'series') return;
    expect(got.series.backend).toBe('cpu');
    expect(got.series.backendNote).toMatch(/GPU failed: device lost/);
    // The whole run was replayed on the oracle: no GPU step leaks into it.
    expect(got.series.runs).toEqual(want.series.runs);
  });
});
