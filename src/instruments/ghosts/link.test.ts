import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rhoA } from './science';
import {
  COLOR_MODES,
  DATA_SETS,
  DIRECTIONS,
  GHOSTS_MODES,
  GHOSTS_LIMITS as L,
  TRAIN_ON,
  spikeTotal,
} from './link';
import { DEFAULT_PARAMS, applyParams, parsePermalink, serializePermalink } from '../../app/link';
import { THEMES } from '../../link/codec';
import { LINK_MIGRATIONS, LINK_VERSION } from '../../link/versions';
import type { ParamIssue } from '../../link/schema';
import { roundForLink } from '../../link/read';
import { AVAILABLE, INSTRUMENTS, type AppParams } from '../registry';

const VIEWS = AVAILABLE.map((i) => i.id);
const FC = { seed: 7, numRuns: 300 };

/** Every limit a view relies on; a parse that returns anything else could crash or mislead a view. */
function expectValid(p: AppParams): void {
  const g = p.ghosts;
  const k = g.z.length;
  expect(VIEWS).toContain(p.view);
  expect(typeof p.embed).toBe('boolean');
  expect(THEMES).toContain(p.theme);
  expect(k).toBeGreaterThanOrEqual(L.kMin);
  expect(k).toBeLessThanOrEqual(L.kMax);
  expect(g.a).toHaveLength(k);
  for (const x of g.z) expect(Number.isFinite(x) && Math.abs(x) <= L.zAbs).toBe(true);
  for (const x of g.a) expect(Number.isFinite(x) && Math.abs(x) <= L.aAbs).toBe(true);
  expect(Number.isInteger(g.y) && g.y >= 0 && g.y < k).toBe(true);
  expect(g.tau >= L.tauMin && g.tau <= L.tauMax).toBe(true);
  if (g.span !== null) expect(g.span >= L.spanMin && g.span <= L.spanMax).toBe(true);
  expect(COLOR_MODES).toContain(g.color);
  expect(Number.isInteger(g.n) && g.n >= L.nMin && g.n <= L.nMax).toBe(true);
  expect(g.T >= L.tempMin && g.T <= L.tempMax).toBe(true);
  expect(GHOSTS_MODES).toContain(g.mode);
  expect(DATA_SETS).toContain(g.data);
  expect(DIRECTIONS).toContain(g.dir);
  expect(TRAIN_ON).toContain(g.train);
  expect(Number.isInteger(g.seed) && g.seed >= 0 && g.seed <= L.seedMax).toBe(true);
  if (g.lr !== null) expect(g.lr >= L.lrMin && g.lr <= L.lrMax).toBe(true);
  expect(Number.isInteger(g.at) && g.at >= 0 && g.at <= L.atMax).toBe(true);
  expect(g.spike >= L.spikeMin && g.spike <= L.spikeMax).toBe(true);
  expect(Number.isInteger(g.hold) && g.hold >= 0 && g.hold <= L.holdMax).toBe(true);
  expect(Number.isInteger(g.step) && g.step >= 0 && g.step <= L.stepMax).toBe(true);
}

const params = (issues: ParamIssue[]): string[] => issues.map((i) => i.param);

/** Parses, checks the result is a valid state, and returns it with its issues. */
function parse(search: string) {
  const r = parsePermalink(search);
  expectValid(r.params);
  return r;
}

function withGhosts(patch: Partial<AppParams['ghosts']>, app: Partial<AppParams> = {}): AppParams {
  return { ...DEFAULT_PARAMS, ...app, ghosts: { ...DEFAULT_PARAMS.ghosts, ...patch } };
}

const D = DEFAULT_PARAMS.ghosts;

