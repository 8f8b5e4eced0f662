import { describe, it, expect } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('replays the same stream for the same seed, else shared links do not reproduce a run', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const draws = (r: Rng) => [r.nextU32(), r.uniform(), r.normal(), r.normal(), r.normal()];
    expect(draws(a)).toEqual(draws(b));
    expect(new Rng(43).nextU32()).not.toBe(new Rng(42).nextU32());
  });

  it('matches the reference mulberry32 output, else the generator was changed and old links break', () => {
    // First outputs of the reference mulberry32 with seed 0 (computed once; a regression pin).
    const r = new Rng(0);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([1144304738, 1416247, 958946056]);
  });

  it('draws uniforms in [0, 1) and normals with mean ≈ 0, variance ≈ 1, else init scales are off', () => {
    const r = new Rng(7);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    // 5 standard errors: mean se = 1/√n ≈ 0.007, variance se = √(2/n) ≈ 0.01.
    expect(Math.abs(s / n)).toBeLessThan(0.035);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });

  it('returns a permutation of 0..n−1, else shuffles drop or repeat samples', () => {
    const p = new Rng(3).permutation(100);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('resumes from a snapshot mid-pair, else a paused run diverges from an unpaused one', () => {
    const r = new Rng(11);
    r.normal();
    const snap = r.snapshot();
    const rest = [r.normal(), r.uniform()];
    const q = Rng.restore(snap);
    expect([q.normal(), q.uniform()]).toEqual(rest);
  });
});
