import { describe, expect, it } from 'vitest';
import { defaults, resolveFields, type ParamIssue } from '../../link/schema';
import { classCountsOf, collapseLink } from './link';

const read = (entries: Record<string, string>) => {
  const issues: ParamIssue[] = [];
  const p = resolveFields(collapseLink, defaults(collapseLink), entries, issues);
  return { p, issues };
};

describe('the collapse link', () => {
  it('reads counts, which sets K', () => {
    const { p, issues } = read({ counts: '40,10,5' });
    expect(p.counts).toEqual([40, 10, 5]);
    expect(p.K).toBe(3);
    expect(issues).toEqual([]);
    expect(classCountsOf(p)).toEqual({ kind: 'explicit', counts: [40, 10, 5] });
  });

  it('lets a bad counts=5,x fall back alone and names it', () => {
    const { p, issues } = read({ counts: '5,x', loss: 'mse', 'lam-w': '0.01' });
    expect(p.counts).toBeNull();
    expect(p.loss).toBe('mse');
    expect(p['lam-w']).toBe(0.01);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.param).toBe('counts');
    expect(issues[0]?.message).toContain('"x"');
  });

  it('raises d to K and keeps major below K, saying so', () => {
    const { p, issues } = read({ K: '10', d: '4', major: '12' });
    expect(p.d).toBe(10);
    expect(p.major).toBe(9);
    expect(issues.map((i) => i.param).sort()).toEqual(['d', 'major']);
  });

  it('names a K that counts overrides', () => {
    const { p, issues } = read({ counts: '3,3', K: '5' });
    expect(p.K).toBe(2);
    expect(issues[0]?.param).toBe('K');
  });

  it('builds imbalanced counts from ratio and major', () => {
    const { p } = read({ K: '4', n: '40', ratio: '8', major: '2' });
    expect(classCountsOf(p)).toEqual({ kind: 'ratio', K: 4, n: 40, ratio: 8, major: 2 });
  });
});
