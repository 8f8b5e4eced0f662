/** Every instrument's first-contact content: a paper page, and presets that are clean links. */
import { describe, expect, it } from 'vitest';
import { AVAILABLE } from '../instruments/registry';
import { parsePermalink, serializePermalink } from './link';

describe('about', () => {
  for (const inst of AVAILABLE) {
    it(`${inst.id}: has a paper page and three presets, each a clean link to a distinct state of this view`, () => {
      const about = inst.about;
      if (!about) throw new Error(`${inst.id} has no about`);
      expect(about.paper.href).toMatch(/^https:\/\/(arxiv\.org\/abs|doi\.org)\//);
      expect(about.presets).toHaveLength(3);
      const states = about.presets.map((p) => {
        const r = parsePermalink(p.query);
        expect(r.issues, p.query).toEqual([]);
        expect(r.params.view).toBe(inst.id);
        return serializePermalink(r.params);
      });
      expect(new Set(states).size).toBe(3);
    });
  }
});
