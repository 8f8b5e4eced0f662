import { describe, expect, it } from 'vitest';
import { Rng } from '../../../science/rng';
import { failingGpu } from '../../../models/mlp/fakeGpu.test-util';
import { engineHost, type HostReply } from '../../../worker/engineHost';
import { spikeEngine, type ChooseOps, type SpikeEvent } from './spikeProtocol';
import { appendRows, type SpikeSeries, type SpikeSettings } from './spikeEngine';

type SpikeResponse = HostReply<SpikeSeries, SpikeEvent>;

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
  const handle = engineHost(spikeEngine(choose), (res) => out.push(res));
  const finished = (id: number) =>
    new Promise<SpikeResponse>((resolve) => {
      const poll = () => {
        const r = out.find((x) => x.id === id && x.kind !== 'event');
        if (r) resolve(r);
        else setTimeout(poll, 1);
      };
      poll();
    });
  return { out, handle, finished };
}

describe('the spike engine on the engine host', () => {
  const dataUrl = tinyDigitsUrl(60);

  it('lets a newer request cancel an older replay, else slider drags queue up training', async () => {
    const { out, handle, finished } = collect();
    handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 10 });
    handle({ id: 2, kind: 'runTo', settings, dataUrl, n: 3 });
    expect((await finished(1)).kind).toBe('cancelled');
    const r = await finished(2);
    expect(r.kind === 'done' && r.result.step).toBe(3);
    expect(out.some((x) => x.id === 2 && x.kind === 'event')).toBe(true);
  });

  it('steps one at a time to the same numbers as one replay, else play and links disagree', async () => {
    const a = collect();
    a.handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 5 });
    const whole = await a.finished(1);
    const b = collect();
    // Each step answers with its one new row; the page's copy is the rows appended.
    let stepped: SpikeSeries | null = null;
    for (let id = 1; id <= 5; id++) {
      b.handle({ id, kind: 'step', settings, dataUrl });
      const r = await b.finished(id);
      expect(r.kind).toBe('done');
      if (r.kind === 'done') {
        expect(r.result.from).toBe(id - 1);
        stepped = appendRows(stepped, r.result);
      }
    }
    expect(whole.kind).toBe('done');
    if (whole.kind === 'done') expect(stepped).toEqual(whole.result);
  });

  it('streams each step once, so a long replay posts O(steps) numbers, not O(steps²)', async () => {
    const { out, handle, finished } = collect();
    handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 10 });
    await finished(1);
    const rows = out.flatMap((x) =>
      x.kind === 'done' ? [x.result] : x.kind === 'event' && x.event.rows ? [x.event.rows] : [],
    );
    const posted = rows.reduce((n, r) => n + r.lr.length, 0);
    expect(posted).toBe(10);
    // A rewind streams from the step it went back to, and the page's copy follows.
    handle({ id: 2, kind: 'runTo', settings, dataUrl, n: 4 });
    const back = await finished(2);
    expect(back.kind === 'done' && back.result.from).toBe(4);
    expect(back.kind === 'done' && back.result.lr.length).toBe(0);
    let mirror: SpikeSeries | null = null;
    for (const r of rows) mirror = appendRows(mirror, r);
    if (back.kind === 'done') mirror = appendRows(mirror, back.result);
    expect(mirror?.step).toBe(4);
    expect(mirror?.runs[0]?.loss).toHaveLength(4);
  });

  it('replays on the CPU when the GPU fails mid-run, else a lost device ends the experiment', async () => {
    const cpu = collect();
    cpu.handle({ id: 1, kind: 'runTo', settings, dataUrl, n: 6 });
    const want = await cpu.finished(1);

    const gpu = collect(failingGpu(7));
    gpu.handle({ id: 1, kind: 'runTo', settings: { ...settings, train: 'auto' }, dataUrl, n: 6 });
    const got = await gpu.finished(1);
    expect(got.kind).toBe('done');
    if (got.kind !== 'done' || want.kind !== 'done') return;
    expect(got.result.backend).toBe('cpu');
    expect(got.result.backendNote).toMatch(/GPU failed: device lost/);
    // The whole run was replayed on the oracle: no GPU step leaks into it.
    expect(got.result.runs).toEqual(want.result.runs);
  });
});
