/**
 * The export envelope for every instrument, the caption built from it, and link precision
 * against what the controls show.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { envelope, envelopeText, exportCaption, type ViewExport } from './exportJson';
import { DEFAULT_PARAMS } from './link';
import { describeFields } from '../link/schema';
import { roundForLink, writeNumber } from '../link/read';
import { formatNumber, parseNumber } from '../ui/format';
import { AVAILABLE } from '../instruments/registry';
import { spikeJson } from '../instruments/ghosts/view/spike/spikeJson';
import { entropyJson } from '../instruments/entropy/view/entropyJson';
import { collapseJson } from '../instruments/collapse/view/exportData';
import { landscapeJson } from '../instruments/landscape/view/exportData';

const KEYS = ['app', 'version', 'view', 'mode', 'link', 'backend', 'params', 'partial', 'results'];

/** Each instrument's export taken before anything was computed: the most partial it can be. */
const EARLY: Record<string, ViewExport> = {
  ghosts: spikeJson(null, 10),
  landscape: landscapeJson(null, DEFAULT_PARAMS.landscape, false, []),
  entropy: entropyJson(null, null, 300),
  collapse: collapseJson(null, null, 1000),
};

describe('the export envelope', () => {
  it('covers every available instrument', () => {
    expect(Object.keys(EARLY).sort()).toEqual(AVAILABLE.map((i) => i.id).sort());
  });

  for (const inst of AVAILABLE) {
    it(`${inst.id}: one shape, with link (never permalink), and a partial export says what is missing`, () => {
      const e = envelope(inst.id, DEFAULT_PARAMS[inst.id], '?view=x', EARLY[inst.id] as ViewExport);
      expect(Object.keys(e)).toEqual([...KEYS.slice(0, 8), 'missing', 'results']);
      expect(e).toMatchObject({
        app: 'softmax-atlas',
        view: inst.id,
        link: '?view=x',
        partial: true,
      });
      expect(e.missing).toMatch(/\w/);
      const text = envelopeText(e);
      expect(text).not.toContain('permalink');
      expect(JSON.parse(text)).toHaveProperty('link', '?view=x');
    });
  }

  it('leaves missing out of a complete export and writes non-finite numbers as text', () => {
    const e = envelope('ghosts', {}, 'L', {
      mode: 'plane',
      backend: 'cpu: test',
      results: { r: Infinity },
      missing: 'ignored when complete',
    });
    expect(Object.keys(e)).toEqual(KEYS);
    expect(JSON.parse(envelopeText(e))).toMatchObject({
      partial: false,
      results: { r: 'Infinity' },
    });
  });

  it('captions the view, mode, every parameter and the link, and says PARTIAL when partial', () => {
    const ghosts = AVAILABLE.find((i) => i.id === 'ghosts');
    if (!ghosts) throw new Error('no ghosts');
    const fields = describeFields(ghosts.link, { ...DEFAULT_PARAMS.ghosts, tau: 12.0226 });
    expect(fields).toContain('tau=12.0226');
    expect(fields).toContain('z=2,0.5,-1');
    expect(fields).toHaveLength(Object.keys(ghosts.link.fields).length);
    const done = envelope('ghosts', {}, 'LINK', { mode: 'plane', backend: null, results: {} });
    const c = exportCaption('ghosts', done, fields);
    expect(c.link).toBe('LINK');
    expect(c.paragraphs[0]).toContain('view=ghosts, mode=plane');
    expect(c.paragraphs.join(' ')).not.toContain('PARTIAL');
    const partial = exportCaption(
      'ghosts',
      envelope('ghosts', {}, 'LINK', spikeJson(null, 10)),
      fields,
    );
    expect(partial.paragraphs[1]).toBe('PARTIAL: the replay had reached step 0 of 10');
  });
});

describe('link precision', () => {
  it('keeps exactly what a control shows (six significant digits), so the link restores the shown value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-5, max: 1e5, noNaN: true }), fc.boolean(), (x, negative) => {
        const v = negative ? -x : x;
        expect(roundForLink(v)).toBe(parseNumber(formatNumber(v)));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('writes the slider value the issue found as the control shows it', () => {
    expect(writeNumber(12.02264434617413)).toBe('12.0226');
    expect(formatNumber(12.02264434617413)).toBe('12.0226');
  });

  it('never rounds whole numbers (seeds, steps) and keeps -0 out of links', () => {
    expect(writeNumber(4294967295)).toBe('4294967295');
    expect(writeNumber(-0)).toBe('0');
  });
});