describe('serializePermalink', () => {
  it('writes the default state as the bare "?v=1&view=ghosts", else shared links grow noise', () => {
    expect(serializePermalink(DEFAULT_PARAMS)).toBe('?v=1&view=ghosts');
  });

  it('leaves out parameters equal to their default, else hand-edited links are cluttered', () => {
    const p = withGhosts({ z: [...D.z], a: [...D.a], tau: 0.5 });
    expect(serializePermalink(p)).toBe('?v=1&view=ghosts&tau=0.5');
  });

  it('writes every changed parameter in a fixed, readable order, else links churn as state changes', () => {
    const p = withGhosts(
      { z: [1, -2], a: [0.5, 0], y: 1, tau: 2, span: 12, color: 'phase', n: 12, T: 0.5 },
      { embed: true, theme: 'dark' },
    );
    expect(serializePermalink(p)).toBe(
      '?v=1&view=ghosts&embed=1&theme=dark&z=1,-2&a=0.5,0&y=1&tau=2&span=12&color=phase&n=12&T=0.5',
    );
  });

  it('writes -0 as 0, else a link shows a confusing "-0"', () => {
    expect(serializePermalink(withGhosts({ z: [-0, 1, 2] }))).toBe('?v=1&view=ghosts&z=0,1,2');
  });

  it('writes numbers at the precision the controls show and reads them back exactly, else a link would not restore the same readouts', () => {
    const p = withGhosts({ z: [0.1 + 0.2, 1 / 3, -Math.PI], a: [0, 0, 0], tau: 12.02264434617413 });
    const link = serializePermalink(p);
    expect(link).toContain('z=0.3,0.333333,-3.14159');
    expect(link).toContain('tau=12.0226');
    const back = parse(link);
    expect(back.issues).toEqual([]);
    expect(back.params.ghosts).toEqual({ ...p.ghosts, z: [0.3, 0.333333, -3.14159], tau: 12.0226 });
    expect(serializePermalink(back.params)).toBe(link);
  });

  it('keeps every digit of whole numbers, else a 10-digit seed would change', () => {
    expect(serializePermalink(withGhosts({ seed: 4294967295 }))).toContain('seed=4294967295');
  });
});

describe('parsePermalink: good links', () => {
  it('reads an empty query, "?" and the default link as the defaults, else every plain visit shows a notice', () => {
    for (const s of ['', '?', '?v=1&view=ghosts', 'v=1&view=ghosts', '?&&view=ghosts&']) {
      expect(parse(s)).toEqual({ params: DEFAULT_PARAMS, issues: [] });
    }
  });

  it('reads the example link from DESIGN.md without a notice, else documented links are broken', () => {
    const { params: p, issues } = parse('?view=ghosts&z=2,0.5,-1&a=1,-0.5,0.3&y=0&tau=0.8');
    expect(issues).toEqual([]);
    expect(p.ghosts).toEqual({ ...D, a: [1, -0.5, 0.3], tau: 0.8 });
  });

  it('reads embed as 1/0/true/false and theme as light/dark/system, else slide embeds break', () => {
    expect(parse('?embed=1').params.embed).toBe(true);
    expect(parse('?embed=true').params.embed).toBe(true);
    expect(parse('?embed=0').params.embed).toBe(false);
    expect(parse('?embed=false').params.embed).toBe(false);
    for (const t of THEMES) expect(parse(`?theme=${t}`).params.theme).toBe(t);
  });

  it('reads span=auto and a colour name, else links to those pictures lose them', () => {
    const r = parse('?span=auto&color=modulus');
    expect(r.issues).toEqual([]);
    expect(r.params.ghosts.span).toBeNull();
    expect(r.params.ghosts.color).toBe('modulus');
  });

  it('reads a literal "+" and percent-escapes in numbers, else links built by URLSearchParams break', () => {
    const r = parse('?z=+1,-2%2C3&tau=1e+0&span=2E%2B1');
    expect(r.issues).toEqual([]);
    expect(r.params.ghosts.z).toEqual([1, -2, 3]);
    expect(r.params.ghosts.tau).toBe(1);
    expect(r.params.ghosts.span).toBe(20);
  });

  it('reads the Taylor order n and the temperature T, else links to the real-line panel lose them', () => {
    const r = parse('?n=32&T=2.5');
    expect(r.issues).toEqual([]);
    expect(r.params.ghosts).toEqual({ ...D, n: 32, T: 2.5 });
    expect(parse('?n=8&T=1')).toEqual({ params: DEFAULT_PARAMS, issues: [] });
  });

  it('reads a missing v as the current version, else hand-written links get a notice', () => {
    expect(parse('?tau=2').issues).toEqual([]);
  });

  it('reads a non-negative integer seed silently and keeps it, else seeded runs cannot be shared', () => {
    const r = parse('?seed=42');
    expect(r.issues).toEqual([]);
    expect(r.params).toEqual(withGhosts({ seed: 42 }));
    expect(serializePermalink(r.params)).toBe('?v=1&view=ghosts&seed=42');
  });

  it('reads the spike-experiment link, else a shared spike run opens as the plane', () => {
    const r = parse('?v=1&view=ghosts&mode=spike&at=5&hold=10&step=15&spike=1000&lr=0.002');
    expect(r.issues).toEqual([]);
    expect(r.params.ghosts).toEqual({ ...D, mode: 'spike', at: 5, hold: 10, step: 15, lr: 0.002 });
    expect(serializePermalink(r.params)).toBe(
      '?v=1&view=ghosts&mode=spike&lr=0.002&at=5&hold=10&step=15',
    );
  });

  it('reads every mode, data set and direction, else links to those experiments break', () => {
    for (const mode of GHOSTS_MODES) expect(parse(`?mode=${mode}`).params.ghosts.mode).toBe(mode);
    for (const data of DATA_SETS) expect(parse(`?data=${data}`).params.ghosts.data).toBe(data);
    for (const dir of DIRECTIONS) expect(parse(`?dir=${dir}`).params.ghosts.dir).toBe(dir);
    expect(parse('?train=cpu').params.ghosts.train).toBe('cpu');
    const bad = parse('?train=tpu');
    expect(bad.params.ghosts.train).toBe('auto');
    expect(bad.issues.map((i) => i.param)).toEqual(['train']);
  });

  it('leaves the experiment defaults out of a link, else every link carries noise', () => {
    const p = withGhosts({ mode: 'plane', seed: 0, data: 'digits', dir: 'update', lr: null });
    expect(serializePermalink(p)).toBe('?v=1&view=ghosts');
    expect(
      parse('?mode=plane&seed=0&data=digits&dir=update&lr=auto&at=50&spike=1000&hold=150&step=0'),
    ).toEqual({ params: DEFAULT_PARAMS, issues: [] });
  });

  it('has a migration step for every older link version, else old links would be misread', () => {
    expect(LINK_MIGRATIONS).toHaveLength(LINK_VERSION - 1);
  });
});

