import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseDigitsCsv, splitTrainTest } from '../../../science/data/digits';
import { spirals } from '../../../science/data/spirals';
import { lrAt, runSpike, type SpikeConfig } from './spike';

const toy = splitTrainTest(spirals({ arms: 3, n: 120, noise: 0.05, seed: 1 }), 0.25, 1);
const base: SpikeConfig = {
  seed: 3,
  steps: 30,
  at: 10,
  spike: 1000,
  hold: 10,
  baseLr: 1e-2,
  batchSize: 16,
  mode: 'controller',
  hidden: 16,
};

describe('lrAt', () => {
  it('spikes exactly on steps at … at+hold−1, else the schedule is off by one', async () => {
    const c = { ...base, baseLr: 2 };
    expect([9, 10, 19, 20].map((t) => lrAt(c, t))).toEqual([2, 2000, 2000, 2]);
  });
});

describe('SpikeRun', () => {
  it('replays identical records for the same seed, else replay to step=N shows another run', async () => {
    for (const mode of ['plain', 'clip', 'controller'] as const) {
      const a = await runSpike({ ...base, mode }, toy).runAll();
      const b = await runSpike({ ...base, mode }, toy).runAll();
      expect(a).toHaveLength(30);
      expect(b).toEqual(a);
    }
    expect(await runSpike({ ...base, seed: 4 }, toy).runAll()).not.toEqual(
      await runSpike(base, toy).runAll(),
    );
  });

  it('resumes from a snapshot to the same records, else pause/rewind changes the run', async () => {
    const full = await runSpike(base, toy).runAll();
    const run = runSpike(base, toy);
    await run.runTo(12);
    const snap = run.snapshot();
    await run.runTo(20);
    run.restore(snap);
    expect(run.stepIndex).toBe(12);
    expect(await run.runAll()).toEqual(full.slice(12));
    expect(run.records).toEqual(full);
  });

  it('gives every mode the same initial weights and batches, else the comparison is unfair', async () => {
    const losses = await Promise.all(
      (['plain', 'clip', 'controller'] as const).map(
        async (mode) => (await runSpike({ ...base, mode }, toy).step()).loss,
      ),
    );
    expect(losses[1]).toBe(losses[0]);
    expect(losses[2]).toBe(losses[0]);
  });

  it('keeps r ≤ 1 + 1e-9 under the controller through a 1000× spike, else it does not control', async () => {
    const recs = await runSpike(base, toy).runAll();
    for (const r of recs) {
      expect(r.r).toBeLessThanOrEqual(1 + 1e-9);
      expect(r.tau).toBeCloseTo(r.scale * r.pNorm, 12);
    }
    // Unscaled, the spike would have gone far past the radius.
    expect(Math.max(...recs.map((r) => r.pNorm / r.rhoA))).toBeGreaterThan(10);
  });

  it('clips the gradient to clipNorm before Adam in clip mode, else the baseline is not clipping', async () => {
    const plain = runSpike({ ...base, mode: 'plain' }, toy);
    const clip = runSpike({ ...base, mode: 'clip', clipNorm: 1e-3 }, toy);
    const a = await plain.step();
    const b = await clip.step();
    // Adam's first step is −lr·sign(g) whatever the scale of g, unless ε matters: clipping g to
    // 1e-3 is still far above ε, so the two first steps agree; they part once history mixes.
    expect(b.gradNorm).toBe(a.gradNorm);
    expect(b.pNorm).toBeCloseTo(a.pNorm, 3);
    expect(await plain.runTo(10)).not.toEqual(await clip.runTo(10));
  });
});

// The digits ship with the app (public/data), so these run on every clone.
const digitsUrl = new URL('../../../../public/data/digits.csv.gz', import.meta.url);

describe('SpikeRun on the 8×8 digits (public/data)', () => {
  const data = splitTrainTest(
    parseDigitsCsv(gunzipSync(readFileSync(digitsUrl)).toString('utf8')),
    0.2,
    0,
  );

  it('reaches > 85% test accuracy in 200 plain Adam steps (measured 95.5%), else training is broken', async () => {
    expect(data.train.n + data.test.n).toBe(1797);
    const run = runSpike(
      {
        seed: 0,
        steps: 200,
        at: 200,
        spike: 1,
        hold: 0,
        baseLr: 1e-3,
        batchSize: 64,
        mode: 'plain',
        evalEvery: 200,
      },
      data,
    );
    const recs = await run.runAll();
    expect(recs[199]?.testAccuracy).toBeGreaterThan(0.85);
    expect(recs[199]?.loss).toBeLessThan(recs[0]?.loss ?? 0);
  }, 120_000);

  it('keeps > 85% through the paper spike with the ρ_a controller (measured 97.8%), else it fails the paper', async () => {
    const run = runSpike(
      {
        seed: 0,
        steps: 200,
        at: 50,
        spike: 1000,
        hold: 150,
        baseLr: 1e-3,
        batchSize: 64,
        mode: 'controller',
        evalEvery: 200,
      },
      data,
    );
    const recs = await run.runAll();
    expect(recs[199]?.testAccuracy).toBeGreaterThan(0.85);
    expect(Math.max(...recs.map((r) => r.r))).toBeLessThanOrEqual(1 + 1e-9);
  }, 120_000);
});
