import { describe, it, expect } from 'vitest';
import { parseDigitsCsv, splitTrainTest } from './digits';
import { spirals } from './spirals';

const row = (pixel: number, label: number) => [...Array<number>(64).fill(pixel), label].join(',');

describe('parseDigitsCsv', () => {
  it('scales pixels by 1/16 and reads the label, else inputs are not in [0, 1] as in the paper', () => {
    const pixels = Array.from({ length: 64 }, (_, i) => i % 17);
    const text = `${[...pixels, 7].join(',')}\n${row(16, 0)}\r\n\n`;
    const data = parseDigitsCsv(text);
    expect(data.n).toBe(2);
    expect(data.d).toBe(64);
    expect(Array.from(data.y)).toEqual([7, 0]);
    expect(Array.from(data.x.subarray(0, 64))).toEqual(pixels.map((p) => p / 16));
    expect(data.x[64]).toBe(1);
  });

  it('throws naming the line on a short row, else a truncated file trains silently on junk', () => {
    expect(() => parseDigitsCsv(`${row(0, 1)}\n1,2,3`)).toThrow(
      /line 2: expected 65 values, got 3/,
    );
  });

  it('throws on out-of-range pixels, labels and non-numbers, else corrupt data slips through', () => {
    expect(() => parseDigitsCsv(row(17, 1))).toThrow(/pixel 0 is "17"/);
    expect(() => parseDigitsCsv(row(0, 10))).toThrow(/label is "10"/);
    expect(() => parseDigitsCsv(row(0, 1).replace(/^0/, 'x'))).toThrow(/pixel 0 is "x"/);
    expect(() => parseDigitsCsv(row(0, 1).replace(/^0,/, ','))).toThrow(/pixel 0 is ""/);
  });
});

describe('splitTrainTest', () => {
  const data = parseDigitsCsv(Array.from({ length: 17 }, (_, i) => row(i, i % 10)).join('\n'));

  it('is a deterministic partition of the rows, else train and test overlap or a seed drifts', () => {
    const a = splitTrainTest(data, 0.25, 5);
    const b = splitTrainTest(data, 0.25, 5);
    expect(a.test.n).toBe(4);
    expect(a.train.n).toBe(13);
    expect(a.train.x).toEqual(b.train.x);
    expect(a.test.y).toEqual(b.test.y);
    // Every row keeps its own label: pixel value i identifies row i.
    const ids = [a.train, a.test].flatMap((s) =>
      Array.from({ length: s.n }, (_, r) => {
        const id = Math.round((s.x[r * 64] ?? 0) * 16);
        expect(s.y[r]).toBe(id % 10);
        return id;
      }),
    );
    expect(ids.sort((p, q) => p - q)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(splitTrainTest(data, 0.25, 6).test.x).not.toEqual(a.test.x);
  });
});

describe('spirals', () => {
  it('is seeded and balanced across arms, else the toy set changes between visits', () => {
    const opts = { arms: 3, n: 100, noise: 0.05, seed: 9 };
    const a = spirals(opts);
    expect(a.x).toEqual(spirals(opts).x);
    expect(a.x).not.toEqual(spirals({ ...opts, seed: 10 }).x);
    const counts = [0, 0, 0];
    for (const c of a.y) counts[c] = (counts[c] ?? 0) + 1;
    expect(counts).toEqual([34, 33, 33]);
  });

  it('puts noiseless points on radius t, else arms are not spirals', () => {
    const s = spirals({ arms: 2, n: 10, noise: 0, seed: 1 });
    // Arm 0, point j: radius (j + 0.5)/5.
    expect(Math.hypot(s.x[0] ?? 0, s.x[1] ?? 0)).toBeCloseTo(0.1, 6);
    expect(Math.hypot(s.x[8] ?? 0, s.x[9] ?? 0)).toBeCloseTo(0.9, 6);
  });
});