describe('parsePermalink: r, the step relative to the safe radius', () => {
  it('turns r=1 into tau = rhoA(a), else "r=1" links would not sit on the safe radius', () => {
    const r = parse('?r=1');
    expect(r.issues).toEqual([]);
    expect(r.params.ghosts.tau).toBe(roundForLink(rhoA(D.a)));
  });

  it("uses the link's own a for r, else r would be relative to the wrong radius", () => {
    const r = parse('?a=1,-1,0&r=2');
    expect(r.params.ghosts.tau).toBe(roundForLink(2 * rhoA([1, -1, 0])));
  });

  it('reads r against ρ_a(T) = πT/Δ_a, else "r=1" at a temperature misses the safe radius', () => {
    const r = parse('?T=2&r=1');
    expect(r.issues).toEqual([]);
    expect(r.params.ghosts.tau).toBe(roundForLink(rhoA(D.a, 2)));
    expect(r.params.ghosts.tau).toBeCloseTo(2 * rhoA(D.a), 5);
  });

  it('lets tau win over r and names r, else the two would silently disagree', () => {
    const r = parse('?tau=0.5&r=3');
    expect(r.params.ghosts.tau).toBe(0.5);
    expect(params(r.issues)).toEqual(['r']);
  });

  it('names r and keeps tau when a has no spread, else tau would be Infinity', () => {
    const r = parse('?a=1,1,1&r=1');
    expect(r.params.ghosts.tau).toBe(D.tau);
    expect(params(r.issues)).toEqual(['r']);
  });

  it('clamps r outside 0.01–100 and names r, else an absurd step is used', () => {
    const r = parse('?r=1000');
    expect(r.params.ghosts.tau).toBe(roundForLink(100 * rhoA(D.a)));
    expect(params(r.issues)).toEqual(['r']);
    expect(r.issues[0]?.message).toMatch(/clamped/);
  });

  it('names r and keeps tau for a non-positive or non-numeric r, else tau becomes junk', () => {
    for (const bad of ['0', '-1', 'abc', 'NaN']) {
      const r = parse(`?r=${bad}`);
      expect(r.params.ghosts.tau).toBe(D.tau);
      expect(params(r.issues)).toEqual(['r']);
    }
  });
});

