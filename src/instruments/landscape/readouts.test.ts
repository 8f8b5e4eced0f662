// The landscape readouts: which number of the engine's state each test id shows, and how the
// panel writes it (six significant digits for people, full precision in data-value for tests
// and the export; the 1-D pair named when it is not θ₀ → θ). A failure means a readout shows
// another quantity than its name, or a test reads a rounded number.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InterpResult, LandscapeState } from './compute/protocol';
import { LANDSCAPE_READOUTS, landscapeReadouts } from './readouts';
import { LandscapeReadouts } from './view/LandscapeReadouts';

const interp = (over: Partial<InterpResult> = {}): InterpResult => ({
  alphas: Float64Array.from([-0.5, 0, 0.49, 0.98, 1.03, 1.5]),
  loss: Float64Array.from([3, 2.5, 0.4, 0.7, 0.75, 1.9]),
  min: { loss: 0.4, alpha: 0.49 },
  from: { kind: 'initial', step: 0 },
  to: { kind: 'current', step: 42 },
  ...over,
});

const state = (over: Partial<LandscapeState> = {}): LandscapeState => ({
  key: 'k',
  step: 42,
  trainLoss: 0.6931471805599453,
  trainAcc: 0.8125,
  historyFrom: 0,
  history: new Float64Array(42),
  theta: new Float64Array(3),
  theta0: new Float64Array(3),
  slice: {
    alphas: Float64Array.from([-1, 0, 1]),
    betas: Float64Array.from([-1, 0, 1]),
    loss: new Float64Array(9),
    delta: new Float64Array(3),
    eta: new Float64Array(3),
    min: { loss: 0.512345678901, alpha: -1, beta: 1 },
    center: 0.6931472,
    provenance: { kind: 'cpu', reason: 'test' },
  },
  coarse: false,
  interp: interp(),
  pca: null,
  dirsNote: null,
  regions: null,
  bounds: [0, 1, 0, 1],
  samples: { x: new Float32Array(0), y: new Uint8Array(0), n: 0, d: 2 },
  classes: 2,
  trainProvenance: { kind: 'cpu', reason: 'test' },
  ...over,
});

describe('landscapeReadouts', () => {
  it('maps each id to its quantity', () => {
    expect(landscapeReadouts(state())).toEqual({
      step: 42,
      'train-loss': 0.6931471805599453,
      'train-acc': 0.8125,
      'loss-center': 0.6931472,
      'grid-min': 0.512345678901,
      'grid-min-alpha': -1,
      'grid-min-beta': 1,
      // The curve's point nearest α = 1 (0.98, not 1.03), not its last or largest α.
      'interp-at-1': 0.7,
      'interp-min': 0.4,
    });
  });

  it('has a value for every id it declares, and nothing else', () => {
    expect(Object.keys(landscapeReadouts(state()))).toEqual([...LANDSCAPE_READOUTS.param]);
  });

  it('shows nothing (null) before a state, and no slice numbers before a slice', () => {
    for (const v of Object.values(landscapeReadouts(null))) expect(v).toBeNull();
    const r = landscapeReadouts(state({ slice: null, interp: null }));
    expect(r['loss-center']).toBeNull();
    expect(r['grid-min']).toBeNull();
    expect(r['interp-at-1']).toBeNull();
    expect(r['interp-min']).toBeNull();
    expect(r['train-loss']).toBe(0.6931471805599453);
  });

  it('takes interp-at-1 and interp-min from the pair on screen, pinned or not', () => {
    const pinned = interp({
      from: { kind: 'pin', step: 5 },
      to: { kind: 'pin', step: 20 },
      alphas: Float64Array.from([0, 1]),
      loss: Float64Array.from([0.9, 0.3]),
      min: { loss: 0.3, alpha: 1 },
    });
    const r = landscapeReadouts(state({ interp: pinned }));
    expect(r['interp-at-1']).toBe(0.3);
    expect(r['interp-min']).toBe(0.3);
    expect(r['train-loss']).toBe(0.6931471805599453);
  });
});

describe('the readouts panel', () => {
  const render = (s: LandscapeState | null) =>
    renderToStaticMarkup(
      createElement(LandscapeReadouts, {
        values: landscapeReadouts(s),
        interp: s?.interp ?? null,
        compact: false,
      }),
    );
  const cell = (html: string, id: string) => {
    const m = new RegExp(`<dd data-testid="${id}" data-value="([^"]*)">([^<]*)</dd>`).exec(html);
    if (!m) throw new Error(`no readout ${id}`);
    return { value: m[1], text: m[2] };
  };

  it('writes six significant digits for people and every digit in data-value', () => {
    const html = render(state());
    expect(cell(html, 'train-loss')).toEqual({ value: '0.6931471805599453', text: '0.693147' });
    expect(cell(html, 'grid-min')).toEqual({ value: '0.512345678901', text: '0.512346' });
    expect(cell(html, 'grid-min-alpha')).toEqual({ value: '-1', text: '−1' });
    expect(cell(html, 'step')).toEqual({ value: '42', text: '42' });
  });

  it('shows an ellipsis and an empty data-value while there is no number', () => {
    expect(cell(render(null), 'interp-min')).toEqual({ value: '', text: '…' });
  });

  it('names the pair when it is not θ₀ → θ, and says interp-at-1 is no longer θ', () => {
    const plain = render(state());
    expect(plain).toContain('interp. at α = 1');
    expect(plain).not.toContain('pin @');
    const html = render(
      state({ interp: interp({ from: { kind: 'pin', step: 5 }, to: { kind: 'pin', step: 20 } }) }),
    );
    expect(html).toContain('interp. at α = 1 (pin @ 20)');
    expect(html).toContain('the lowest loss on the line pin @ 5 → pin @ 20');
    expect(html).not.toContain('so the train loss again');
  });
});
