/**
 * The counter RNG against values from an independent Python port (u32 masks, same formula).
 * If these fail, GPU and CPU runs of the entropy instrument stop sampling the same tokens.
 */
import { describe, expect, it } from 'vitest';
import { counterU32, counterUniform, pcgHash } from './counterRng';

describe('counter RNG', () => {
  it('pcgHash matches the reference vector', () => {
    expect([0, 1, 2, 0xffffffff, 123456789].map(pcgHash)).toEqual([
      129708002, 2831084092, 2055130248, 3861530882, 4272394698,
    ]);
  });

  it('counterU32 matches the reference vector', () => {
    expect([
      counterU32(1, 0, 0, 0, 0),
      counterU32(1, 2, 3, 4, 0),
      counterU32(42, 7, 4095, 63, 1),
      counterU32(0xffffffff, 100000, 1, 2, 3),
    ]).toEqual([3356322696, 3269320110, 799848165, 725410187]);
  });

  it('counterUniform is the top 24 bits over 2^24', () => {
    expect([0, 1, 2, 3].map((i) => counterUniform(1, 0, 0, i, 0))).toEqual([
      0.7814547419548035, 0.7460634708404541, 0.5442810654640198, 0.2785419821739197,
    ]);
  });

  it('is roughly uniform (mean and variance of 10^5 draws)', () => {
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = counterUniform(7, i >>> 8, i & 255, 3, 0);
      s += u;
      s2 += u * u;
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.003);
  });
});
