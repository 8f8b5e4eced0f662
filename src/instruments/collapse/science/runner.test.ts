import { describe, expect, it } from 'vitest';
import { collapseConfig } from './config';
import { CollapseRun } from './runner';

describe('deterministic replay (step=N in a link)', () => {
  const cfg = collapseConfig({
    loss: 'ce',
    counts: { kind: 'balanced', K: 4, n: 5 },
    d: 6,
    seed: 42,
  });

  it('runTo(N) from scratch, in pieces, from a snapshot and after a rewind agree bit for bit', () => {
    const a = new CollapseRun(cfg);
    a.runTo(120);
    const b = new CollapseRun(cfg);
    b.advance(50);
    const snap = b.snapshot();
    b.advance(70);
    const c = new CollapseRun(cfg, snap);
    c.runTo(120);
    const d = new CollapseRun(cfg);
    d.runTo(200);
    d.runTo(120);
    for (const r of [b, c, d]) {
      expect(r.step).toBe(120);
      expect([...r.state.H]).toEqual([...a.state.H]);
      expect([...r.state.W]).toEqual([...a.state.W]);
    }
    expect(b.readout()).toEqual(a.readout());
  });

  it('a different seed gives a different trajectory', () => {
    const a = new CollapseRun(cfg);
    const b = new CollapseRun({ ...cfg, seed: 43 });
    a.runTo(10);
    b.runTo(10);
    expect(a.state.W[0]).not.toBe(b.state.W[0]);
  });
});
