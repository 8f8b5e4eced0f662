/**
 * What every instrument must be for the shell to serve it: a unique id, a link schema whose
 * keys never shadow the app's and whose defaults read back silently, readouts that exist in its
 * code, a README table that says what the schema says, and an agreement check for its kernels.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FIELD_DOCS } from '../link/codec';
import {
  defaults,
  resolveFields,
  writeFields,
  type FieldDoc,
  type LinkSchema,
} from '../link/schema';
import { BENCH_MODULES } from '../../bench/modules';
import { AVAILABLE, INSTRUMENTS } from './registry';

const APP_KEYS = Object.keys(APP_FIELD_DOCS);
const README = readFileSync('README.md', 'utf8');

function docsOf(link: LinkSchema<object>): Record<string, FieldDoc> {
  const fields = link.fields as unknown as Record<string, FieldDoc>;
  const inputs = (link.inputs ?? {}) as Record<string, FieldDoc>;
  return Object.fromEntries(
    Object.entries({ ...fields, ...inputs }).map(([k, d]) => [
      k,
      { meaning: d.meaning, range: d.range },
    ]),
  );
}

/** The rows of the README table after `<!-- link-table:<name> … -->`: key → doc. */
function readmeTable(name: string): Record<string, FieldDoc> | null {
  const start = README.indexOf(`<!-- link-table:${name}`);
  if (start < 0) return null;
  const rows: Record<string, FieldDoc> = {};
  let inTable = false;
  for (const line of README.slice(start).split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const key = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (key) rows[key] = { meaning: cells[1] ?? '', range: cells[2] ?? '' };
  }
  return rows;
}

describe('the instrument registry', () => {
  it('gives every instrument a unique id that is not an app key, else params collide', () => {
    const ids = INSTRUMENTS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(APP_KEYS).not.toContain(id);
    expect(AVAILABLE.length).toBeGreaterThan(0);
  });

  it('documents the app keys in the README as the codec does, else the table drifts', () => {
    expect(readmeTable('app')).toEqual(APP_FIELD_DOCS);
  });

  for (const inst of AVAILABLE) {
    const link = inst.link as LinkSchema<object>;
    describe(inst.id, () => {
      it('never shadows an app key with a link key, else one of them is unreachable', () => {
        for (const key of Object.keys(docsOf(link))) expect(APP_KEYS).not.toContain(key);
      });

      it('reads its defaults back without a notice and writes none of them', () => {
        const issues: { param: string; message: string }[] = [];
        const d = defaults(link);
        // Every default written out explicitly must read back as itself, silently.
        const specs = link.fields as unknown as Record<
          string,
          { write: (v: unknown) => string; default: unknown }
        >;
        const written = Object.fromEntries(
          Object.entries(specs).map(([k, f]) => [k, f.write(f.default)]),
        );
        const back = resolveFields(link, d, written, issues);
        expect(issues).toEqual([]);
        expect(back).toEqual(d);
        expect(writeFields(inst.link, d)).toEqual([]);
      });

      it('documents every link key in the README exactly as its field table does', () => {
        const table = readmeTable(inst.id);
        expect(
          table,
          `README.md needs <!-- link-table:${inst.id} --> and its table`,
        ).not.toBeNull();
        expect(table).toEqual(docsOf(link));
      });

      // That each is rendered with a number is e2e/views.spec.ts's job, in a real browser.
      it('declares its readouts under unique, well-formed test ids per mode', () => {
        for (const [mode, ids] of Object.entries(inst.readouts)) {
          expect(new Set(ids).size, `duplicate readout id in mode ${mode}`).toBe(ids.length);
          for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
      });

      it('has an agreement check for its kernels in its bench module', () => {
        const kernels = join('src/instruments', inst.id, 'kernels');
        if (!existsSync(kernels)) return;
        const bench = BENCH_MODULES.find((m) => m.id === inst.id);
        expect(bench, `${inst.id}/bench.ts listed in bench/modules.ts`).toBeDefined();
        expect(Object.keys(bench?.checks ?? {}).length).toBeGreaterThan(0);
      });
    });
  }

  it('has an agreement check for the shared models’ kernels', () => {
    for (const model of readdirSync('src/models')) {
      if (!existsSync(join('src/models', model, 'kernels'))) continue;
      const bench = BENCH_MODULES.find((m) => m.id === model);
      expect(Object.keys(bench?.checks ?? {}).length, model).toBeGreaterThan(0);
    }
  });
});
