import { describe, expect, it } from 'vitest';
import { logBins, smallestIndices } from './logBins';

describe('logBins', () => {
  it('covers every finite positive value once, on log-spaced edges', () => {
    const values = [0.01, 0.1, 1, 10, 100, Infinity, 0, NaN, 3];
    const { bins, skipped, lo, hi } = logBins(values, 4);
    expect(skipped).toBe(3);
    expect(bins.length).toBe(4);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(6);
    expect(lo).toBeCloseTo(0.01, 12);
    expect(hi).toBeCloseTo(100, 9);
    expect(bins[0]?.x1).toBeCloseTo(0.1, 12);
    expect(bins[3]?.count).toBe(2);
  });

  it('gives one value a decade-wide span and nothing an empty list', () => {
    const one = logBins([5], 3);
    expect(one.bins.reduce((s, b) => s + b.count, 0)).toBe(1);
    expect(one.hi / one.lo).toBeCloseTo(10, 9);
    expect(logBins([Infinity], 3).bins).toEqual([]);
  });
});

describe('smallestIndices', () => {
  it('orders by value and skips non-finite entries', () => {
    expect(smallestIndices([3, Infinity, 1, 2, 1], 3)).toEqual([2, 4, 3]);
  });
});
