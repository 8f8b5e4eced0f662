import { describe, expect, it } from 'vitest';
import { bandScale } from './bandScale';

describe('bandScale (the real-line y-axis)', () => {
  it('is increasing upward and keeps the loss band at least half the height under a 1e12 blow-up, else the loss is squashed flat', () => {
    const y = bandScale(0, 6, -1e12, 1e9, 200);
    const values = [-1e12, -1e6, -10, 0, 3, 6, 100, 1e9];
    const px = values.map(y);
    for (let i = 1; i < px.length; i++) expect(px[i] ?? NaN).toBeLessThan(px[i - 1] ?? NaN);
    expect(y(y.lo) - y(y.hi)).toBeGreaterThanOrEqual(100);
    expect(y(0) - y(6)).toBeGreaterThan(80);
    expect(y(-1e12)).toBeCloseTo(200, 9);
    expect(y(1e9)).toBeCloseTo(0, 9);
    expect(y.up && y.down).toBe(true);
    for (const t of y.ticks) expect(y(t) >= -1 && y(t) <= 201).toBe(true);
  });

  it('stays linear with no log regions when T_n stays near the loss, else small overshoots look dramatic', () => {
    const y = bandScale(0, 6, -0.1, 6.2, 200);
    expect(y.up || y.down).toBe(false);
    expect(y(3) - y(4)).toBeCloseTo(y(1) - y(2), 9);
  });
});
