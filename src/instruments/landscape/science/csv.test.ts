// A reader's CSV: good files load, and a bad one names the row and column of its first problem
// (issue 8). A failure means the view would show a wrong place or accept a broken file.
import { describe, expect, it } from 'vitest';
import { parseLandscapeCsv, type CsvResult } from './csv';

function problem(r: CsvResult): [number, number] {
  if (r.ok) throw new Error('expected a problem');
  expect(r.problem.message).toContain(`row ${r.problem.row}, column ${r.problem.column}`);
  return [r.problem.row, r.problem.column];
}

describe('parseLandscapeCsv', () => {
  it('reads 2-D rows with a header and blank lines', () => {
    const r = parseLandscapeCsv('x1,x2,label\n0.5,-1,0\n\n1e-1,2,2\r\n3,.5,1\n');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.data.n).toBe(3);
    expect(r.data.d).toBe(2);
    expect(r.classes).toBe(3);
    expect(Array.from(r.data.x)).toEqual([0.5, -1, Math.fround(0.1), 2, 3, 0.5]);
    expect(Array.from(r.data.y)).toEqual([0, 2, 1]);
  });

  it('reads 64 pixels and a label', () => {
    const row = (label: number): string => [...Array<number>(64).fill(3), label].join(',');
    const r = parseLandscapeCsv(`${row(0)}\n${row(9)}`);
    expect(r.ok && r.data.d === 64 && r.classes === 10).toBe(true);
  });

  it('names the row and column of the first problem', () => {
    expect(problem(parseLandscapeCsv('x,y,c\n1,2,0\n1,oops,1\n1,2,x\n'))).toEqual([3, 2]);
    expect(problem(parseLandscapeCsv('1,2,0\n1,2,1\n1,2\n'))).toEqual([3, 3]);
    expect(problem(parseLandscapeCsv('1,2,0\n1,2,1,4\n'))).toEqual([2, 4]);
    expect(problem(parseLandscapeCsv('1,2,0\n1,2,1.5\n'))).toEqual([2, 3]);
    expect(problem(parseLandscapeCsv('1,2,0\n1,2,-1\n'))).toEqual([2, 3]);
    expect(problem(parseLandscapeCsv('1,2,0\n1,Infinity,1\n'))).toEqual([2, 2]);
    expect(problem(parseLandscapeCsv('1,2,3,4,0\n'))).toEqual([1, 4]);
    expect(problem(parseLandscapeCsv('1\n'))).toEqual([1, 2]);
    expect(problem(parseLandscapeCsv(''))).toEqual([1, 1]);
    expect(problem(parseLandscapeCsv('\n\n1,2,0\n3,4,0\n'))).toEqual([3, 3]);
  });
});
