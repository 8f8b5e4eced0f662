import { describe, expect, it } from 'vitest';
import { logGrid } from '../../compute/batchEngine';
import { valueAtR } from './sweepData';

describe('valueAtR', () => {
  it('reads the grid point nearest r on a log scale', () => {
    const rs = logGrid();
    const values = Array.from(rs, (_, i) => i);
    expect(valueAtR(rs, values, 1)).toBe(12);
    expect(valueAtR(rs, values, 10)).toBe(18);
    expect(valueAtR(rs, values, 1.1)).toBe(12);
    expect(valueAtR([], [], 1)).toBeNull();
  });
});
