import { describe, expect, it } from 'vitest';
import { createLinkCodec, type AppFields, type LinkView } from './codec';
import { oneOf, positive, wholeInRange } from './read';
import { choiceField, numberField } from './schema';

// Two views that share a key name (`seed`) with different meanings, and one planned view.
const alpha: LinkView = {
  id: 'alpha',
  title: 'Alpha',
  status: 'available',
  link: {
    fields: {
      seed: numberField(wholeInRange(0, 9, 'a seed'), 0, { meaning: 'seed', range: '0–9' }),
      rate: numberField(positive(0.1, 10), 1, { meaning: 'rate', range: '0.1–10' }),
    },
  },
};
const beta: LinkView = {
  id: 'beta',
  title: 'Beta',
  status: 'available',
  link: {
    fields: {
      seed: numberField(wholeInRange(0, 99, 'a seed'), 5, { meaning: 'seed', range: '0–99' }),
      shape: choiceField(oneOf(['round', 'square'], 'a shape'), 'round', {
        meaning: 'shape',
        range: 'round',
      }),
    },
  },
};
const gamma: LinkView = { id: 'gamma', title: 'Gamma', status: 'planned', link: { fields: {} } };

type State = AppFields & {
  alpha: { seed: number; rate: number };
  beta: { seed: number; shape: string };
};
const codec = createLinkCodec<State>([alpha, beta, gamma]);
const names = (s: string) => codec.parse(s).issues.map((i) => i.param);

describe('the link codec over several views', () => {
  it('starts every view at its defaults, else switching views shows junk', () => {
    expect(codec.defaults).toEqual({
      view: 'alpha',
      embed: false,
      present: false,
      controls: [],
      theme: 'system',
      origin: [],
      alpha: { seed: 0, rate: 1 },
      beta: { seed: 5, shape: 'round' },
    });
  });

  it('reads only the active view’s keys, so one name can mean different things per view', () => {
    expect(codec.parse('?view=beta&seed=42').params.beta.seed).toBe(42);
    // 42 is out of alpha's range: clamped there, and named.
    const a = codec.parse('?view=alpha&seed=42');
    expect(a.params.alpha.seed).toBe(9);
    expect(a.issues.map((i) => i.param)).toEqual(['seed']);
  });

  it('names a key of another view as belonging to it, else a link to the wrong view reads as a typo', () => {
    const r = codec.parse('?view=alpha&shape=square');
    expect(r.issues).toEqual([
      { param: 'shape', message: expect.stringMatching(/belongs to the Beta view \(view=beta\)/) },
    ]);
    expect(r.params.beta.shape).toBe('round');
  });

  it('says a planned view is not available yet and shows the first view', () => {
    const r = codec.parse('?view=gamma');
    expect(r.params.view).toBe('alpha');
    expect(r.issues[0]?.message).toMatch(/not available yet/);
  });

  it('writes the app keys and only the active view’s non-defaults, else links carry other views', () => {
    const s = codec.parse('?view=beta&seed=7&shape=square').params;
    const moved = { ...s, alpha: { seed: 3, rate: 2 } };
    expect(codec.serialize(moved)).toBe('?v=1&view=beta&seed=7&shape=square');
    expect(codec.serialize({ ...moved, view: 'alpha' })).toBe('?v=1&view=alpha&seed=3&rate=2');
  });

  it('keeps other views’ params when a host sets one view’s keys', () => {
    const base = codec.parse('?view=beta&seed=7').params;
    const r = codec.apply({ ...base, alpha: { seed: 3, rate: 2 } }, { shape: 'square' });
    expect(r.params.alpha).toEqual({ seed: 3, rate: 2 });
    expect(r.params.beta).toEqual({ seed: 7, shape: 'square' });
  });

  it('reads origin= as an allow-list of origins and names anything else', () => {
    const ok = codec.parse('?origin=https://a.example,http://127.0.0.1:8000');
    expect(ok.params.origin).toEqual(['https://a.example', 'http://127.0.0.1:8000']);
    expect(codec.parse(codec.serialize(ok.params)).params.origin).toEqual(ok.params.origin);
    const bad = codec.parse('?origin=https://a.example/path');
    expect(bad.params.origin).toEqual([]);
    expect(bad.issues.map((i) => i.param)).toEqual(['origin']);
  });

  it('reads present=1 and writes it back, else a projected link opens in small type', () => {
    const r = codec.parse('?present=1');
    expect(r.params.present).toBe(true);
    expect(codec.serialize(r.params)).toBe('?v=1&view=alpha&present=1');
    expect(codec.parse('?present=maybe').issues.map((i) => i.param)).toEqual(['present']);
  });

  it('reads controls= as the active view’s keys and names the rest, which it drops', () => {
    const ok = codec.parse('?view=beta&embed=1&controls=shape,seed');
    expect(ok.params.controls).toEqual(['shape', 'seed']);
    expect(ok.issues).toEqual([]);
    expect(codec.serialize(ok.params)).toBe('?v=1&view=beta&embed=1&controls=shape,seed');
    // `rate` is alpha's key, not beta's: a control of another view is not shown either.
    const bad = codec.parse('?view=beta&controls=shape,rate,sahpe');
    expect(bad.params.controls).toEqual(['shape']);
    expect(bad.issues).toEqual([
      {
        param: 'controls',
        message: expect.stringMatching(/"rate", "sahpe" are not controls of this view.*ignored/),
      },
    ]);
    expect(codec.parse('?controls=').params.controls).toEqual([]);
  });

  it('drops the control names when a host switches views, else they name the old view’s keys', () => {
    const base = codec.parse('?view=beta&controls=shape').params;
    const r = codec.apply(base, { view: 'alpha' });
    expect(r.params.controls).toEqual([]);
    expect(codec.apply(base, { seed: '8' }).params.controls).toBe(base.controls);
  });

  it('names non-text values from a host instead of reading them', () => {
    const r = codec.apply(codec.defaults, { rate: 2 as unknown as string });
    expect(r.issues.map((i) => i.param)).toEqual(['rate']);
    expect(names('?rate=2')).toEqual([]);
  });
});

describe('no-op input', () => {
  it('returns the very same state for an empty or unchanged set, else a host message recomputes everything', () => {
    const base = codec.parse('?view=beta&seed=7').params;
    expect(codec.apply(base, {}).params).toBe(base);
    expect(codec.apply(base, { seed: '7', shape: 'round' }).params).toBe(base);
    const moved = codec.apply(base, { seed: '8' }).params;
    expect(moved).not.toBe(base);
    expect(moved.alpha).toBe(base.alpha);
  });
});
