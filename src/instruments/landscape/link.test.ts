// The landscape link (view=landscape): the default state writes nothing and reads silently;
// every field reads what a person would type and names itself when given a bad value, which
// falls back alone; any valid state writes a link that reads back to the same state. A failure
// means a shared link restores another run than the one it was made from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, parsePermalink, serializePermalink } from '../../app/link';
import type { AppParams } from '../registry';
import { roundForLink } from '../../link/read';
import {
  BIAS_RULES,
  DATA_IDS,
  DIRS,
  LANDSCAPE_LIMITS as L,
  NORMS,
  OPTIMISERS,
  type LandscapeParams,
} from './link';
import { ACTIVATIONS } from './science/shape';

const D = DEFAULT_PARAMS.landscape;
const FC = { seed: 11, numRuns: 300 };

const parse = (query: string) => {
  const r = parsePermalink(`?view=landscape&${query}`);
  return { p: r.params.landscape, issues: r.issues, view: r.params.view };
};

const withLandscape = (patch: Partial<LandscapeParams>): AppParams => ({
  ...DEFAULT_PARAMS,
  view: 'landscape',
  landscape: { ...D, ...patch },
});

describe('the landscape link: defaults', () => {
  it('reads a bare view=landscape as the defaults, with no notice', () => {
    const r = parse('');
    expect(r.view).toBe('landscape');
    expect(r.p).toEqual(D);
    expect(r.issues).toEqual([]);
  });

  it('has the defaults the issue and README name', () => {
    expect(D).toEqual({
      data: 'spirals',
      n: 300,
      noise: 0.1,
      hidden: [16, 16],
      act: 'tanh',
      opt: 'adam',
      lr: 0.01,
      wd: 0,
      batch: 0,
      seed: 0,
      step: 0,
      train: 'auto',
      norm: 'filter',
      bias: 'ignore',
      span: 1,
      grid: 51,
      dirs: 'random',
      mode: 'param',
    });
  });

  it('writes the default state as the bare view and leaves out fields at their default', () => {
    expect(serializePermalink(withLandscape({}))).toBe('?v=1&view=landscape');
    expect(serializePermalink(withLandscape({ step: 12, hidden: [16, 16], span: 1 }))).toBe(
      '?v=1&view=landscape&step=12',
    );
  });
});

describe('the landscape link: each field', () => {
  const good: [keyof LandscapeParams, string, unknown][] = [
    ['data', 'moons', 'moons'],
    ['data', 'digits', 'digits'],
    ['n', '128', 128],
    ['noise', '0.25', 0.25],
    ['hidden', '8', [8]],
    ['hidden', '32,16,8,4', [32, 16, 8, 4]],
    ['act', 'gelu', 'gelu'],
    ['opt', 'sgd', 'sgd'],
    ['lr', '0.3', 0.3],
    ['wd', '0.001', 0.001],
    ['batch', '64', 64],
    ['seed', '4294967295', 4294967295],
    ['step', '250', 250],
    ['train', 'cpu', 'cpu'],
    ['norm', 'layer', 'layer'],
    ['bias', 'copy', 'copy'],
    ['span', '0.5', 0.5],
    ['grid', '101', 101],
    ['dirs', 'pca', 'pca'],
  ];
  for (const [key, text, value] of good) {
    it(`reads ${key}=${text}`, () => {
      const { p, issues } = parse(`${key}=${text}`);
      expect(p[key]).toEqual(value);
      expect(issues).toEqual([]);
      expect({ ...p, [key]: D[key] }).toEqual(D);
    });
  }

  // Each bad value: the key is named, the message quotes what was wrong, the field keeps its
  // default, and a good field beside it still reads.
  const bad: [keyof LandscapeParams, string, string][] = [
    ['data', 'mnist', '"mnist"'],
    ['n', '12.5', '12.5'],
    ['noise', 'lots', '"lots"'],
    ['hidden', '16,x', '"16,x"'],
    ['hidden', '1', '"1"'],
    ['hidden', '8,8,8,8,8', '"8,8,8,8,8"'],
    ['hidden', '200', '"200"'],
    ['act', 'sigmoid', '"sigmoid"'],
    ['opt', 'rmsprop', '"rmsprop"'],
    ['lr', '0', 'not positive'],
    ['lr', '-1', 'not positive'],
    ['wd', 'NaN', 'NaN'],
    ['batch', '-3', '-3'],
    ['seed', '1.5', '1.5'],
    ['step', 'ten', '"ten"'],
    ['train', 'gpu', '"gpu"'],
    ['norm', 'weight', '"weight"'],
    ['bias', 'zero', '"zero"'],
    ['span', '', ''],
    ['grid', '51.5', '51.5'],
    ['dirs', 'hessian', '"hessian"'],
    ['mode', 'logit', '"logit"'],
  ];
  for (const [key, text, quoted] of bad) {
    it(`names ${key}=${text || '(empty)'} and falls back to the default alone`, () => {
      const [other, value] = key === 'opt' ? (['act', 'relu'] as const) : (['opt', 'sgd'] as const);
      const { p, issues } = parse(`${key}=${encodeURIComponent(text)}&${other}=${value}`);
      expect(issues.map((i) => i.param)).toEqual([key]);
      expect(issues[0]?.message).toContain(quoted);
      expect(issues[0]?.message).toMatch(/using the default|keeping/);
      expect(p[key]).toEqual(D[key]);
      expect(p[other]).toBe(value);
    });
  }

  const clamped: [keyof LandscapeParams, string, number][] = [
    ['n', '5000', L.nMax],
    ['n', '3', L.nMin],
    ['noise', '4', L.noiseMax],
    ['lr', '100', L.lrMax],
    ['lr', '1e-9', L.lrMin],
    ['wd', '2', L.wdMax],
    ['step', '99999', L.stepMax],
    ['span', '5', 2],
    ['span', '0.01', 0.1],
    ['grid', '999', 201],
    ['grid', '3', 21],
  ];
  for (const [key, text, value] of clamped) {
    it(`clamps ${key}=${text} to ${value} and says so`, () => {
      const { p, issues } = parse(`${key}=${text}`);
      expect(p[key]).toBe(value);
      expect(issues.map((i) => i.param)).toEqual([key]);
      expect(issues[0]?.message).toContain('clamped');
    });
  }
});

