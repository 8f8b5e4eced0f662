import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from './format';

describe('formatNumber and parseNumber', () => {
  it('reads back what it shows, minus sign included, else tabbing through a field marks it invalid', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const shown = formatNumber(x);
        expect(Number.isFinite(parseNumber(shown))).toBe(true);
        expect(Math.abs(parseNumber(shown) - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-5 + 1e-300);
      }),
      { seed: 3, numRuns: 300 },
    );
    expect(parseNumber('−1.5')).toBe(-1.5);
    expect(parseNumber('2e−3')).toBe(0.002);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
  });
});
