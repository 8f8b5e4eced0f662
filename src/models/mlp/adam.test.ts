import { describe, it, expect } from 'vitest';
import { Adam, apply, norm } from './adam';

describe('Adam', () => {
  it('matches two steps worked by hand, else bias correction or the moments are wrong', () => {
    const adam = new Adam(3);
    // Step 1, g = (0.5, −2, 0): m = 0.1g, v = 0.001g²; m̂ = g, v̂ = g², so p = −lr·g/(|g| + ε).
    const p1 = adam.propose(Float32Array.from([0.5, -2, 0]), 0.1);
    expect(p1[0]).toBeCloseTo(-0.1, 7);
    expect(p1[1]).toBeCloseTo(0.1, 7);
    expect(Math.abs(p1[2] ?? 1)).toBe(0);
    // Step 2, g = (1, 0, 0): m₀ = 0.9·0.05 + 0.1 = 0.145, v₀ = 0.999·0.00025 + 0.001 = 0.00124975;
    // m̂ = 0.145/0.19, v̂ = 0.00124975/0.001999, p₀ = −0.1·m̂/√v̂ = −0.0965182.
    // m₁ = 0.9·(−0.2) = −0.18, v₁ = 0.999·0.004 = 0.003996; p₁ = 0.1·0.947368/1.413860 = 0.0670058.
    const p2 = adam.propose(Float32Array.from([1, 0, 0]), 0.1);
    expect(p2[0]).toBeCloseTo(-0.0965182, 6);
    expect(p2[1]).toBeCloseTo(0.0670058, 6);
    expect(adam.t).toBe(2);
  });

  it('returns an update without touching parameters; apply adds scale·p, else controllers cannot act', () => {
    const params = Float32Array.from([1, 2]);
    const p = new Adam(2).propose(Float32Array.from([1, 1]), 0.5);
    expect(Array.from(params)).toEqual([1, 2]);
    apply(params, p, 0.25);
    expect(params[0]).toBeCloseTo(1 - 0.125, 6);
    expect(params[1]).toBeCloseTo(2 - 0.125, 6);
    expect(norm([3, 4])).toBe(5);
  });

  it('resumes identically from a snapshot, else replaying to step N drifts', () => {
    const a = new Adam(2);
    a.propose(Float32Array.from([1, -1]), 0.1);
    const b = Adam.restore(a.snapshot());
    const g = Float32Array.from([0.3, 2]);
    expect(b.propose(g, 0.1)).toEqual(a.propose(g, 0.1));
  });
});
