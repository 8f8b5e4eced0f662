// The trainer replays bit for bit from its seed and learns; data sets are seeded and balanced.
// A failure means a `step=N` link would not restore the same state, or training is broken.
import { describe, expect, it } from 'vitest';
import { TOY_KINDS, toyClasses, toyDataset } from './datasets';
import { lossAndAccuracy } from './forward';
import { Trainer, trainedParams, type TrainConfig } from './train';

const data = toyDataset({ kind: 'moons', n: 64, noise: 0.1, seed: 5 });
const base: TrainConfig = {
  shape: { inputs: 2, hidden: [8, 8], classes: 2, act: 'tanh' },
  opt: 'adam',
  lr: 0.05,
  wd: 1e-4,
  batch: 16,
  seed: 7,
};

describe('Trainer', () => {
  it('replays step N bit for bit, however the steps are taken', () => {
    const a = trainedParams(base, data, 25);
    const t = new Trainer(base, data);
    for (let s = 0; s < 25; s++) t.stepOnce();
    expect(Array.from(t.theta)).toEqual(Array.from(a));
    expect(t.step).toBe(25);
  });

  it('lowers the loss with sgd and adam, full batch and mini-batch', () => {
    for (const [opt, lr, batch] of [
      ['sgd', 0.5, 0],
      ['adam', 0.05, 16],
    ] as const) {
      const cfg = { ...base, opt, lr, batch };
      const t = new Trainer(cfg, data);
      const before = lossAndAccuracy(cfg.shape, t.theta, data).loss;
      t.run(60);
      expect(lossAndAccuracy(cfg.shape, t.theta, data).loss).toBeLessThan(0.8 * before);
    }
  });

  it('visits every row once per epoch of mini-batches', () => {
    const t = new Trainer({ ...base, batch: 16 }, data);
    const seen = new Set<number>();
    for (let b = 0; b < 4; b++) for (const r of t.nextBatch() ?? []) seen.add(r);
    expect(seen.size).toBe(64);
    expect(new Trainer({ ...base, batch: 0 }, data).nextBatch()).toBeUndefined();
  });
});

describe('toyDataset', () => {
  it('is seeded, has n points and every class', () => {
    for (const kind of TOY_KINDS) {
      const opts = { kind, n: 90, noise: 0.1, seed: 3, classes: 3 };
      const a = toyDataset(opts);
      expect(Array.from(toyDataset(opts).x)).toEqual(Array.from(a.x));
      expect(a.n).toBe(90);
      expect(new Set(a.y).size).toBe(toyClasses(opts));
      expect(a.x.every(Number.isFinite)).toBe(true);
    }
  });
});