describe('parsePermalink: bad links name the parameter and fall back to a valid state', () => {
  const cases: [string, string, (p: AppParams) => void][] = [
    ['?z=abc', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=NaN,1', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=Infinity,1', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=1e999,1,2', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=1,,2', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=1,2,', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=0x10,1,2', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?z=1', 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    [`?z=${Array(500).fill(1).join(',')}`, 'z', (p) => expect(p.ghosts.z).toEqual(D.z)],
    ['?a=1,2,x', 'a', (p) => expect(p.ghosts.a).toEqual(D.a)],
    ['?y=3', 'y', (p) => expect(p.ghosts.y).toBe(0)],
    ['?y=-1', 'y', (p) => expect(p.ghosts.y).toBe(0)],
    ['?y=1.5', 'y', (p) => expect(p.ghosts.y).toBe(0)],
    ['?y=abc', 'y', (p) => expect(p.ghosts.y).toBe(0)],
    ['?tau=0', 'tau', (p) => expect(p.ghosts.tau).toBe(0.93)],
    ['?tau=-2', 'tau', (p) => expect(p.ghosts.tau).toBe(0.93)],
    ['?tau=NaN', 'tau', (p) => expect(p.ghosts.tau).toBe(0.93)],
    ['?tau=Infinity', 'tau', (p) => expect(p.ghosts.tau).toBe(0.93)],
    ['?tau=1e-9', 'tau', (p) => expect(p.ghosts.tau).toBe(L.tauMin)],
    ['?tau=1e9', 'tau', (p) => expect(p.ghosts.tau).toBe(L.tauMax)],
    ['?span=0', 'span', (p) => expect(p.ghosts.span).toBeNull()],
    ['?span=abc', 'span', (p) => expect(p.ghosts.span).toBeNull()],
    ['?span=5000', 'span', (p) => expect(p.ghosts.span).toBe(L.spanMax)],
    ['?span=0.001', 'span', (p) => expect(p.ghosts.span).toBe(L.spanMin)],
    ['?n=0', 'n', (p) => expect(p.ghosts.n).toBe(L.nMin)],
    ['?n=41', 'n', (p) => expect(p.ghosts.n).toBe(L.nMax)],
    ['?n=8.5', 'n', (p) => expect(p.ghosts.n).toBe(8)],
    ['?n=-3', 'n', (p) => expect(p.ghosts.n).toBe(8)],
    ['?n=abc', 'n', (p) => expect(p.ghosts.n).toBe(8)],
    ['?T=0', 'T', (p) => expect(p.ghosts.T).toBe(1)],
    ['?T=-1', 'T', (p) => expect(p.ghosts.T).toBe(1)],
    ['?T=abc', 'T', (p) => expect(p.ghosts.T).toBe(1)],
    ['?T=100', 'T', (p) => expect(p.ghosts.T).toBe(L.tempMax)],
    ['?T=0.001', 'T', (p) => expect(p.ghosts.T).toBe(L.tempMin)],
    ['?color=rainbow', 'color', (p) => expect(p.ghosts.color).toBe('domain')],
    ['?theme=neon', 'theme', (p) => expect(p.theme).toBe('system')],
    ['?embed=yes', 'embed', (p) => expect(p.embed).toBe(false)],
    ['?view=nope', 'view', (p) => expect(p.view).toBe('ghosts')],
    ['?seed=-1', 'seed', (p) => expect(p).toEqual(DEFAULT_PARAMS)],
    ['?seed=1.5', 'seed', (p) => expect(p).toEqual(DEFAULT_PARAMS)],
    ['?seed=1e3', 'seed', (p) => expect(p).toEqual(DEFAULT_PARAMS)],
    ['?seed=99999999999', 'seed', (p) => expect(p.ghosts.seed).toBe(L.seedMax)],
    ['?mode=spikes', 'mode', (p) => expect(p.ghosts.mode).toBe('plane')],
    ['?data=mnist', 'data', (p) => expect(p.ghosts.data).toBe('digits')],
    ['?dir=up', 'dir', (p) => expect(p.ghosts.dir).toBe('update')],
    // The default is `auto` (null): each mode's own recipe, 1e-3 for digits and the spike.
    ['?lr=0', 'lr', (p) => expect(p.ghosts.lr).toBeNull()],
    ['?lr=abc', 'lr', (p) => expect(p.ghosts.lr).toBeNull()],
    ['?lr=5', 'lr', (p) => expect(p.ghosts.lr).toBe(L.lrMax)],
    ['?lr=1e-9', 'lr', (p) => expect(p.ghosts.lr).toBe(L.lrMin)],
    ['?at=-1', 'at', (p) => expect(p.ghosts.at).toBe(50)],
    ['?at=2.5', 'at', (p) => expect(p.ghosts.at).toBe(50)],
    ['?at=1001', 'at', (p) => expect(p.ghosts.at).toBe(L.atMax)],
    ['?spike=0', 'spike', (p) => expect(p.ghosts.spike).toBe(1000)],
    ['?spike=0.5', 'spike', (p) => expect(p.ghosts.spike).toBe(L.spikeMin)],
    ['?spike=1e5', 'spike', (p) => expect(p.ghosts.spike).toBe(L.spikeMax)],
    ['?hold=x', 'hold', (p) => expect(p.ghosts.hold).toBe(150)],
    ['?hold=3000', 'hold', (p) => expect(p.ghosts.hold).toBe(L.holdMax)],
    ['?step=-3', 'step', (p) => expect(p.ghosts.step).toBe(0)],
    ['?step=9999', 'step', (p) => expect(p.ghosts.step).toBe(L.stepMax)],
    ['?v=abc', 'v', (p) => expect(p).toEqual(DEFAULT_PARAMS)],
    ['?v=0', 'v', (p) => expect(p).toEqual(DEFAULT_PARAMS)],
  ];

  for (const [link, param, check] of cases) {
    it(`names ${param} for ${link.length > 40 ? `${link.slice(0, 40)}…` : link} and falls back, else the page breaks or hides the problem`, () => {
      const r = parse(link);
      expect(params(r.issues)).toEqual([param]);
      expect(r.issues[0]?.message.length).toBeGreaterThan(0);
      check(r.params);
    });
  }

  it('says which value it used instead, else a reader cannot tell what the picture shows', () => {
    expect(parse('?tau=-2').issues[0]?.message).toMatch(/default 0\.93/);
    expect(parse('?z=abc').issues[0]?.message).toMatch(/"abc" is not a number.*default 2,0\.5,-1/);
    expect(parse('?z=1,,2').issues[0]?.message).toMatch(/entry 2/);
    expect(parse(`?z=${Array(500).fill(1).join(',')}`).issues[0]?.message).toMatch(/500 entries/);
  });

  it('clamps out-of-range vector entries to the nearest valid value and says so, else z/a leave the UI ranges silently', () => {
    const r = parse('?z=12,0,-20&a=9,0,-0.5');
    expect(r.params.ghosts.z).toEqual([8, 0, -8]);
    expect(r.params.ghosts.a).toEqual([5, 0, -0.5]);
    expect(params(r.issues)).toEqual(['z', 'a']);
    expect(r.issues[0]?.message).toMatch(/clamped.*12 → 8/);
  });

  it('keeps z and truncates a longer a, naming a, else K would be ambiguous', () => {
    const r = parse('?z=1,2&a=1,2,3,4');
    expect(r.params.ghosts.z).toEqual([1, 2]);
    expect(r.params.ghosts.a).toEqual([1, 2]);
    expect(params(r.issues)).toEqual(['a']);
  });

  it('keeps z and zero-pads a shorter a, naming a, else the state has two Ks', () => {
    const r = parse('?z=1,2,3,4,5&a=1,2');
    expect(r.params.ghosts.a).toEqual([1, 2, 0, 0, 0]);
    expect(params(r.issues)).toEqual(['a']);
  });

  it("checks y against the link's K, else a valid label of a larger K is rejected", () => {
    expect(parse('?z=1,2,3,4,5&a=0,0,0,0,1&y=4').issues).toEqual([]);
    const r = parse('?z=1,2&a=0,1&y=2');
    expect(r.params.ghosts.y).toBe(0);
    expect(params(r.issues)).toEqual(['y']);
  });

  it('names a planned view as "not available yet" and shows ghosts, else links to future views break the page', () => {
    // Whichever instruments are still planned (src/link/codec.test.ts covers the rule itself).
    for (const v of INSTRUMENTS.filter((i) => String(i.status) === 'planned').map((i) => i.id)) {
      const r = parse(`?view=${v}&tau=2`);
      expect(r.params.view).toBe('ghosts');
      expect(r.params.ghosts.tau).toBe(2);
      expect(r.issues).toEqual([
        { param: 'view', message: expect.stringMatching(/not available yet; showing ghosts/) },
      ]);
    }
  });

  it('reads a link from a newer version as far as it can, with a notice, else it would be lost', () => {
    const r = parse('?v=2&view=ghosts&tau=3&glow=1');
    expect(r.params.ghosts.tau).toBe(3);
    expect(params(r.issues)).toEqual(['v', 'glow']);
    expect(r.issues[0]?.message).toMatch(/made by a newer version/);
  });

  it('names each unknown key once and keeps the rest of the link, else a typo would be silent or fatal', () => {
    const r = parse('?foo=1&tau=2&bar&Tau=3');
    expect(params(r.issues)).toEqual(['foo', 'bar', 'Tau']);
    expect(r.issues[2]?.message).toMatch(/lower case: tau/);
    expect(r.params.ghosts.tau).toBe(2);
  });

  it('points a wrongly cased T or N at the real name, else "t=2" is a silent typo', () => {
    const r = parse('?t=2&N=3');
    expect(params(r.issues)).toEqual(['t', 'N']);
    expect(r.issues[0]?.message).toMatch(/did you mean T\?/);
    expect(r.issues[1]?.message).toMatch(/lower case: n/);
    expect(r.params).toEqual(DEFAULT_PARAMS);
  });

  it('treats "__proto__" and "constructor" as plain unknown keys, else they could corrupt state', () => {
    const r = parse('?__proto__=1&constructor=2&toString=3&hasOwnProperty=4');
    expect(params(r.issues)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(r.params).toEqual(DEFAULT_PARAMS);
  });

  it('uses the last of a repeated key and says so, else an appended fix to a link would be ignored', () => {
    const r = parse('?tau=1&tau=2');
    expect(r.params.ghosts.tau).toBe(2);
    expect(params(r.issues)).toEqual(['tau']);
  });

  it('names a malformed percent-escape, else decodeURIComponent would throw and blank the page', () => {
    const r = parse('?tau=%E0%A4%A&%ZZ=1');
    expect(params(r.issues)).toEqual(['%ZZ', 'tau']);
  });

  it('ignores a 10 kB junk value with a short notice, else one field floods the page', () => {
    const junk = 'x1,'.repeat(3400);
    const r = parse(`?z=${junk}&tau=2`);
    expect(params(r.issues)).toEqual(['z']);
    expect(r.issues[0]?.message).toMatch(/characters long/);
    expect(r.issues[0]?.message.length).toBeLessThan(200);
    expect(r.params.ghosts.tau).toBe(2);
  });

  it('reads a 10 kB junk query and a 1 MB query with short notices, else junk links flood or hang the page', () => {
    const junk = '%'.repeat(5000) + '('.repeat(5000);
    const one = parse(`?${junk}`);
    expect(one.issues).toHaveLength(1);
    expect(one.issues[0]?.param.length).toBeLessThan(40);

    const huge = parse(`?${'q=1&'.repeat(250_000)}`);
    expect(huge.params).toEqual(DEFAULT_PARAMS);
    expect(huge.issues.length).toBeLessThanOrEqual(10);
  });

  it('reads digit floods without regex blow-up (would time out if the grammar backtracked)', () => {
    const digits = '1'.repeat(1999);
    for (const tail of ['x', '.x', 'e', '1e+']) {
      const r = parse(`?tau=${digits.slice(0, 1999 - tail.length)}${tail}`);
      expect(params(r.issues)).toEqual(['tau']);
    }
  });

  it('caps the notice at 10 entries ending in "and N more", else it buries the page', () => {
    const link = `?${Array.from({ length: 25 }, (_, i) => `bad${i}=1`).join('&')}`;
    const r = parse(link);
    expect(r.issues).toHaveLength(10);
    expect(r.issues[9]).toEqual({ param: '…', message: 'and 16 more problems not listed' });
  });

  it('lets one bad field fall back alone, else a typo would discard a whole shared picture', () => {
    const r = parse('?z=1,2,3,4&a=0.5,-0.5,1,0&y=3&tau=oops&span=7&color=phase&theme=dark');
    expect(params(r.issues)).toEqual(['tau']);
    expect(r.params).toEqual(
      withGhosts(
        { z: [1, 2, 3, 4], a: [0.5, -0.5, 1, 0], y: 3, span: 7, color: 'phase' },
        { theme: 'dark' },
      ),
    );
  });
});

describe('applyParams (host page "set parameters")', () => {
  const base = withGhosts(
    { z: [1, 2, 3, 4], a: [0, 1, 2, 3], y: 3, tau: 0.4, span: 9 },
    { embed: true },
  );

  it('keeps every key not given, else a host setting tau would reset the picture', () => {
    const r = applyParams(base, { tau: '1.5' });
    expect(r.issues).toEqual([]);
    expect(r.params).toEqual({ ...base, ghosts: { ...base.ghosts, tau: 1.5 } });
  });

  it('keeps the current value of a bad field and says so, else a host typo resets the picture', () => {
    const r = applyParams(base, { tau: '-1', span: 'x' });
    expect(r.params).toEqual(base);
    expect(params(r.issues)).toEqual(['tau', 'span']);
    expect(r.issues[0]?.message).toMatch(/keeping 0\.4/);
  });

  it('fits the current a and y to a new z, naming them, else the state has two Ks', () => {
    const r = applyParams(base, { z: '1,2' });
    expectValid(r.params);
    expect(r.params.ghosts.a).toEqual([0, 1]);
    expect(r.params.ghosts.y).toBe(0);
    expect(params(r.issues)).toEqual(['a', 'y']);
  });

  it('validates like a link (unknown keys, newer versions, r), else hosts could bypass the URL rules', () => {
    const r = applyParams(base, { v: '9', nope: '1', r: '1' });
    expect(params(r.issues)).toEqual(['v', 'nope']);
    expect(r.params.ghosts.tau).toBe(roundForLink(rhoA(base.ghosts.a)));
  });

  it('does not mutate the base it was given, else the store changes behind zustand', () => {
    const copy = structuredClone(base);
    applyParams(base, { z: '1,2', a: '9,9' });
    expect(base).toEqual(copy);
  });
});

describe('properties', () => {
  const double = (min: number, max: number) =>
    fc.double({ min, max, noNaN: true }).map(roundForLink);

  // Ghosts' states: the other views' params stay at their defaults (a link holds one view).
  const validParams: fc.Arbitrary<AppParams> = fc.integer({ min: L.kMin, max: L.kMax }).chain((k) =>
    fc
      .record({
        view: fc.constant('ghosts' as const),
        embed: fc.boolean(),
        theme: fc.constantFrom(...THEMES),
        ghosts: fc.record({
          z: fc.array(double(-L.zAbs, L.zAbs), { minLength: k, maxLength: k }),
          a: fc.array(double(-L.aAbs, L.aAbs), { minLength: k, maxLength: k }),
          y: fc.integer({ min: 0, max: k - 1 }),
          tau: double(L.tauMin, L.tauMax),
          span: fc.option(double(L.spanMin, L.spanMax), { nil: null }),
          color: fc.constantFrom(...COLOR_MODES),
          n: fc.integer({ min: L.nMin, max: L.nMax }),
          T: double(L.tempMin, L.tempMax),
          mode: fc.constantFrom(...GHOSTS_MODES),
          seed: fc.integer({ min: 0, max: L.seedMax }),
          data: fc.constantFrom(...DATA_SETS),
          dir: fc.constantFrom(...DIRECTIONS),
          lr: fc.option(double(L.lrMin, L.lrMax), { nil: null }),
          train: fc.constantFrom(...TRAIN_ON),
          at: fc.integer({ min: 0, max: L.atMax }),
          spike: double(L.spikeMin, L.spikeMax),
          hold: fc.integer({ min: 0, max: L.holdMax }),
          step: fc.integer({ min: 0, max: L.stepMax }),
        }),
      })
      // A spike run ends at at + hold: the schema brings a later step there.
      .map((p) => ({
        ...DEFAULT_PARAMS,
        ...p,
        ghosts:
          p.ghosts.mode === 'spike'
            ? { ...p.ghosts, step: Math.min(p.ghosts.step, spikeTotal(p.ghosts)) }
            : p.ghosts,
      })),
  );

  it('restores every valid state exactly from its link with no notice (else links drift)', () => {
    fc.assert(
      fc.property(validParams, (p) => {
        const r = parsePermalink(serializePermalink(p));
        expect(r.issues).toEqual([]);
        expect(r.params).toEqual(p);
      }),
      FC,
    );
  });

  const keys = [
    'v',
    'view',
    'embed',
    'theme',
    'seed',
    'z',
    'a',
    'y',
    'tau',
    'r',
    'span',
    'color',
    'n',
    'T',
    'mode',
    'data',
    'dir',
    'lr',
    'at',
    'spike',
    'hold',
    'step',
  ];
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.double().map(String),
    fc.array(fc.double().map(String), { maxLength: 20 }).map((xs) => xs.join(',')),
    fc.constantFrom('auto', 'ghosts', 'landscape', '1', '0', 'true', 'dark', 'phase', ''),
    fc.constantFrom('spike', 'batch', 'spirals', 'random', '1e-3', '150', '5000'),
  );
  const linkLike = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), value), { maxLength: 15 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
  const encodedLink = fc
    .dictionary(fc.constantFrom(...keys), value)
    .map((d) => `?${new URLSearchParams(d).toString()}`);
  const webUrlQuery = fc
    .webUrl({ withQueryParameters: true, withFragments: true })
    .map((u) => new URL(u).search);
  const anyString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom('%', '&', '=', ',', '+', '?', '1', 'e', '.', '-', 'z', 'a'),
    }),
  );

  const noCrash = (s: string) => {
    const r = parsePermalink(s);
    expectValid(r.params);
    expect(r.issues.length).toBeLessThanOrEqual(10);
    // The last-resort guard must never be what kept the page alive.
    expect(r.issues.some((i) => i.param === 'link' && /could not be read/.test(i.message))).toBe(
      false,
    );
    for (const i of r.issues) expect(i.param.length + i.message.length).toBeLessThan(400);
  };

  it('never throws and yields a valid state for arbitrary strings, else a bad link crashes the page', () => {
    fc.assert(fc.property(anyString, noCrash), FC);
  });

  it('never throws and yields a valid state for link-shaped junk, else a bad link crashes the page', () => {
    fc.assert(fc.property(linkLike, noCrash), FC);
    fc.assert(fc.property(encodedLink, noCrash), FC);
  });

  it('never throws and yields a valid state for web-URL queries, else a bad link crashes the page', () => {
    fc.assert(fc.property(webUrlQuery, noCrash), FC);
  });

  it('applyParams yields a valid state for any entries, else a host message can crash the view', () => {
    fc.assert(
      fc.property(validParams, fc.dictionary(fc.constantFrom(...keys), value), (base, entries) => {
        const r = applyParams(base, entries);
        expectValid(r.params);
      }),
      FC,
    );
  });

  it('re-reads its own repaired output unchanged, else the rewritten URL would differ on reload', () => {
    fc.assert(
      fc.property(linkLike, (s) => {
        const once = parsePermalink(s).params;
        const again = parsePermalink(serializePermalink(once));
        expect(again.issues).toEqual([]);
        expect(again.params).toEqual(once);
      }),
      FC,
    );
  });
});

describe('views and keys', () => {
  it('quotes a key with spaces or control characters, else "view " passes for "view"', () => {
    const r = parse('?view%20=47.4&%0AGhosts=9');
    expect(params(r.issues)).toEqual(['"view "', '"\\nGhosts"']);
  });

  it('honours lr in every trained mode: lr=auto is the recipe, a number is that number', () => {
    expect(parse('?mode=sweep&data=spirals&lr=0.01').params.ghosts.lr).toBe(0.01);
    expect(parse('?mode=sweep&lr=auto').params.ghosts.lr).toBeNull();
  });
});

describe('links that restore their picture', () => {
  it('clamps a spike step past at + hold and names it, else the link shows another step silently', () => {
    const r = parse('?mode=spike&at=0&hold=20&step=25');
    expect(r.params.ghosts.step).toBe(20);
    expect(params(r.issues)).toEqual(['step']);
    expect(r.issues[0]?.message).toMatch(/past the end of the spike run/);
    // Other modes keep their step: the batch model trains to any step a link holds.
    expect(parse('?mode=batch&at=0&hold=20&step=25').issues).toEqual([]);
  });
});