describe('the landscape link: round trip', () => {
  // -0 is written as 0, so the arbitraries produce +0 (x + 0).
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map(roundForLink);
  const params: fc.Arbitrary<LandscapeParams> = fc.record({
    data: fc.constantFrom(...DATA_IDS),
    n: fc.integer({ min: L.nMin, max: L.nMax }),
    noise: num(0, L.noiseMax),
    hidden: fc.array(fc.integer({ min: 2, max: 128 }), { minLength: 1, maxLength: 4 }),
    act: fc.constantFrom(...ACTIVATIONS),
    opt: fc.constantFrom(...OPTIMISERS),
    lr: num(L.lrMin, L.lrMax),
    wd: num(0, L.wdMax),
    batch: fc.integer({ min: 0, max: L.batchMax }),
    seed: fc.integer({ min: 0, max: L.seedMax }),
    step: fc.integer({ min: 0, max: L.stepMax }),
    train: fc.constantFrom('auto' as const, 'cpu' as const),
    norm: fc.constantFrom(...NORMS),
    bias: fc.constantFrom(...BIAS_RULES),
    span: num(0.1, 2),
    grid: fc.integer({ min: 21, max: 201 }),
    dirs: fc.constantFrom(...DIRS),
    mode: fc.constant('param' as const),
  });

  it('reads back any valid state bit for bit, with no notice', () => {
    fc.assert(
      fc.property(params, (p) => {
        const link = serializePermalink(withLandscape(p));
        const back = parsePermalink(link);
        expect(back.issues).toEqual([]);
        expect(back.params.landscape).toEqual(p);
        // Written once: the link of what was read is the same link.
        expect(serializePermalink(back.params)).toBe(link);
      }),
      FC,
    );
  });

  it('writes only the fields that differ from their default', () => {
    fc.assert(
      fc.property(params, (p) => {
        const keys = serializePermalink(withLandscape(p))
          .slice(1)
          .split('&')
          .map((kv) => kv.split('=')[0] ?? '')
          .filter((k) => !['v', 'view'].includes(k));
        const differ = (Object.keys(D) as (keyof LandscapeParams)[]).filter(
          (k) => JSON.stringify(p[k]) !== JSON.stringify(D[k]),
        );
        expect(keys).toEqual(differ);
      }),
      FC,
    );
  });
});
