import { describe, expect, it } from 'vitest';
import { isPowerOfTen, logTickLabel, tickLabel } from './ticks';

describe('tickLabel', () => {
  it('writes large powers of ten as 10ⁿ and uses a real minus sign, else ticks are unreadable', () => {
    expect(tickLabel(1e6)).toBe('10⁶');
    expect(tickLabel(-1e12)).toBe('−10¹²');
    expect(tickLabel(-2.5)).toBe('−2.5');
    expect(tickLabel(100)).toBe('100');
  });
});

describe('logTickLabel', () => {
  it('writes small powers of ten as 10⁻ⁿ too and other values to two digits, else a log axis reads 0.0001', () => {
    expect(logTickLabel(1e-4)).toBe('10⁻⁴');
    expect(logTickLabel(1e5)).toBe('10⁵');
    expect(logTickLabel(100)).toBe('100');
    expect(logTickLabel(0.0123)).toBe('0.012');
  });
});

describe('isPowerOfTen', () => {
  it('accepts decades within rounding and rejects the rest, else log axes label 2 and 5 as majors', () => {
    expect(isPowerOfTen(1e-3)).toBe(true);
    expect(isPowerOfTen(0.1 * 0.1 * 10)).toBe(true);
    expect(isPowerOfTen(2)).toBe(false);
    expect(isPowerOfTen(50)).toBe(false);
  });
});
