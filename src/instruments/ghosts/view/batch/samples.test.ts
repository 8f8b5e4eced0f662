import { describe, expect, it } from 'vitest';
import { BatchEngine } from '../../compute/batchEngine';
import { deltaA, nearestZero } from '../../science';
import { boundSamples, centerForPlane } from './samples';

describe('boundSamples', () => {
  it('lists the smallest radii first, the first one setting the batch bound', async () => {
    const e = new BatchEngine({ data: 'spirals', seed: 2 });
    await e.advance(40);
    const r = await e.analyze('update');
    const b = boundSamples(r, 10);
    expect(b.length).toBe(10);
    expect(b[0]?.rhoA).toBe(r.batchRhoA);
    for (let i = 1; i < b.length; i++)
      expect(b[i]?.rhoA).toBeGreaterThanOrEqual(b[i - 1]?.rhoA ?? 0);
    for (const s of b) {
      expect(Math.PI / deltaA(s.a)).toBeCloseTo(s.rhoA, 12);
      expect(s.z.length).toBe(3);
    }
  });
});

describe('centerForPlane', () => {
  it('keeps Δ_a and the nearest zero while centring z and a', () => {
    const z = [9, 7.5, 6];
    const a = [1.5, -0.3, -1.2];
    const c = centerForPlane(z, a);
    expect(Math.max(...c.z)).toBeCloseTo(1.5, 12);
    expect(deltaA(c.a)).toBeCloseTo(deltaA(a), 14);
    const before = nearestZero(z, a);
    const after = nearestZero(c.z, c.a);
    expect(after.rhoStar).toBeCloseTo(before.rhoStar, 9);
  });
});
